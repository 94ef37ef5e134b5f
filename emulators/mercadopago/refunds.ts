/**
 * Refunds: `POST /v1/payments/{id}/refunds` (full without `amount`, partial with it),
 * `GET /v1/payments/{id}/refunds` and `GET /v1/payments/{id}/refunds/{refund_id}`.
 */
import type { EmulatorContext } from "./context";
import { mpDate } from "./dates";
import { errors } from "./errors";
import { type Handler, header, objectBody, respond, type Router } from "./http";
import { formatBrl, fromCents, toCents } from "./money";
import { changePaymentStatus, findPayment, refundView } from "./payments";
import type { JsonObject, PaymentRecord, RefundRecord } from "./types";

/**
 * Refunds `amount` (decimal, or the whole remaining amount when absent) of an approved payment.
 * A partial refund leaves it `approved/partially_refunded`; the last one makes it `refunded`.
 */
export function refundPayment(
  ctx: EmulatorContext,
  payment: PaymentRecord,
  amount: unknown,
  metadata: JsonObject = {},
  sourceType: RefundRecord["sourceType"] = "collector",
): RefundRecord {
  if (payment.status !== "approved") throw errors.invalidPaymentState();
  const remaining = payment.amountCents - payment.refundedCents;
  let cents = remaining;
  if (amount !== undefined && amount !== null) {
    const parsed = typeof amount === "number" ? toCents(amount) : null;
    if (typeof amount !== "number" || !Number.isFinite(amount)) throw errors.refundAmountNotNumeric();
    if (amount <= 0) throw errors.refundAmountNotPositive();
    if (parsed === null) throw errors.refundAmountNotNumeric();
    if (parsed > remaining) throw errors.refundAmountTooHigh(`${fromCents(remaining).toFixed(2)} (${formatBrl(remaining)})`);
    cents = parsed;
  }
  const refund: RefundRecord = {
    id: ctx.store.nextId("refund"),
    paymentId: payment.id,
    amountCents: cents,
    dateCreated: mpDate(),
    metadata,
    sourceType,
  };
  payment.refunds.push(refund);
  payment.refundedCents += cents;
  const full = payment.refundedCents >= payment.amountCents;
  const detail = sourceType === "admin" ? "by_admin" : "refunded";
  changePaymentStatus(ctx, payment, full ? "refunded" : "approved", full ? detail : "partially_refunded");
  return refund;
}

function paymentOr404(ctx: EmulatorContext, id: string): PaymentRecord {
  const payment = findPayment(ctx, id);
  if (!payment) throw errors.paymentNotFound();
  return payment;
}

const create: Handler = (req, ctx) => {
  if (!header(req, "x-idempotency-key")) throw errors.missingIdempotencyKey();
  const payment = paymentOr404(ctx, req.params.id);
  const body = objectBody(req);
  const metadata = typeof body.metadata === "object" && body.metadata !== null ? (body.metadata as JsonObject) : {};
  const refund = refundPayment(ctx, payment, body.amount, metadata);
  return respond.json(201, refundView(ctx, refund));
};

export function registerRefundRoutes(router: Router): void {
  router
    .on("POST", "/v1/payments/:id/refunds", create)
    .on("GET", "/v1/payments/:id/refunds", (req, ctx) =>
      respond.json(200, paymentOr404(ctx, req.params.id).refunds.map((r) => refundView(ctx, r))),
    )
    .on("GET", "/v1/payments/:id/refunds/:refundId", (req, ctx) => {
      const refund = paymentOr404(ctx, req.params.id).refunds.find((r) => String(r.id) === req.params.refundId);
      if (!refund) throw errors.refundNotFound();
      return respond.json(200, refundView(ctx, refund));
    });
}
