import { and, eq, gte, sql } from "drizzle-orm";
import { schema, type Tx } from "@/lib/db";

const { products, orderItems, orders } = schema;

/**
 * Takes `quantity` units of each product, or none at all. A conditional UPDATE per product
 * (`stock >= quantity`) is the guard: concurrent orders serialize on the product row and can
 * never drive stock below zero. Items are taken in id order so two orders cannot deadlock.
 */
export async function takeStock(tx: Tx, items: { productId: string; quantity: number }[]): Promise<string | null> {
  const sorted = [...items].sort((a, b) => a.productId.localeCompare(b.productId));
  for (const item of sorted) {
    const rows = await tx
      .update(products)
      .set({ stock: sql`${products.stock} - ${item.quantity}`, updatedAt: new Date() })
      .where(and(eq(products.id, item.productId), gte(products.stock, item.quantity)))
      .returning({ id: products.id });
    if (rows.length === 0) return item.productId;
  }
  return null;
}

/** Gives a reserved order's units back (once: only while the reservation is `reserved`). */
export async function releaseReservation(tx: Tx, orderId: string): Promise<boolean> {
  const [order] = await tx
    .update(orders)
    .set({ reservation: "released", updatedAt: new Date() })
    .where(and(eq(orders.id, orderId), eq(orders.reservation, "reserved")))
    .returning({ id: orders.id });
  if (!order) return false;
  const items = await tx.select().from(orderItems).where(eq(orderItems.orderId, orderId));
  for (const item of [...items].sort((a, b) => a.productId.localeCompare(b.productId))) {
    await tx
      .update(products)
      .set({ stock: sql`${products.stock} + ${item.quantity}`, updatedAt: new Date() })
      .where(eq(products.id, item.productId));
  }
  return true;
}

class ShortStock extends Error {}

/**
 * Reserves a released order's units again (late approval, retry after a rejection): all of them or
 * none. Taken inside a savepoint, so units already taken for earlier items go back when a later
 * item is short, while the caller's transaction carries on.
 */
export async function reReserve(tx: Tx, orderId: string): Promise<boolean> {
  const items = await tx.select().from(orderItems).where(eq(orderItems.orderId, orderId));
  try {
    await tx.transaction(async (sp) => {
      if (await takeStock(sp, items)) throw new ShortStock();
    });
  } catch (err) {
    if (err instanceof ShortStock) return false;
    throw err;
  }
  await tx.update(orders).set({ reservation: "reserved", updatedAt: new Date() }).where(eq(orders.id, orderId));
  return true;
}
