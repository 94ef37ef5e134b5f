import { and, desc, eq, gt, isNotNull, isNull, lt } from "drizzle-orm";
import type { Caller } from "@/lib/auth/caller";
import { config } from "@/lib/config";
import { getDb, schema } from "@/lib/db";
import { AppError, errors } from "@/lib/http/errors";
import { centsToDecimal } from "@/lib/integrations/mercadopago/amounts";
import { MercadoPagoError, mercadoPago } from "@/lib/integrations/mercadopago/client";
import { reReserve } from "@/lib/orders/stock";
import { ORDER_RESERVATION_MINUTES } from "@/lib/orders/types";
import { logger } from "@/lib/observability/logger";
import { type PaymentView, toPaymentView } from "./types";

const IN_FLIGHT_WAIT_MS = 8_000;

/**
 * Starts (or resumes) paying an order through Checkout Pro. A still-valid preference is answered
 * again (200) instead of making a second one; otherwise a payment row is recorded first and the
 * preference is created with that row's id as idempotency key, so a retried request cannot
 * create two preferences at Mercado Pago.
 */
export async function createPayment(caller: Caller, orderId: string): Promise<{ payment: PaymentView; created: boolean }> {
  const db = await getDb();
  const now = new Date();
  const decision = await db.transaction(async (tx) => {
    const [order] = await tx.select().from(schema.orders).where(eq(schema.orders.id, orderId)).for("update");
    if (!order || order.userId !== caller.user.id) throw errors.notFound("Pedido");
    if (["paid", "partially_refunded", "refunded"].includes(order.status)) throw errors.conflict("order_paid", "Este pedido já foi pago.");
    if (order.status === "cancelled") throw errors.conflict("order_cancelled", "Este pedido foi cancelado.");
    if (order.status === "payment_failed" || order.status === "expired" || order.expiresAt <= now) {
      // Trying again after a rejection or expiry: the stock must still be there.
      if (order.reservation !== "reserved" && !(await reReserve(tx, order.id))) {
        throw errors.conflict("out_of_stock", "Alguns itens esgotaram. Monte um novo pedido.");
      }
      await tx
        .update(schema.orders)
        .set({ status: "pending_payment", expiresAt: new Date(Date.now() + ORDER_RESERVATION_MINUTES * 60_000), updatedAt: now })
        .where(eq(schema.orders.id, order.id));
    }
    const [reusable] = await tx
      .select()
      .from(schema.payments)
      .where(and(eq(schema.payments.orderId, order.id), eq(schema.payments.status, "created"), isNotNull(schema.payments.initPoint), gt(schema.payments.expiresAt, new Date(Date.now() + 60_000))))
      .orderBy(desc(schema.payments.createdAt))
      .limit(1);
    if (reusable) return { kind: "reuse" as const, payment: reusable };
    const [inFlight] = await tx
      .select()
      .from(schema.payments)
      .where(and(eq(schema.payments.orderId, order.id), eq(schema.payments.status, "created"), isNull(schema.payments.preferenceId), gt(schema.payments.createdAt, new Date(Date.now() - IN_FLIGHT_WAIT_MS))))
      .limit(1);
    if (inFlight) return { kind: "wait" as const, payment: inFlight };
    // A new checkout link gets the full reservation window: a shopper who clicks "pay" late must
    // not land on a Mercado Pago page that expires a minute later.
    const minExpiry = new Date(Date.now() + ORDER_RESERVATION_MINUTES * 60_000);
    await tx.update(schema.orders).set({ expiresAt: minExpiry, updatedAt: new Date() }).where(and(eq(schema.orders.id, order.id), lt(schema.orders.expiresAt, minExpiry)));
    const [orderNow] = await tx.select().from(schema.orders).where(eq(schema.orders.id, order.id));
    const [payment] = await tx
      .insert(schema.payments)
      .values({
        orderId: order.id,
        amountCents: order.totalCents,
        currency: order.currency,
        expiresAt: orderNow!.expiresAt,
        payerEmail: caller.user.email,
      })
      .returning();
    await tx.insert(schema.paymentEvents).values({ paymentId: payment!.id, kind: "created", toStatus: "created" });
    return { kind: "new" as const, payment: payment! };
  });

  if (decision.kind === "reuse") return { payment: toPaymentView(decision.payment), created: false };
  if (decision.kind === "wait") return { payment: await waitForPreference(decision.payment.id), created: false };
  return { payment: await attachPreference(caller, decision.payment.id), created: true };
}

async function waitForPreference(paymentId: string): Promise<PaymentView> {
  const db = await getDb();
  const deadline = Date.now() + IN_FLIGHT_WAIT_MS;
  while (Date.now() < deadline) {
    const [p] = await db.select().from(schema.payments).where(eq(schema.payments.id, paymentId));
    if (p?.initPoint) return toPaymentView(p);
    if (p && p.status !== "created") break;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw errors.conflict("payment_in_progress", "Já estamos preparando o pagamento deste pedido. Tente novamente em instantes.");
}

async function attachPreference(caller: Caller, paymentId: string): Promise<PaymentView> {
  const db = await getDb();
  const [payment] = await db.select().from(schema.payments).where(eq(schema.payments.id, paymentId));
  const items = await db.select().from(schema.orderItems).where(eq(schema.orderItems.orderId, payment!.orderId));
  const app = config().appUrl;
  const orderId = payment!.orderId;
  try {
    const pref = await mercadoPago().createPreference(
      {
        items: items.map((i) => ({
          id: i.productId,
          title: i.name,
          quantity: i.quantity,
          unit_price: centsToDecimal(i.unitPriceCents),
          currency_id: payment!.currency,
          category_id: i.kind === "digital" ? "digital_content" : "sports",
        })),
        payer: { email: caller.user.email, name: caller.user.name },
        external_reference: orderId,
        notification_url: `${app}/api/webhooks/mercadopago?source_news=webhooks`,
        back_urls: {
          success: `${app}/checkout/success?order=${orderId}`,
          pending: `${app}/checkout/pending?order=${orderId}`,
          failure: `${app}/checkout/failure?order=${orderId}`,
        },
        auto_return: "approved",
        expires: true,
        expiration_date_from: new Date().toISOString(),
        expiration_date_to: payment!.expiresAt.toISOString(),
        statement_descriptor: "ONLYWAVE",
        metadata: { order_id: orderId, payment_id: payment!.id },
      },
      payment!.id,
    );
    const [updated] = await db
      .update(schema.payments)
      .set({ preferenceId: pref.id ?? null, initPoint: pref.init_point ?? null, updatedAt: new Date() })
      .where(eq(schema.payments.id, paymentId))
      .returning();
    return toPaymentView(updated!);
  } catch (err) {
    await db
      .update(schema.payments)
      .set({ status: "cancelled", statusDetail: "preference_failed", updatedAt: new Date() })
      .where(eq(schema.payments.id, paymentId));
    if (err instanceof AppError) throw err;
    logger().warn({ err, paymentId }, "Mercado Pago preference failed");
    const message = err instanceof MercadoPagoError ? err.message : "indisponível";
    throw errors.upstream("Mercado Pago", message);
  }
}
