import { EmailSendError, NETWORK_ERROR_CODES } from "./errors";

interface NodemailerErrorLike {
  code?: string;
  responseCode?: number;
  response?: string;
  message?: string;
  command?: string;
}

/** SMTP replies that mean "your credentials/config", not "this message". */
const AUTH_REPLY_CODES = new Set([530, 534, 535, 538]);

/**
 * Maps a nodemailer error to an `EmailSendError` by RFC 5321 reply class:
 * 4yz is transient, 5yz permanent — except 503 (bad command sequence: a new
 * connection can succeed, nodemailer also treats it as non-permanent) and the
 * AUTH failures, which are transient for the same reason as SendGrid 401: the
 * message is fine, a fallback provider can still deliver it.
 */
export function classifySmtpError(error: unknown): EmailSendError {
  const err = (typeof error === "object" && error !== null ? error : {}) as NodemailerErrorLike;
  const code = typeof err.code === "string" ? err.code : undefined;
  const status = typeof err.responseCode === "number" ? err.responseCode : null;
  const text = err.response ?? err.message ?? String(error);
  const base = { provider: "smtp" as const, cause: error, code, statusCode: status };
  const message = `SMTP ${status ?? code ?? "error"}: ${text}`;

  if (status !== null) {
    if (status >= 400 && status < 500) {
      return new EmailSendError({ ...base, kind: "transient", reason: "provider_error", message });
    }
    if (AUTH_REPLY_CODES.has(status) || code === "EAUTH") {
      return new EmailSendError({ ...base, kind: "transient", reason: "auth", message });
    }
    if (status === 503) {
      return new EmailSendError({ ...base, kind: "transient", reason: "provider_error", message });
    }
    if (status >= 500) {
      const recipient = code === "EENVELOPE" || err.command === "RCPT TO" || status === 550 || status === 553;
      return new EmailSendError({ ...base, kind: "permanent", reason: recipient ? "recipient_rejected" : "invalid_request", message });
    }
  }
  if (code === "ETIMEDOUT") {
    return new EmailSendError({ ...base, kind: "transient", reason: "timeout", message });
  }
  if (code === "EAUTH" || code === "ENOAUTH") {
    return new EmailSendError({ ...base, kind: "transient", reason: "auth", message });
  }
  if (code === "ECONNECTION" || code === "ESOCKET" || code === "EDNS" || code === "ETLS" || (code && NETWORK_ERROR_CODES.has(code))) {
    return new EmailSendError({ ...base, kind: "transient", reason: "network", message });
  }
  if (code === "EENVELOPE" || code === "ECONFIG") {
    // No server reply: nodemailer refused the message itself (e.g. no recipients).
    return new EmailSendError({ ...base, kind: "permanent", reason: "invalid_request", message });
  }
  return new EmailSendError({ ...base, kind: "transient", reason: "unknown", message });
}
