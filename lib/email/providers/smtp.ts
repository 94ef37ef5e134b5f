import { createTransport } from "nodemailer";
import { EmailSendError } from "./errors";
import { sanitizeHeaders } from "./headers";
import { classifySmtpError } from "./smtp-errors";
import type { EmailAddress, EmailMessage, EmailProvider, SendResult } from "./types";

export interface SmtpProviderOptions {
  /**
   * `smtp://user:pass@host:587` (STARTTLS when offered), `smtps://…:465` (implicit TLS)
   * or the local catcher's `smtp://127.0.0.1:PORT`.
   */
  smtpUrl: string;
  /** Pool size; default 3 (nodemailer's own default is 5). */
  maxConnections?: number;
  /** Messages per connection before it is recycled; default 100. */
  maxMessages?: number;
  /** TCP connect timeout; default 10 s (nodemailer: 2 min, far too long for a request path). */
  connectionTimeoutMs?: number;
  /** Wait for the server greeting; default 10 s. */
  greetingTimeoutMs?: number;
  /** Inactivity timeout on an open connection; default 30 s. */
  socketTimeoutMs?: number;
  /**
   * Forward `customArgs` as an `X-SMTPAPI: {"unique_args":{…}}` header, which
   * SendGrid's SMTP relay turns into Event Webhook custom args. Default true.
   */
  forwardCustomArgs?: boolean;
}

function toNodemailerAddress(address: EmailAddress): string | { name: string; address: string } {
  if (typeof address === "string") return address;
  return address.name ? { name: address.name, address: address.email } : address.email;
}

/** JSON with non-ASCII escaped, so the header never needs RFC 2047 encoding. */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

function addressList(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  return list.map((entry) =>
    typeof entry === "string" ? entry : String((entry as { address?: unknown }).address ?? entry),
  );
}

/**
 * SMTP through a pooled nodemailer transport: connections are opened lazily, reused
 * across messages and closed by `close()`. Recipients the server refused while
 * others were accepted come back in `rejected`; if all are refused nodemailer
 * throws EENVELOPE, which classifies as permanent.
 */
export function createSmtpProvider(options: SmtpProviderOptions): EmailProvider {
  if (!/^smtps?:\/\//i.test(options.smtpUrl)) {
    throw new TypeError("SMTP provider needs an smtp:// or smtps:// URL");
  }
  const transporter = createTransport({
    pool: true,
    url: options.smtpUrl,
    maxConnections: options.maxConnections ?? 3,
    maxMessages: options.maxMessages ?? 100,
    connectionTimeout: options.connectionTimeoutMs ?? 10_000,
    greetingTimeout: options.greetingTimeoutMs ?? 10_000,
    socketTimeout: options.socketTimeoutMs ?? 30_000,
  });
  const forwardCustomArgs = options.forwardCustomArgs ?? true;

  return {
    name: "smtp",
    async send(message: EmailMessage): Promise<SendResult> {
      let headers: Record<string, string>;
      try {
        headers = sanitizeHeaders(message.headers);
      } catch (error) {
        throw new EmailSendError({
          kind: "permanent",
          reason: "invalid_request",
          provider: "smtp",
          statusCode: null,
          message: error instanceof Error ? error.message : String(error),
          cause: error,
        });
      }
      if (forwardCustomArgs && message.customArgs && Object.keys(message.customArgs).length > 0) {
        headers["X-SMTPAPI"] = asciiJson({ unique_args: message.customArgs });
      }
      const to = (Array.isArray(message.to) ? message.to : [message.to]).map(toNodemailerAddress);
      try {
        const info = await transporter.sendMail({
          from: toNodemailerAddress(message.from),
          to,
          ...(message.replyTo ? { replyTo: toNodemailerAddress(message.replyTo) } : {}),
          subject: message.subject,
          text: message.text,
          html: message.html,
          headers,
        });
        return {
          providerMessageId: info.messageId ?? null,
          accepted: addressList(info.accepted),
          rejected: addressList(info.rejected),
        };
      } catch (error) {
        throw classifySmtpError(error);
      }
    },
    async close(): Promise<void> {
      transporter.close();
    },
  };
}
