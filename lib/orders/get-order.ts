import { and, desc, eq, inArray, lt, or, type SQL } from "drizzle-orm";
import type { Caller } from "@/lib/auth/caller";
import { getDb, schema } from "@/lib/db";
import { errors } from "@/lib/http/errors";
import { decodeKeyset, type Page, toPage } from "@/lib/http/pagination";
import { type OrderView, toOrderView } from "./types";

/** The caller's order (admins: any). Someone else's order is a 404, exactly like a missing one. */
export async function getOrderFor(caller: Caller, orderId: string): Promise<OrderView> {
  const db = await getDb();
  const [order] = await db.select().from(schema.orders).where(eq(schema.orders.id, orderId));
  if (!order || (caller.user.role !== "admin" && order.userId !== caller.user.id)) throw errors.notFound("Pedido");
  const items = await db.select().from(schema.orderItems).where(eq(schema.orderItems.orderId, orderId));
  return toOrderView(order, items);
}

/** Newest first, keyset-paginated on (createdAt, id). Admins see every order. */
export async function listOrdersFor(caller: Caller, query: { limit: number; cursor?: string; status?: string }): Promise<Page<OrderView>> {
  const db = await getDb();
  const where: SQL[] = [];
  if (caller.user.role !== "admin") where.push(eq(schema.orders.userId, caller.user.id));
  if (query.status) where.push(eq(schema.orders.status, query.status as OrderView["status"]));
  const after = decodeKeyset(query.cursor, ["date", "uuid"]);
  if (after) {
    const [when, id] = after;
    where.push(or(lt(schema.orders.createdAt, when), and(eq(schema.orders.createdAt, when), lt(schema.orders.id, id)))!);
  }
  const rows = await db
    .select()
    .from(schema.orders)
    .where(and(...where))
    .orderBy(desc(schema.orders.createdAt), desc(schema.orders.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (r) => r, (r) => [r.createdAt.toISOString(), r.id]);
  const items = page.data.length
    ? await db.select().from(schema.orderItems).where(inArray(schema.orderItems.orderId, page.data.map((o) => o.id)))
    : [];
  return {
    data: page.data.map((o) => toOrderView(o, items.filter((i) => i.orderId === o.id))),
    nextCursor: page.nextCursor,
  };
}
