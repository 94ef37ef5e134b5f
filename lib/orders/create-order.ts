import { and, eq, inArray, sql } from "drizzle-orm";
import { config } from "@/lib/config";
import { getDb, schema } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/outbox/enqueue";
import { AppError, errors } from "@/lib/http/errors";
import { takeStock } from "./stock";
import { ORDER_RESERVATION_MINUTES, type OrderView, toOrderView } from "./types";

/** Unpaid orders one account may hold at once (each reserves stock). */
export function maxOpenOrders(): number {
  return config().orders.maxOpen;
}

export interface OrderLineInput {
  productId: string;
  quantity: number;
}

/**
 * Creates an order priced entirely from the database (whatever the client sent as a price is never
 * read) and reserves its stock in the same transaction: enough stock for every line, or no order.
 */
export async function createOrder(userId: string, lines: OrderLineInput[]): Promise<OrderView> {
  const merged = new Map<string, number>();
  for (const l of lines) merged.set(l.productId, (merged.get(l.productId) ?? 0) + l.quantity);
  for (const [productId, quantity] of merged) {
    if (quantity > 99) throw errors.rule("invalid_quantity", "A quantidade de cada produto deve ficar entre 1 e 99.", [{ path: "items", message: productId }]);
  }
  const db = await getDb();
  const ids = [...merged.keys()];
  const found = await db.select().from(schema.products).where(inArray(schema.products.id, ids));
  const byId = new Map(found.map((p) => [p.id, p]));
  const unknown = ids.filter((id) => !byId.get(id)?.active);
  if (unknown.length) {
    throw errors.rule(
      "unknown_product",
      "Um ou mais produtos não existem ou não estão mais à venda.",
      unknown.map((id) => ({ path: "items", message: id })),
    );
  }
  for (const [id, quantity] of merged) {
    if (byId.get(id)!.kind === "digital" && quantity !== 1) {
      throw errors.rule("invalid_quantity", "Produtos digitais são vendidos uma unidade por pedido.", [{ path: "items", message: id }]);
    }
  }
  const items = ids.map((id) => {
    const p = byId.get(id)!;
    return { productId: id, name: p.name, kind: p.kind, unitPriceCents: p.priceCents, quantity: merged.get(id)!, downloadFileId: p.downloadFileId, currency: p.currency };
  });
  if (new Set(items.map((i) => i.currency)).size > 1) throw errors.rule("mixed_currency", "Produtos com moedas diferentes.");
  const totalCents = items.reduce((sum, i) => sum + i.unitPriceCents * i.quantity, 0);

  const orderId = await db.transaction(async (tx) => {
    // One order at a time per account: the buyer's row lock serializes this account's parallel
    // requests, so each counts the unpaid orders the previous one committed (a plain count would
    // let a burst slip past the cap). NO KEY UPDATE does not block other rows referencing the user.
    const [buyer] = await tx.select().from(schema.users).where(eq(schema.users.id, userId)).for("no key update");
    if (!buyer) throw errors.unauthenticated();
    // Holding stock costs other shoppers: a few unpaid orders per account at a time.
    const [{ open }] = (await tx
      .select({ open: sql<number>`count(*)::int` })
      .from(schema.orders)
      .where(and(eq(schema.orders.userId, userId), eq(schema.orders.status, "pending_payment")))) as [{ open: number }];
    if (open >= maxOpenOrders()) {
      throw errors.rule("too_many_open_orders", "Você já tem pedidos aguardando pagamento. Pague ou aguarde a expiração deles antes de criar outro.");
    }
    const short = await takeStock(tx, items);
    if (short) {
      throw errors.rule("insufficient_stock", `Estoque insuficiente para ${byId.get(short)!.name}.`, [{ path: "items", message: short }]);
    }
    const [order] = await tx
      .insert(schema.orders)
      .values({
        userId,
        totalCents,
        currency: items[0]?.currency ?? "BRL",
        expiresAt: new Date(Date.now() + ORDER_RESERVATION_MINUTES * 60_000),
      })
      .returning({ id: schema.orders.id });
    await tx.insert(schema.orderItems).values(
      items.map((i) => ({
        orderId: order!.id,
        productId: i.productId,
        name: i.name,
        kind: i.kind,
        unitPriceCents: i.unitPriceCents,
        quantity: i.quantity,
        downloadFileId: i.downloadFileId,
      })),
    );
    // "Recebemos seu pedido": sent by the outbox, only if this transaction commits.
    await enqueueEmail(
      {
        template: "order-received",
        to: buyer.email,
        dedupeKey: `order-received:${order!.id}`,
        props: {
          name: buyer.name,
          orderId: order!.id.slice(0, 8),
          items: items.map((i) => ({ name: i.name, quantity: i.quantity, unitPriceCents: i.unitPriceCents })),
          totalCents,
          payUrl: `${config().appUrl}/checkout/${order!.id}`,
        },
      },
      tx,
    );
    return order!.id;
  });
  return loadOrder(orderId);
}

export async function loadOrder(orderId: string): Promise<OrderView> {
  const db = await getDb();
  const [order] = await db.select().from(schema.orders).where(eq(schema.orders.id, orderId));
  if (!order) throw new AppError(404, "not_found", "Pedido não encontrado.");
  const items = await db.select().from(schema.orderItems).where(eq(schema.orderItems.orderId, orderId));
  return toOrderView(order, items);
}
