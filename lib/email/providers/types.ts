/** A mailbox: bare address or address with display name. */
export type EmailAddress = string | { email: string; name?: string };

/**
 * One outgoing email, already rendered. Providers send exactly this; they never
 * render templates or read configuration themselves.
 */
export interface EmailMessage {
  to: EmailAddress | EmailAddress[];
  from: EmailAddress;
  replyTo?: EmailAddress;
  subject: string;
  html: string;
  text: string;
  /**
   * Our correlation ids (e.g. `{ outbox_id: "123" }`). SendGrid sends them as
   * `custom_args` and echoes them as top-level keys of every Event Webhook event;
   * SMTP puts them in an `X-SMTPAPI` header (honoured by SendGrid's SMTP relay).
   * Values must be strings and must not contain PII (SendGrid stores them as such).
   */
  customArgs?: Record<string, string>;
  /** Extra MIME headers, e.g. `List-Unsubscribe`. ASCII values only. */
  headers?: Record<string, string>;
}

export interface SendResult {
  /** Provider's id for later correlation: SendGrid `X-Message-Id`, SMTP Message-ID. */
  providerMessageId: string | null;
  /** Recipients the provider took (SMTP reports this per address; SendGrid does not). */
  accepted?: string[];
  /** Recipients refused while others were accepted (a refusal of all of them throws instead). */
  rejected?: string[];
}

export type EmailProviderName = "sendgrid" | "smtp";

export interface EmailProvider {
  readonly name: EmailProviderName;
  /** Resolves once the provider accepted the message; throws `EmailSendError` otherwise. */
  send(message: EmailMessage): Promise<SendResult>;
  /** Releases pooled connections; call on shutdown. */
  close?(): Promise<void>;
}
