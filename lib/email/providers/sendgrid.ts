import sendgridClient from "@sendgrid/client";
import sendgridMail from "@sendgrid/mail";
import { EmailSendError } from "./errors";
import { sanitizeHeaders } from "./headers";
import { classifySendGridError } from "./sendgrid-errors";
import type { EmailAddress, EmailMessage, EmailProvider, SendResult } from "./types";

export const SENDGRID_DEFAULT_API_URL = "https://api.sendgrid.com";

export interface SendGridProviderOptions {
  apiKey: string;
  /** `https://api.eu.sendgrid.com` for EU subusers, or an emulator URL in dev/tests. */
  apiUrl?: string;
  /** Per-request timeout; a timeout is a transient error. Default 10 s. */
  timeoutMs?: number;
  /**
   * SendGrid rewrites links for click tracking. Off by default: it would route
   * password-reset and download links through SendGrid's redirect domain.
   */
  clickTracking?: boolean;
  /** Sandbox mode: SendGrid only validates (answers 200), delivers nothing, sends no events. */
  sandbox?: boolean;
}

type SendGridClient = typeof sendgridClient;
type SendGridMailService = typeof sendgridMail;
type SendGridMailData = Parameters<SendGridMailService["send"]>[0];

/*
 * The packages' typings only expose their singletons (`export =`), not the
 * `Client`/`MailService` classes that exist at runtime. Taking the class from the
 * singleton's constructor gives fresh, typed instances without touching the shared
 * singletons that other code might configure.
 */
const SendGridClientClass = sendgridClient.constructor as new () => SendGridClient;
const SendGridMailServiceClass = sendgridMail.constructor as new () => SendGridMailService;

function toSendGridAddress(address: EmailAddress): { email: string; name?: string } {
  return typeof address === "string" ? { email: address } : address;
}

function toMailData(message: EmailMessage, options: SendGridProviderOptions): SendGridMailData {
  const to = (Array.isArray(message.to) ? message.to : [message.to]).map(toSendGridAddress);
  const clickTracking = options.clickTracking ?? false;
  const headers = sanitizeHeaders(message.headers);
  return {
    to,
    from: toSendGridAddress(message.from),
    ...(message.replyTo ? { replyTo: toSendGridAddress(message.replyTo) } : {}),
    subject: message.subject,
    // The SDK orders content text/plain first, then text/html, as the API requires.
    text: message.text,
    html: message.html,
    ...(message.customArgs && Object.keys(message.customArgs).length > 0
      ? { customArgs: message.customArgs }
      : {}),
    ...(Object.keys(headers).length > 0 ? { headers } : {}),
    trackingSettings: { clickTracking: { enable: clickTracking, enableText: clickTracking } },
    ...(options.sandbox ? { mailSettings: { sandboxMode: { enable: true } } } : {}),
  };
}

function headerValue(headers: unknown, name: string): string | null {
  if (!headers || typeof headers !== "object") return null;
  const value = (headers as Record<string, unknown>)[name];
  if (typeof value === "string" && value.length > 0) return value;
  if (Array.isArray(value) && typeof value[0] === "string") return value[0];
  return null;
}

/**
 * SendGrid v3 Mail Send through @sendgrid/mail on a private Client instance.
 *
 * Order matters: `Client.setApiKey()` resets `baseUrl` to the global host, so the
 * key is set first and `baseUrl` after it, and `MailService.setApiKey()` is never
 * called (it would reset it again). A private Client/MailService pair also keeps
 * two providers (or tests) from sharing the SDK's global singletons.
 */
export function createSendGridProvider(options: SendGridProviderOptions): EmailProvider {
  if (!options.apiKey) throw new TypeError("SendGrid provider needs an apiKey");
  const client = new SendGridClientClass();
  client.setApiKey(options.apiKey);
  client.setDefaultRequest("baseUrl", (options.apiUrl ?? SENDGRID_DEFAULT_API_URL).replace(/\/+$/, ""));
  const mail = new SendGridMailServiceClass();
  mail.setClient(client);
  // Sets axios' timeout on the client above (setTimeout is not a global here).
  mail.setTimeout(options.timeoutMs ?? 10_000);

  return {
    name: "sendgrid",
    async send(message: EmailMessage): Promise<SendResult> {
      let data: SendGridMailData;
      try {
        data = toMailData(message, options);
      } catch (error) {
        throw new EmailSendError({
          kind: "permanent",
          reason: "invalid_request",
          provider: "sendgrid",
          statusCode: null,
          message: error instanceof Error ? error.message : String(error),
          cause: error,
        });
      }
      try {
        const [response] = await mail.send(data);
        // 202 only means "queued"; per-recipient outcomes arrive via the Event Webhook.
        return { providerMessageId: headerValue(response.headers, "x-message-id") };
      } catch (error) {
        throw classifySendGridError(error);
      }
    },
  };
}
