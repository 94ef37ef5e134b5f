import { EmailSendError, NETWORK_ERROR_CODES } from "./errors";

interface SendGridApiError {
  message?: string;
  field?: string | null;
  help?: unknown;
}

/** Shape of @sendgrid/helpers' ResponseError: `code` is the HTTP status. */
interface ResponseErrorLike {
  code: number;
  message: string;
  response: { headers?: unknown; body?: unknown };
}

function isResponseError(error: unknown): error is ResponseErrorLike {
  return (
    typeof error === "object" &&
    error !== null &&
    typeof (error as { code?: unknown }).code === "number" &&
    typeof (error as { response?: unknown }).response === "object"
  );
}

function apiErrors(body: unknown): SendGridApiError[] {
  if (!body || typeof body !== "object") return [];
  const errors = (body as { errors?: unknown }).errors;
  return Array.isArray(errors) ? (errors as SendGridApiError[]) : [];
}

function describeFailure(status: number, statusText: string, errors: SendGridApiError[]): string {
  const details = errors
    .map((e) => (e.field ? `${e.message ?? "error"} (field ${e.field})` : (e.message ?? "error")))
    .join("; ");
  return `SendGrid answered ${status} ${statusText}${details ? `: ${details}` : ""}`;
}

/**
 * Maps whatever @sendgrid/mail threw to an `EmailSendError`.
 *
 * 401/403 (revoked key, missing scope, unverified sender) count as transient: the
 * message itself is fine and the SMTP fallback can still deliver it, while a
 * permanent failure would drop a password reset because of a config mistake.
 */
export function classifySendGridError(error: unknown): EmailSendError {
  const base = { provider: "sendgrid" as const, cause: error };

  if (isResponseError(error)) {
    const status = error.code;
    const errors = apiErrors(error.response.body);
    const message = describeFailure(status, error.message, errors);
    if (status === 429) {
      return new EmailSendError({ ...base, kind: "transient", reason: "rate_limited", statusCode: status, message });
    }
    if (status >= 500) {
      return new EmailSendError({ ...base, kind: "transient", reason: "provider_error", statusCode: status, message });
    }
    if (status === 401 || status === 403) {
      return new EmailSendError({ ...base, kind: "transient", reason: "auth", statusCode: status, message });
    }
    if (status === 408) {
      return new EmailSendError({ ...base, kind: "transient", reason: "timeout", statusCode: status, message });
    }
    const recipientField = errors.some((e) => typeof e.field === "string" && /^personalizations\.\d+\.(to|cc|bcc)/.test(e.field));
    return new EmailSendError({
      ...base,
      kind: "permanent",
      reason: recipientField ? "recipient_rejected" : "invalid_request",
      statusCode: status,
      message,
    });
  }

  const code = typeof (error as { code?: unknown })?.code === "string" ? (error as { code: string }).code : undefined;
  const text = error instanceof Error ? error.message : String(error);
  // axios reports its own timeout as ECONNABORTED with "timeout of N ms exceeded".
  if (code === "ETIMEDOUT" || (code === "ECONNABORTED" && /timeout/i.test(text))) {
    return new EmailSendError({ ...base, kind: "transient", reason: "timeout", statusCode: null, code, message: `SendGrid request timed out: ${text}` });
  }
  if ((code && NETWORK_ERROR_CODES.has(code)) || (error as { isAxiosError?: unknown })?.isAxiosError === true) {
    return new EmailSendError({ ...base, kind: "transient", reason: "network", statusCode: null, code, message: `SendGrid unreachable: ${text}` });
  }
  // Anything else was thrown by the SDK while building the request (e.g. missing
  // recipient): deterministic, so resending the same message cannot help.
  return new EmailSendError({ ...base, kind: "permanent", reason: "invalid_request", statusCode: null, code, message: text });
}
