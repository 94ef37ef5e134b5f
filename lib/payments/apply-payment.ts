import { and, desc, eq, isNull } from "drizzle-orm";
import { getDb, schema, type Tx } from "@/lib/db";
import { decimalToCents } from "@/lib/integrations/mercadopago/amounts";
import type { PaymentResponse } from "@/lib/integrations/mercadopago/client";
import { recordPaymentOutcome } from "./metrics";
import { onApproved, onFailed, onPending, onRefundChange } from "./effects";
import { isPaymentStatus, type PaymentRow, type PaymentStatus, STATUS_RANK } from "./types";

export type ApplyOutcome =
  | { outcome: "applied"; paymentId: string; orderId: string; from: string; to: string }
  | { outcome: "unchanged"; paymentId: string; orderId: string; status: string }
  | { outcome: "stale"; paymentId: string; orderId: string; status: string; ignored: string }
  | { outcome: "unknown_order"; reference: string | null }
  | { outcome: "mismatch"; paymentId: string; orderId: string; reason: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The one state machine for payments. Takes Mercado Pago's payment object (always fetched from
 * Mercado Pago, never a notification body), finds our order and payment, checks amount and
 * currency, and moves the payment forward by rank only. The order row lock serializes concurrent
 * notifications; effects run in the same transaction, guarded by the state they move from.
 */
export async function applyMercadoPagoPayment(mp: PaymentResponse, source: string): Promise<ApplyOutcome> {
  const reference = mp.external_reference ?? null;
  if (!reference || !UUID.test(reference)) return { outcome: "unknown_order", reference };
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [order] = await tx.select().from(schema.orders).where(eq(schema.orders.id, reference)).for("update");
    if (!order) return { outcome: "unknown_order" as const, reference };
    const payment = await findOrCreatePaymentRow(tx, order.id, mp);

    const amountCents = decimalToCents(mp.transaction_amount);
    if (amountCents !== order.totalCents || mp.currency_id !== order.currency) {
      const reason = `amount_mismatch: expected ${order.totalCents} ${order.currency}, got ${amountCents} ${mp.currency_id}`;
      await tx.insert(schema.paymentEvents).values({ paymentId: payment.id, kind: "mismatch", detail: reason, data: { source, mpStatus: mp.status } });
      await tx.update(schema.orders).set({ attention: "amount_mismatch", updatedAt: new Date() }).where(eq(schema.orders.id, order.id));
      return { outcome: "mismatch" as const, paymentId: payment.id, orderId: order.id, reason };
    }

    const next = isPaymentStatus(mp.status) ? mp.status : undefined;
    const refundedCents = Math.max(payment.refundedCents, decimalToCents(mp.transaction_amount_refunded));
    if (!next || (STATUS_RANK[next] < STATUS_RANK[payment.status] && !isDisputeWon(payment.status, next))) {
      await tx.insert(schema.paymentEvents).values({
        paymentId: payment.id,
        kind: "stale_ignored",
        fromStatus: payment.status,
        toStatus: mp.status ?? null,
        detail: `${source}: ${mp.status} arrived after ${payment.status}`,
      });
      return { outcome: "stale" as const, paymentId: payment.id, orderId: order.id, status: payment.status, ignored: String(mp.status) };
    }
    const statusChanged = next !== payment.status && (STATUS_RANK[next] > STATUS_RANK[payment.status] || isDisputeWon(payment.status, next));
    const refundChanged = refundedCents > payment.refundedCents;
    if (!statusChanged && !refundChanged) {
      // Same state again: refresh what Mercado Pago knows, change nothing that has effects.
      await tx.update(schema.payments).set({ providerData: mp as object }).where(eq(schema.payments.id, payment.id));
      return { outcome: "unchanged" as const, paymentId: payment.id, orderId: order.id, status: payment.status };
    }

    const now = new Date();
    const [updated] = await tx
      .update(schema.payments)
      .set({
        status: statusChanged ? next : payment.status,
        statusDetail: mp.status_detail ?? payment.statusDetail,
        refundedCents,
        paymentMethod: mp.payment_method_id ?? payment.paymentMethod,
        payerEmail: mp.payer?.email ?? payment.payerEmail,
        approvedAt: next === "approved" && !payment.approvedAt ? (mp.date_approved ? new Date(mp.date_approved) : now) : payment.approvedAt,
        providerData: mp as object,
        updatedAt: now,
      })
      .where(eq(schema.payments.id, payment.id))
      .returning();
    await tx.insert(schema.paymentEvents).values({
      paymentId: payment.id,
      kind: statusChanged ? "status_changed" : "refund_updated",
      fromStatus: payment.status,
      toStatus: updated!.status,
      detail: `${source}${mp.status_detail ? ` · ${mp.status_detail}` : ""}${refundChanged ? ` · reembolsado ${refundedCents}` : ""}`,
    });

    const [orderNow] = await tx.select().from(schema.orders).where(eq(schema.orders.id, order.id));
    if (statusChanged) {
      // A won dispute returns to approved: the order was paid all along, nothing to redo.
      if (next === "approved" && !isDisputeWon(payment.status, next)) await onApproved(tx, orderNow!, updated!);
      else if (next === "pending" || next === "in_process" || next === "authorized") await onPending(tx, orderNow!, updated!);
      else if (next === "rejected" || next === "cancelled") await onFailed(tx, orderNow!, updated!);
      recordPaymentOutcome(next, next === "approved" ? updated!.amountCents : undefined);
    }
    if (refundChanged || next === "refunded" || next === "charged_back") {
      const [latest] = await tx.select().from(schema.orders).where(eq(schema.orders.id, order.id));
      await onRefundChange(tx, latest!, updated!, payment.refundedCents);
    }
    return { outcome: "applied" as const, paymentId: payment.id, orderId: order.id, from: payment.status, to: updated!.status };
  });
}

