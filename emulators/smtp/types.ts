/** One message as the catcher received it. */
export interface CapturedMail {
  /** Sequential id within this catcher ("1", "2", …). */
  id: string;
  receivedAt: string;
  /** smtp-server's id for the SMTP session: equal ids mean one reused (pooled) connection. */
  sessionId: string;
  /** SMTP envelope: MAIL FROM and the accepted RCPT TO addresses. */
  envelope: { from: string; to: string[] };
  /** Decoded `From:` header, e.g. `OnlyWave <loja@onlywave.com.br>`. */
  from: string;
  /** Envelope recipients (bare addresses): who the message was actually delivered to. */
  to: string[];
  subject: string;
  text: string | null;
  html: string | null;
  /** `Message-ID:` header including angle brackets. */
  messageId: string | null;
  /** Lower-cased header name → decoded value (repeated headers joined with ", "). */
  headers: Record<string, string>;
  attachments: Array<{ contentType: string; filename: string | null; size: number }>;
  /** The message source as received (UTF-8 view). */
  raw: string;
}

/**
 * Which recipients to refuse with `550 5.1.1`: exact addresses (case-insensitive),
 * a pattern, or a predicate.
 */
export type RecipientRule = Iterable<string> | RegExp | ((address: string) => boolean);
