/**
 * Header names a caller may not set through `message.headers`: the providers own
 * them, and @sendgrid/mail also copies `headers` onto the HTTP request, where
 * `Authorization`/`Content-Type` would clobber the API call itself.
 */
const RESERVED_HEADERS = new Set([
  "authorization",
  "content-type",
  "content-length",
  "content-transfer-encoding",
  "host",
  "from",
  "to",
  "cc",
  "bcc",
  "subject",
  "reply-to",
  "message-id",
  "date",
  "mime-version",
  "x-smtpapi",
  "x-sg-id",
  "x-sg-eid",
  "received",
  "dkim-signature",
]);

/** Drops reserved names and rejects non-ASCII/CRLF values (header injection, invalid HTTP). */
export function sanitizeHeaders(headers: Record<string, string> | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  if (!headers) return result;
  for (const [name, value] of Object.entries(headers)) {
    if (!/^[A-Za-z0-9-]+$/.test(name)) throw new TypeError(`Invalid email header name "${name}"`);
    if (RESERVED_HEADERS.has(name.toLowerCase())) {
      throw new TypeError(`Email header "${name}" is set by the provider and cannot be overridden`);
    }
    if (!/^[\x20-\x7e\t]*$/.test(value)) {
      throw new TypeError(`Email header "${name}" must be printable ASCII`);
    }
    result[name] = value;
  }
  return result;
}