/**
 * Statuses move forward by rank only; the one way back is a dispute (in_mediation) resolved in the
 * seller's favour, which Mercado Pago reports as approved again.
 */
function isDisputeWon(from: PaymentStatus, to: PaymentStatus): boolean {
  return from === "in_mediation" && to === "approved";
}

/**
 * Our payment row for a Mercado Pago payment. One preference can see several payment attempts
 * (a rejected card, then an approved one): the first attempt takes the preference's row, later
 * ones get their own row for the same order.
 */
async function findOrCreatePaymentRow(tx: Tx, orderId: string, mp: PaymentResponse): Promise<PaymentRow> {
  const mpId = String(mp.id);
  const [known] = await tx.select().from(schema.payments).where(eq(schema.payments.mpPaymentId, mpId)).for("update");
  if (known) return known;
  const ourId = typeof mp.metadata?.payment_id === "string" ? mp.metadata.payment_id : undefined;
  const candidates = await tx
    .select()
    .from(schema.payments)
    .where(and(eq(schema.payments.orderId, orderId), isNull(schema.payments.mpPaymentId)))
    .orderBy(desc(schema.payments.createdAt))
    .for("update");
  const free = candidates.find((p) => p.id === ourId) ?? candidates[0];
  if (free) {
    const [claimed] = await tx.update(schema.payments).set({ mpPaymentId: mpId, updatedAt: new Date() }).where(eq(schema.payments.id, free.id)).returning();
    return claimed!;
  }
  const [template] = await tx.select().from(schema.payments).where(eq(schema.payments.orderId, orderId)).orderBy(desc(schema.payments.createdAt)).limit(1);
  const [order] = await tx.select().from(schema.orders).where(eq(schema.orders.id, orderId));
  const [created] = await tx
    .insert(schema.payments)
    .values({
      orderId,
      mpPaymentId: mpId,
      amountCents: order!.totalCents,
      currency: order!.currency,
      preferenceId: template?.preferenceId ?? null,
      initPoint: template?.initPoint ?? null,
      expiresAt: template?.expiresAt ?? order!.expiresAt,
    })
    .returning();
  await tx.insert(schema.paymentEvents).values({ paymentId: created!.id, kind: "created", toStatus: "created", detail: `attempt ${mpId}` });
  return created!;
}
