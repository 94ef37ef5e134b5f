import { EmailSendError } from "./errors";
import { createSendGridProvider, type SendGridProviderOptions } from "./sendgrid";
import { createSmtpProvider, type SmtpProviderOptions } from "./smtp";
import type { EmailMessage, EmailProvider, EmailProviderName, SendResult } from "./types";

export type { EmailErrorKind, EmailErrorReason } from "./errors";
export { EmailSendError, isEmailSendError } from "./errors";
export { createSendGridProvider, SENDGRID_DEFAULT_API_URL, type SendGridProviderOptions } from "./sendgrid";
export { createSmtpProvider, type SmtpProviderOptions } from "./smtp";
export type { EmailAddress, EmailMessage, EmailProvider, EmailProviderName, SendResult } from "./types";

/** What `lib/config.ts` builds from the environment; providers never read env themselves. */
export type EmailProviderConfig =
  | ({ provider: "sendgrid" } & SendGridProviderOptions)
  | ({ provider: "smtp" } & SmtpProviderOptions);

export function createEmailProvider(config: EmailProviderConfig): EmailProvider {
  switch (config.provider) {
    case "sendgrid": {
      const { provider: _provider, ...options } = config;
      return createSendGridProvider(options);
    }
    case "smtp": {
      const { provider: _provider, ...options } = config;
      return createSmtpProvider(options);
    }
  }
}

export interface FallbackSendResult {
  /** Which provider actually accepted the message (store it with the message id). */
  provider: EmailProviderName;
  result: SendResult;
  /** Set when the primary failed transiently and the fallback delivered instead. */
  primaryError?: EmailSendError;
}

/**
 * Both providers failed. Carries the fallback's classification (it decides whether
 * the outbox retries) and keeps the primary's error for the log.
 */
export class EmailFallbackError extends EmailSendError {
  readonly primaryError: EmailSendError;
  constructor(primaryError: EmailSendError, fallbackError: EmailSendError) {
    super({
      kind: fallbackError.kind,
      reason: fallbackError.reason,
      provider: fallbackError.provider,
      statusCode: fallbackError.statusCode,
      code: fallbackError.code,
      message: `${fallbackError.message} (after ${primaryError.provider} failed: ${primaryError.message})`,
      cause: fallbackError,
    });
    this.name = "EmailFallbackError";
    this.primaryError = primaryError;
  }
}

/**
 * Sends through `primary`; on a *transient* failure tries `fallback` once.
 *
 * A permanent failure (bad address, invalid message) is rethrown untouched: the
 * other provider would refuse it too, or worse, deliver something the first one
 * rightly rejected. Retrying later is the outbox's job, not this function's.
 */
export async function sendWithFallback(
  primary: EmailProvider,
  fallback: EmailProvider | undefined,
  message: EmailMessage,
): Promise<FallbackSendResult> {
  try {
    return { provider: primary.name, result: await primary.send(message) };
  } catch (error) {
    if (!(error instanceof EmailSendError) || error.kind === "permanent" || !fallback) throw error;
    try {
      return { provider: fallback.name, result: await fallback.send(message), primaryError: error };
    } catch (fallbackError) {
      if (fallbackError instanceof EmailSendError) throw new EmailFallbackError(error, fallbackError);
      throw fallbackError;
    }
  }
}
