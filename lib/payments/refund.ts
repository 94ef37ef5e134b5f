import { and, eq, inArray, lt, sql } from "drizzle-orm";
import type { Caller } from "@/lib/auth/caller";
import { getDb, schema } from "@/lib/db";
import { AppError, errors } from "@/lib/http/errors";
import {
  isTransientMercadoPagoError,
  MercadoPagoError,
  mercadoPago,
  type PaymentRefundResponse,
} from "@/lib/integrations/mercadopago/client";
import { decimalToCents } from "@/lib/integrations/mercadopago/amounts";
import { logger } from "@/lib/observability/logger";
import { applyMercadoPagoPayment } from "./apply-payment";
import { recordRefund } from "./metrics";

export type RefundStatus = "pending" | "succeeded" | "failed";

export interface RefundView {
  id: string;
  paymentId: string;
  amountCents: number;
  status: RefundStatus;
  mpRefundId: string | null;
  createdAt: string;
}

type RefundRow = typeof schema.refunds.$inferSelect;

function view(r: RefundRow): RefundView {
  return { id: r.id, paymentId: r.paymentId, amountCents: r.amountCents, status: r.status, mpRefundId: r.mpRefundId, createdAt: r.createdAt.toISOString() };
}

/**
 * Our ledger status for Mercado Pago's refund `status`. Only `approved` is money back; `rejected`
 * and `cancelled` never will be. Everything else (`in_process`, `pending`, `authorized`, or a
 * status we do not know) is an outcome still open: it stays pending, counted against the balance,
 * and the reconciliation job asks again.
 */
export function refundStatusFrom(mpStatus: string | undefined): RefundStatus {
  if (mpStatus === "approved") return "succeeded";
  if (mpStatus === "rejected" || mpStatus === "cancelled") return "failed";
  return "pending";
}

/** The answer for a refund that failed: 502, Mercado Pago's own message included. */
function refundFailed(message: string): AppError {
  return errors.upstream("Mercado Pago", message);
}

/**
 * The answer for a refund whose outcome is unknown (timeout, 5xx): 502 as well, but with its own
 * code and the refund id, so a client knows to retry with the same Idempotency-Key (which
 * finishes this refund) rather than with a new one (which would ask for a second refund).
 */
function refundPending(refundId: string, message: string): AppError {
  return new AppError(502, "refund_pending", `Mercado Pago: ${message.replace(/\.$/, "")}. O reembolso ficou pendente; tente de novo com a mesma chave para concluí-lo.`, [
    { path: "refund", message: refundId, code: "pending" },
  ]);
}

/**
 * Refunds part or all of an approved payment. The payment row is locked while the refund is
 * recorded, and the amount still refundable counts pending refunds, so two concurrent requests can
 * never refund more than was paid. The refund row id is the idempotency key sent to Mercado Pago.
 * A repeated `Idempotency-Key` answers what the first request did (the refund, or its failure as a
 * 502), finishes it if it was left pending, and is a 409 when it names another amount.
 */
