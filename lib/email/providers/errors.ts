import type { EmailProviderName } from "./types";

/**
 * - `transient`: the same message may go through later or through another provider
 *   (network, timeout, 5xx, 429, SMTP 4xx, provider auth/config trouble).
 * - `permanent`: sending the same message again will fail the same way (invalid
 *   address, SMTP 5xx rejection, malformed request). Never retried, never falls back.
 */
export type EmailErrorKind = "transient" | "permanent";

/** Finer cause, for logs, metrics and the admin outbox page. */
export type EmailErrorReason =
  | "network"
  | "timeout"
  | "rate_limited"
  | "provider_error"
  | "auth"
  | "invalid_request"
  | "recipient_rejected"
  | "unknown";

export interface EmailSendErrorInit {
  kind: EmailErrorKind;
  reason: EmailErrorReason;
  provider: EmailProviderName;
  /** HTTP status (SendGrid) or SMTP reply code; null when nothing was answered. */
  statusCode: number | null;
  message: string;
  /** Low-level code, e.g. `ECONNREFUSED`, `EENVELOPE`, `ETIMEDOUT`. */
  code?: string;
  cause?: unknown;
}

/** The only error type providers throw, so callers can decide retry/fallback from `kind`. */
export class EmailSendError extends Error {
  readonly kind: EmailErrorKind;
  readonly reason: EmailErrorReason;
  readonly provider: EmailProviderName;
  readonly statusCode: number | null;
  readonly code: string | undefined;

  constructor(init: EmailSendErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = "EmailSendError";
    this.kind = init.kind;
    this.reason = init.reason;
    this.provider = init.provider;
    this.statusCode = init.statusCode;
    this.code = init.code;
  }

  get transient(): boolean {
    return this.kind === "transient";
  }

  /** Plain object for logs and the outbox's `last_error` column. */
  toJSON() {
    return {
      name: this.name,
      kind: this.kind,
      reason: this.reason,
      provider: this.provider,
      statusCode: this.statusCode,
      code: this.code,
      message: this.message,
    };
  }
}

export function isEmailSendError(error: unknown): error is EmailSendError {
  return error instanceof EmailSendError;
}

/** Socket-level error codes that mean "could not talk to the server", i.e. try again. */
export const NETWORK_ERROR_CODES: ReadonlySet<string> = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENETDOWN",
  "ECONNABORTED",
  "ERR_SOCKET_CONNECTION_TIMEOUT",
]);
