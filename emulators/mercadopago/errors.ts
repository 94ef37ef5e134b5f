/**
 * Mercado Pago's error shape: `{ message, error, status, cause: [{ code, description, data }] }`.
 * Handlers throw `ApiError`; the server turns it into that JSON body.
 */
import { randomUUID } from "node:crypto";

export interface MpErrorCause {
  code: number | string;
  description: string;
  data: string | null;
}

export interface MpErrorBody {
  message: string;
  error: string;
  status: number;
  cause: MpErrorCause[];
}

export class ApiError extends Error {
  readonly status: number;
  readonly body: MpErrorBody;
  readonly headers: Record<string, string>;

  constructor(status: number, body: MpErrorBody, headers: Record<string, string> = {}) {
    super(body.message);
    this.status = status;
    this.body = body;
    this.headers = headers;
  }
}

/** `data` of a cause, as MP fills it: `<date>;<request id>`. */
function causeData(): string {
  const now = new Date();
  const pad = (n: number) => n.toString().padStart(2, "0");
  const date = `${pad(now.getUTCDate())}-${pad(now.getUTCMonth() + 1)}-${now.getUTCFullYear()}T${pad(now.getUTCHours())}:${pad(now.getUTCMinutes())}:${pad(now.getUTCSeconds())}UTC`;
  return `${date};${randomUUID()}`;
}

/** An error with one numeric cause, like the payments and refunds APIs answer. */
export function mpError(status: number, error: string, message: string, code?: number | string): ApiError {
  const cause = code === undefined ? [] : [{ code, description: message, data: causeData() }];
  return new ApiError(status, { message, error, status, cause });
}

/** The preferences API answers validation errors with a snake-case key in `error` and no cause. */
export function preferenceError(error: string, message: string): ApiError {
  return new ApiError(400, { message, error, status: 400, cause: [] });
}

export const errors = {
  missingToken: () =>
    new ApiError(401, {
      message: "Must provide your access_token to proceed",
      error: "unauthorized",
      status: 401,
      cause: [{ code: 5, description: "Must provide your access_token to proceed", data: null }],
    }),
  invalidToken: () =>
    new ApiError(401, {
      message: "invalid_token",
      error: "unauthorized",
      status: 401,
      cause: [{ code: 2, description: "invalid access token", data: null }],
    }),
  routeNotFound: (method: string, path: string) =>
    mpError(404, "not_found", `Resource ${method} ${path} not found`),
  methodNotAllowed: (method: string, path: string) =>
    mpError(405, "method_not_allowed", `Method ${method} not allowed for ${path}`),
  invalidJson: () => mpError(400, "bad_request", "Invalid JSON body"),
  paymentNotFound: () => mpError(404, "not_found", "Payment not found", 2000),
  refundNotFound: () => mpError(404, "not_found", "Refund not found", 2032),
  preferenceNotFound: () => mpError(404, "invalid_id", "preference_id not found"),
  merchantOrderNotFound: () => mpError(404, "not_found", "Merchant order not found"),
  missingIdempotencyKey: () =>
    mpError(400, "bad_request", "Header X-Idempotency-Key can't be null", 4292),
  idempotencyConflict: () =>
    mpError(
      409,
      "idempotency_key_already_used",
      "X-Idempotency-Key was already used with a different request",
    ),
  invalidPaymentState: () =>
    mpError(400, "bad_request", "The action requested is not valid for the current payment state", 2063),
  refundAmountNotNumeric: () => mpError(400, "bad_request", "amount attribute must be numeric", 4041),
  refundAmountNotPositive: () => mpError(400, "bad_request", "amount attribute must be positive", 4040),
  refundAmountTooHigh: (remaining: string) =>
    mpError(
      400,
      "bad_request",
      `Invalid refund amount: it exceeds the remaining refundable amount (${remaining})`,
      "amount_exceeds_refundable",
    ),
  internal: (message: string) => mpError(500, "internal_error", message),
};