export async function refundPayment(
  caller: Caller,
  paymentId: string,
  input: { amountCents?: number; idempotencyKey?: string },
): Promise<{ refund: RefundView; replayed: boolean }> {
  const db = await getDb();
  const decision = await db.transaction(async (tx) => {
    const [payment] = await tx.select().from(schema.payments).where(eq(schema.payments.id, paymentId)).for("update");
    if (!payment) throw errors.notFound("Pagamento");
    if (input.idempotencyKey) {
      const [prior] = await tx
        .select()
        .from(schema.refunds)
        .where(and(eq(schema.refunds.paymentId, paymentId), eq(schema.refunds.idempotencyKey, input.idempotencyKey)));
      if (prior) {
        // Omitting the amount ("the rest") matches any earlier request: what "the rest" was is not kept.
        if (input.amountCents !== undefined && input.amountCents !== prior.amountCents) {
          throw errors.conflict(
            "idempotency_key_reused",
            `Esta Idempotency-Key já foi usada para um reembolso de ${prior.amountCents} centavos. Use uma chave nova para outro valor.`,
          );
        }
        return { replay: prior, mpPaymentId: payment.mpPaymentId };
      }
    }
    if (!["approved", "in_mediation"].includes(payment.status) || !payment.mpPaymentId) {
      throw errors.conflict("not_refundable", "Só pagamentos aprovados podem ser estornados.");
    }
    const [{ committed }] = (await tx
      .select({ committed: sql<number>`coalesce(sum(${schema.refunds.amountCents}), 0)::int` })
      .from(schema.refunds)
      .where(and(eq(schema.refunds.paymentId, paymentId), inArray(schema.refunds.status, ["pending", "succeeded"])))) as [{ committed: number }];
    const refundable = payment.amountCents - Math.max(committed, payment.refundedCents);
    const amount = input.amountCents ?? refundable;
    if (amount <= 0 || amount > refundable) {
      throw errors.rule("refund_exceeds_balance", `O valor máximo estornável é ${refundable} centavos.`, [{ path: "amountCents", message: `refundable: ${refundable}` }]);
    }
    const [refund] = await tx
      .insert(schema.refunds)
      .values({ paymentId, amountCents: amount, idempotencyKey: input.idempotencyKey ?? null, requestedBy: caller.user.id })
      .returning();
    await tx.insert(schema.paymentEvents).values({ paymentId, kind: "refund_requested", detail: `${amount} centavos por ${caller.user.email}`, data: { refundId: refund!.id } });
    return { refund: refund!, mpPaymentId: payment.mpPaymentId };
  });
  if ("replay" in decision) {
    const prior = decision.replay!;
    if (prior.status === "failed") throw refundFailed(prior.error ?? "reembolso não realizado.");
    if (prior.status === "succeeded" || !decision.mpPaymentId) return { refund: view(prior), replayed: true };
    // Left pending: finish it now (Mercado Pago dedupes the same key, or tells us how it ended).
    const refund = await resolvePendingRefund(prior, decision.mpPaymentId);
    if (refund.status === "failed") throw refundFailed(refund.error ?? "reembolso não realizado.");
    return { refund: view(refund), replayed: true };
  }
  const refund = await executeRefund(decision.refund, decision.mpPaymentId);
  if (refund.status === "failed") throw refundFailed(refund.error ?? "reembolso não realizado.");
  return { refund: view(refund), replayed: false };
}

/**
 * Asks Mercado Pago for the refund (the refund id is the idempotency key) and records what it
 * answered. An error with an unknown outcome (timeout, 5xx) keeps the refund pending, still
 * counted against the balance, so a retry with the same key finishes it instead of refunding twice.
 */
async function executeRefund(refund: RefundRow, mpPaymentId: string): Promise<RefundRow> {
  let mpRefund: PaymentRefundResponse;
  try {
    mpRefund = await mercadoPago().createRefund(mpPaymentId, refund.amountCents, refund.id);
  } catch (err) {
    const db = await getDb();
    const message = err instanceof MercadoPagoError ? err.message : err instanceof Error ? err.message : "erro desconhecido";
    const transient = isTransientMercadoPagoError(err);
    const status = transient ? "pending" : "failed";
    await db
      .update(schema.refunds)
      .set({ status, error: message, updatedAt: new Date() })
      .where(and(eq(schema.refunds.id, refund.id), eq(schema.refunds.status, "pending")));
    recordRefund({ outcome: status, amountCents: refund.amountCents });
    await db.insert(schema.paymentEvents).values({ paymentId: refund.paymentId, kind: "refund_failed", detail: message, data: { refundId: refund.id, status } });
    throw transient ? refundPending(refund.id, message) : refundFailed(message);
  }
  return settleRefund(refund, mpPaymentId, mpRefund);
}

/**
 * Records Mercado Pago's refund status in the ledger, once (guarded by the row still being
 * pending). Only an approved refund changes the payment and the order, through the one state
 * machine; a pending one waits, a rejected one stops counting against the balance.
 */
