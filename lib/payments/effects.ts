import { and, eq, inArray, ne } from "drizzle-orm";
import { config } from "@/lib/config";
import { schema, type Tx } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/outbox/enqueue";
import { grantPurchasedFiles, revokePurchasedFiles } from "@/lib/payments/grants";
import { releaseReservation, reReserve } from "@/lib/orders/stock";
import type { OrderRow } from "@/lib/orders/types";
import type { PaymentRow } from "./types";

/**
 * What a payment's new state does to its order. Every function runs inside the transaction that
 * holds the order's row lock and is guarded by the state it moves from, so it happens once however
 * many notifications arrive, and emails carry dedupe keys.
 */
async function buyer(tx: Tx, order: OrderRow) {
  const [user] = await tx.select().from(schema.users).where(eq(schema.users.id, order.userId));
  return user!;
}

async function orderItems(tx: Tx, orderId: string) {
  const items = await tx.select().from(schema.orderItems).where(eq(schema.orderItems.orderId, orderId));
  return items;
}

/** The short order reference shoppers see on the site ("Pedido 1271dfb6"), also used in emails. */
function orderRef(orderId: string) {
  return orderId.slice(0, 8);
}

function orderUrl(orderId: string) {
  return `${config().appUrl}/orders/${orderId}`;
}

async function alertAdmins(tx: Tx, key: string, title: string, message: string, link: string) {
  const admins = await tx.select().from(schema.users).where(eq(schema.users.role, "admin"));
  for (const a of admins) {
    await enqueueEmail({ template: "admin-alert", to: a.email, props: { title, message, link }, dedupeKey: `${key}:${a.id}` }, tx);
  }
}

export async function onApproved(tx: Tx, order: OrderRow, payment: PaymentRow): Promise<void> {
  const now = new Date();
  if (["paid", "partially_refunded", "refunded"].includes(order.status)) {
    // A second approved payment for an already paid order: money to give back, a person decides.
    await tx.update(schema.orders).set({ attention: "duplicate_payment", updatedAt: now }).where(eq(schema.orders.id, order.id));
    await alertAdmins(tx, `duplicate-payment:${payment.id}`, "Pagamento em duplicidade", `O pedido ${order.id} recebeu um segundo pagamento aprovado (${payment.mpPaymentId}). Avalie o estorno.`, `${config().appUrl}/admin/payments/${payment.id}`);
    return;
  }
  let reserved = order.reservation !== "released";
  if (!reserved) reserved = await reReserve(tx, order.id);
  if (!reserved) {
    await tx.update(schema.orders).set({ attention: "approved_without_stock", updatedAt: now }).where(eq(schema.orders.id, order.id));
    await alertAdmins(tx, `approved-without-stock:${payment.id}`, "Pagamento aprovado sem estoque", `O pagamento ${payment.mpPaymentId} do pedido ${order.id} foi aprovado depois que o pedido expirou e não há estoque. Estorne ou envie manualmente.`, `${config().appUrl}/admin/payments/${payment.id}`);
    return;
  }
  await tx
    .update(schema.orders)
    .set({ status: "paid", reservation: "confirmed", paidAt: now, attention: null, updatedAt: now })
    .where(eq(schema.orders.id, order.id));
  const items = await orderItems(tx, order.id);
  const downloads = await grantPurchasedFiles(tx, order, items);
  const user = await buyer(tx, order);
  await enqueueEmail(
    {
      template: "payment-approved",
      to: user.email,
      dedupeKey: `payment-approved:${payment.id}`,
      props: {
        name: user.name,
        orderId: orderRef(order.id),
        items: items.map((i) => ({ name: i.name, quantity: i.quantity, unitPriceCents: i.unitPriceCents, downloadUrl: downloads.get(i.productId) })),
        totalCents: order.totalCents,
        orderUrl: orderUrl(order.id),
      },
    },
    tx,
  );
}

export async function onPending(tx: Tx, order: OrderRow, payment: PaymentRow): Promise<void> {
  const user = await buyer(tx, order);
  await enqueueEmail(
    {
      template: "payment-pending",
      to: user.email,
      dedupeKey: `payment-pending:${payment.id}`,
      props: { name: user.name, orderId: orderRef(order.id), totalCents: order.totalCents, orderUrl: orderUrl(order.id) },
    },
    tx,
  );
}

export async function onFailed(tx: Tx, order: OrderRow, payment: PaymentRow): Promise<void> {
  if (order.status === "pending_payment") {
    // Another attempt for the same order may still be in flight or approved: only fail the order
    // when none is.
    const others = await tx
      .select({ id: schema.payments.id })
      .from(schema.payments)
      .where(
        and(
          eq(schema.payments.orderId, order.id),
          ne(schema.payments.id, payment.id),
          inArray(schema.payments.status, ["pending", "in_process", "authorized", "approved"]),
        ),
      );
    if (others.length === 0) {
      await tx.update(schema.orders).set({ status: "payment_failed", updatedAt: new Date() }).where(eq(schema.orders.id, order.id));
      await releaseReservation(tx, order.id);
    }
  }
  const user = await buyer(tx, order);
  await enqueueEmail(
    {
      template: "payment-rejected",
      to: user.email,
      dedupeKey: `payment-rejected:${payment.id}`,
      props: { name: user.name, orderId: orderRef(order.id), totalCents: order.totalCents, retryUrl: orderUrl(order.id), reason: payment.statusDetail ?? undefined },
    },
    tx,
  );
}

/** Refunds (partial or full) and chargebacks: order status, grants and the buyer's email. */
export async function onRefundChange(tx: Tx, order: OrderRow, payment: PaymentRow, previousRefundedCents: number): Promise<void> {
  const full = payment.status === "refunded" || payment.status === "charged_back" || payment.refundedCents >= payment.amountCents;
  const status = full ? "refunded" : payment.refundedCents > 0 ? "partially_refunded" : order.status;
  if (status !== order.status && ["paid", "partially_refunded"].includes(order.status)) {
    await tx.update(schema.orders).set({ status, updatedAt: new Date() }).where(eq(schema.orders.id, order.id));
  }
  if (full) await revokePurchasedFiles(tx, order, await orderItems(tx, order.id));
  if (payment.status === "charged_back") {
    await alertAdmins(tx, `chargeback:${payment.id}`, "Chargeback recebido", `O pagamento ${payment.mpPaymentId} do pedido ${order.id} sofreu chargeback.`, `${config().appUrl}/admin/payments/${payment.id}`);
    return;
  }
  if (payment.refundedCents > previousRefundedCents) {
    const user = await buyer(tx, order);
    await enqueueEmail(
      {
        template: "refund-issued",
        to: user.email,
        // The cumulative amount identifies the refund whether we learn it from our own refund call
        // or from Mercado Pago's notification: one email per refund.
        dedupeKey: `refund-issued:${payment.id}:${payment.refundedCents}`,
        props: {
          name: user.name,
          orderId: orderRef(order.id),
          amountCents: payment.refundedCents - previousRefundedCents,
          totalRefundedCents: payment.refundedCents,
          full,
          orderUrl: orderUrl(order.id),
        },
      },
      tx,
    );
  }
}
