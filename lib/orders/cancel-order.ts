import { and, eq, inArray } from "drizzle-orm";
import type { Caller } from "@/lib/auth/caller";
import { getDb, schema } from "@/lib/db";
import { errors } from "@/lib/http/errors";
import { getOrderFor } from "./get-order";
import { releaseReservation } from "./stock";
import type { PaymentStatus } from "@/lib/payments/types";
import type { OrderView } from "./types";

/** Payment statuses that mean money was taken for the order (even if given back since). */
export const MONEY_TAKEN: PaymentStatus[] = ["approved", "in_mediation", "refunded", "charged_back"];

/**
 * Cancels an unpaid order for its owner (or an admin) and gives its stock back. Only
 * `pending_payment` orders with no approved payment qualify; anything else is a 409. The order row
 * lock is the one the payment state machine takes, so a cancellation and an approval arriving at
 * the same time are decided one after the other: an approval first makes the cancel a 409, and an
 * approval after the cancel is treated like one for an expired order (stock taken again if there
 * is any, else flagged for a person).
 */
export async function cancelOrder(caller: Caller, orderId: string): Promise<OrderView> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [order] = await tx.select().from(schema.orders).where(eq(schema.orders.id, orderId)).for("update");
    if (!order || (caller.user.role !== "admin" && order.userId !== caller.user.id)) throw errors.notFound("Pedido");
    if (order.status !== "pending_payment") {
      throw errors.conflict("order_not_cancellable", "Só pedidos aguardando pagamento podem ser cancelados.");
    }
    const [paid] = await tx
      .select({ id: schema.payments.id })
      .from(schema.payments)
      .where(and(eq(schema.payments.orderId, order.id), inArray(schema.payments.status, MONEY_TAKEN)))
      .limit(1);
    if (paid) throw errors.conflict("order_has_payment", "Este pedido já tem um pagamento aprovado e não pode ser cancelado.");
    await tx.update(schema.orders).set({ status: "cancelled", updatedAt: new Date() }).where(eq(schema.orders.id, order.id));
    await releaseReservation(tx, order.id);
  });
  return getOrderFor(caller, orderId);
}