async function settleRefund(refund: RefundRow, mpPaymentId: string, mpRefund: PaymentRefundResponse): Promise<RefundRow> {
  const db = await getDb();
  const status = refundStatusFrom(mpRefund.status);
  const mpRefundId = mpRefund.id !== undefined && mpRefund.id !== null ? String(mpRefund.id) : refund.mpRefundId;
  const error = status === "failed" ? `reembolso recusado (${mpRefund.status}${mpRefund.reason ? `: ${mpRefund.reason}` : ""}).` : null;
  const [row] = await db
    .update(schema.refunds)
    .set({ status, mpRefundId, error, updatedAt: new Date() })
    .where(and(eq(schema.refunds.id, refund.id), eq(schema.refunds.status, "pending")))
    .returning();
  if (!row) {
    // Someone else (a concurrent replay, the reconciliation job) settled it first.
    const [current] = await db.select().from(schema.refunds).where(eq(schema.refunds.id, refund.id));
    return current!;
  }
  if (status === "pending") {
    // Checked again by retryPendingRefunds; nothing changes for the order meanwhile.
    if (refund.mpRefundId === null) {
      await db.insert(schema.paymentEvents).values({ paymentId: refund.paymentId, kind: "refund_pending", detail: `Mercado Pago: ${mpRefund.status ?? "sem situação"}`, data: { refundId: refund.id, mpRefundId } });
      recordRefund({ outcome: "pending", amountCents: refund.amountCents });
    }
    return row;
  }
  if (status === "failed") {
    recordRefund({ outcome: "rejected", amountCents: refund.amountCents });
    await db.insert(schema.paymentEvents).values({ paymentId: refund.paymentId, kind: "refund_failed", detail: `Mercado Pago: ${error}`, data: { refundId: refund.id, mpRefundId } });
    return row;
  }
  recordRefund({ outcome: "approved", amountCents: refund.amountCents });
  if (mpRefund.amount !== undefined && decimalToCents(mpRefund.amount) !== refund.amountCents) {
    logger().warn({ refundId: refund.id, mpAmount: mpRefund.amount }, "Mercado Pago refunded a different amount");
  }
  // Mercado Pago's payment now carries the refund: apply it through the one state machine.
  await applyMercadoPagoPayment(await mercadoPago().getPayment(mpPaymentId), "refund").catch((err) =>
    logger().warn({ err, paymentId: refund.paymentId }, "refund applied at Mercado Pago; sync deferred to the webhook"),
  );
  return row;
}

/**
 * Finishes a pending refund. One Mercado Pago already answered (it has an id) is looked up on the
 * payment, since asking again with the same key would only replay the first answer; one that never
 * got an answer is asked again with the same key, so Mercado Pago makes it at most once.
 */
async function resolvePendingRefund(refund: RefundRow, mpPaymentId: string): Promise<RefundRow> {
  if (!refund.mpRefundId) return executeRefund(refund, mpPaymentId);
  const payment = await mercadoPago().getPayment(mpPaymentId);
  const found = payment.refunds?.find((r) => String(r.id) === refund.mpRefundId);
  if (!found) return refund;
  const settled = await settleRefund(refund, mpPaymentId, found);
  if (settled.status === "pending") {
    // Still open at Mercado Pago: look again on a later run, not on every one.
    const db = await getDb();
    await db.update(schema.refunds).set({ updatedAt: new Date() }).where(and(eq(schema.refunds.id, refund.id), eq(schema.refunds.status, "pending")));
  }
  return settled;
}

export async function listRefunds(paymentId: string): Promise<RefundView[]> {
  const db = await getDb();
  const rows = await db.select().from(schema.refunds).where(eq(schema.refunds.paymentId, paymentId)).orderBy(schema.refunds.createdAt);
  return rows.map(view);
}

/**
 * Refunds still pending (a timeout or a 5xx, or Mercado Pago reporting `in_process`) are finished:
 * asked again with the same idempotency key (their own id) when Mercado Pago never answered, or
 * looked up on the payment when it did. Run by the reconciliation job; nothing stays pending (and
 * blocking the balance) without being checked again. Returns how many got a final status.
 * `paymentId` limits it to one payment's refunds.
 */
export async function retryPendingRefunds(olderThanMs = 2 * 60_000, opts: { paymentId?: string } = {}): Promise<number> {
  const db = await getDb();
  const where = [eq(schema.refunds.status, "pending"), lt(schema.refunds.updatedAt, new Date(Date.now() - olderThanMs))];
  if (opts.paymentId) where.push(eq(schema.refunds.paymentId, opts.paymentId));
  const stale = await db
    .select({ refund: schema.refunds, mpPaymentId: schema.payments.mpPaymentId })
    .from(schema.refunds)
    .innerJoin(schema.payments, eq(schema.payments.id, schema.refunds.paymentId))
    .where(and(...where))
    .orderBy(schema.refunds.updatedAt)
    .limit(20);
  let settled = 0;
  for (const { refund, mpPaymentId } of stale) {
    if (!mpPaymentId) continue;
    try {
      const done = await resolvePendingRefund(refund, mpPaymentId);
      if (done.status !== "pending") settled++;
    } catch (err) {
      logger().warn({ err, refundId: refund.id }, "pending refund still unresolved");
    }
  }
  return settled;
}
