import { and, eq, gt, inArray, lt, or, sql } from "drizzle-orm";
import { getDb, schema } from "@/lib/db";
import { mercadoPago } from "@/lib/integrations/mercadopago/client";
import { releaseReservation } from "@/lib/orders/stock";
import { logger } from "@/lib/observability/logger";
import { applyMercadoPagoPayment } from "./apply-payment";
import { retryPendingRefunds } from "./refund";

/** Failed or expired orders are still checked with Mercado Pago for this long. */
const RECHECK_FAILED_FOR_MS = 3 * 24 * 60 * 60 * 1000;
/** Payments still in flight keep their order alive past its reservation, for at most this long. */
const IN_FLIGHT_GRACE_MS = 3 * 24 * 60 * 60 * 1000;

/**
 * Asks Mercado Pago about one order's payments (by external_reference) and applies what it says.
 * Used by the return pages when the webhook has not arrived yet, and by the reconciliation job.
 */
export async function syncOrderFromMercadoPago(orderId: string, source = "reconcile"): Promise<number> {
  const results = await mercadoPago().searchPaymentsByReference(orderId);
  // Oldest first, so attempts are applied in the order they happened.
  for (const mp of [...results].reverse()) await applyMercadoPagoPayment(mp, source);
  return results.length;
}

/**
 * So a lost webhook never leaves a paid order unpaid: orders still pending after `olderThanMinutes`
 * (and failed or expired ones for a few days) are checked with Mercado Pago; then unpaid orders past their reservation expire and give their
 * stock back (unless a payment is still in flight, within a grace period).
 */
export async function reconcileOrders(opts: { olderThanMinutes?: number; limit?: number } = {}): Promise<{ checked: number; expired: number }> {
  const db = await getDb();
  const o = schema.orders;
  const cutoff = new Date(Date.now() - (opts.olderThanMinutes ?? 5) * 60_000);
  const recent = new Date(Date.now() - RECHECK_FAILED_FOR_MS);
  // Pending orders, and recently failed or expired ones: a retry approved on the same checkout, or
  // a Pix paid after expiry, whose webhook was lost, must still land. Least recently checked first.
  const candidates = await db
    .select({ id: o.id })
    .from(o)
    .where(
      and(
        lt(o.createdAt, cutoff),
        or(eq(o.status, "pending_payment"), and(inArray(o.status, ["payment_failed", "expired"]), gt(o.updatedAt, recent))),
      ),
    )
    .orderBy(sql`${o.reconciledAt} asc nulls first`, o.createdAt)
    .limit(opts.limit ?? 100);
  let checked = 0;
  for (const c of candidates) {
    try {
      await syncOrderFromMercadoPago(c.id);
      checked++;
    } catch (err) {
      logger().warn({ err, orderId: c.id }, "reconcile: Mercado Pago lookup failed");
    }
    await db.update(o).set({ reconciledAt: new Date() }).where(eq(o.id, c.id));
  }
  await retryPendingRefunds();
  return { checked, expired: await expireStaleOrders() };
}

export async function expireStaleOrders(now = new Date()): Promise<number> {
  const db = await getDb();
  const stale = await db
    .select({ id: schema.orders.id, expiresAt: schema.orders.expiresAt })
    .from(schema.orders)
    .where(and(eq(schema.orders.status, "pending_payment"), lt(schema.orders.expiresAt, now)));
  let expired = 0;
  for (const o of stale) {
    const changed = await db.transaction(async (tx) => {
      const [order] = await tx.select().from(schema.orders).where(eq(schema.orders.id, o.id)).for("update");
      if (!order || order.status !== "pending_payment" || order.expiresAt >= now) return false;
      const inFlight = await tx
        .select({ id: schema.payments.id })
        .from(schema.payments)
        .where(and(eq(schema.payments.orderId, order.id), inArray(schema.payments.status, ["pending", "in_process", "authorized"])));
      if (inFlight.length && now.getTime() - order.expiresAt.getTime() < IN_FLIGHT_GRACE_MS) return false;
      await tx.update(schema.orders).set({ status: "expired", updatedAt: now }).where(eq(schema.orders.id, order.id));
      // Payments stay as they are: a late approval from Mercado Pago must still be able to land.
      await releaseReservation(tx, order.id);
      return true;
    });
    if (changed) expired++;
  }
  return expired;
}

