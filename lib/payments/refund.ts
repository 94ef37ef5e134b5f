import { and, eq, inArray, lt, sql } from "drizzle-orm";
import type { Caller } from "@/lib/auth/caller";
import { getDb, schema } from "@/lib/db";
import { errors } from "@/lib/http/errors";
import { isTransientMercadoPagoError, MercadoPagoError, mercadoPago } from "@/lib/integrations/mercadopago/client";
import { decimalToCents } from "@/lib/integrations/mercadopago/amounts";
import { logger } from "@/lib/observability/logger";
import { applyMercadoPagoPayment } from "./apply-payment";
import { recordRefund } from "./metrics";

export interface RefundView {
  id: string;
  paymentId: string;
  amountCents: number;
  status: "pending" | "succeeded" | "failed";
  mpRefundId: string | null;
  createdAt: string;
}

type RefundRow = typeof schema.refunds.$inferSelect;

function view(r: RefundRow): RefundView {
  return { id: r.id, paymentId: r.paymentId, amountCents: r.amountCents, status: r.status, mpRefundId: r.mpRefundId, createdAt: r.createdAt.toISOString() };
}

/**
 * Refunds part or all of an approved payment. The payment row is locked while the refund is
 * recorded, and the amount still refundable counts pending refunds, so two concurrent requests can
 * never refund more than was paid. The refund row id is the idempotency key sent to Mercado Pago;
 * a repeated `Idempotency-Key` answers the refund it already made.
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
      if (prior) return { replay: prior };
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
    // A refund left pending by a timeout is tried again with the same key: Mercado Pago dedupes it.
    if (prior.status !== "pending") return { refund: view(prior), replayed: true };
    const [payment] = await db.select().from(schema.payments).where(eq(schema.payments.id, paymentId));
    return { refund: await executeRefund(prior, payment!.mpPaymentId!), replayed: true };
  }
  return { refund: await executeRefund(decision.refund, decision.mpPaymentId), replayed: false };
}

async function executeRefund(refund: RefundRow, mpPaymentId: string): Promise<RefundView> {
  const db = await getDb();
  const paymentId = refund.paymentId;
  try {
    const mpRefund = await mercadoPago().createRefund(mpPaymentId, refund.amountCents, refund.id);
    const [done] = await db
      .update(schema.refunds)
      .set({ status: "succeeded", mpRefundId: mpRefund.id !== undefined ? String(mpRefund.id) : null, updatedAt: new Date() })
      .where(eq(schema.refunds.id, refund.id))
      .returning();
    recordRefund({ outcome: "approved", amountCents: refund.amountCents });
    if (decimalToCents(mpRefund.amount) !== refund.amountCents) {
      logger().warn({ refundId: refund.id, mpAmount: mpRefund.amount }, "Mercado Pago refunded a different amount");
    }
    // Mercado Pago's payment now carries the refund: apply it through the one state machine.
    await applyMercadoPagoPayment(await mercadoPago().getPayment(mpPaymentId), "refund").catch((err) =>
      logger().warn({ err, paymentId }, "refund applied at Mercado Pago; sync deferred to the webhook"),
    );
    return view(done!);
  } catch (err) {
    const message = err instanceof MercadoPagoError ? err.message : err instanceof Error ? err.message : "erro desconhecido";
    // Unknown outcome (timeout, 5xx): keep it pending, still counted against the balance, so a
    // retry with the same Idempotency-Key finishes it instead of refunding twice.
    const status = isTransientMercadoPagoError(err) ? "pending" : "failed";
    await db.update(schema.refunds).set({ status, error: message, updatedAt: new Date() }).where(eq(schema.refunds.id, refund.id));
    recordRefund({ outcome: status === "pending" ? "pending" : "failed", amountCents: refund.amountCents });
    await db.insert(schema.paymentEvents).values({ paymentId, kind: "refund_failed", detail: message, data: { refundId: refund.id } });
    throw errors.upstream("Mercado Pago", message);
  }
}

export async function listRefunds(paymentId: string): Promise<RefundView[]> {
  const db = await getDb();
  const rows = await db.select().from(schema.refunds).where(eq(schema.refunds.paymentId, paymentId)).orderBy(schema.refunds.createdAt);
  return rows.map(view);
}

/**
 * Refunds left pending by a timeout or a 5xx are tried again with the same idempotency key (their
 * own id), so Mercado Pago either returns the refund it already made or makes it now. Run by the
 * reconciliation job; nothing stays pending (and blocking the balance) forever.
 */
export async function retryPendingRefunds(olderThanMs = 2 * 60_000): Promise<number> {
  const db = await getDb();
  const stale = await db
    .select({ refund: schema.refunds, mpPaymentId: schema.payments.mpPaymentId })
    .from(schema.refunds)
    .innerJoin(schema.payments, eq(schema.payments.id, schema.refunds.paymentId))
    .where(and(eq(schema.refunds.status, "pending"), lt(schema.refunds.updatedAt, new Date(Date.now() - olderThanMs))))
    .limit(20);
  let settled = 0;
  for (const { refund, mpPaymentId } of stale) {
    if (!mpPaymentId) continue;
    try {
      await executeRefund(refund, mpPaymentId);
      settled++;
    } catch (err) {
      logger().warn({ err, refundId: refund.id }, "pending refund still unresolved");
    }
  }
  return settled;
}
