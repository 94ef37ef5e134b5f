import { sql } from "drizzle-orm";
import { check, index, integer, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { productKind, products } from "./catalog";

export const orderStatus = pgEnum("order_status", [
  "pending_payment",
  "paid",
  "partially_refunded",
  "refunded",
  "payment_failed",
  "cancelled",
  "expired",
]);

/** Stock held for an order: reserved at creation, confirmed when paid, released when it fails. */
export const reservationState = pgEnum("reservation_state", ["reserved", "confirmed", "released"]);

export const orders = pgTable(
  "orders",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    status: orderStatus("status").notNull().default("pending_payment"),
    reservation: reservationState("reservation").notNull().default("reserved"),
    totalCents: integer("total_cents").notNull(),
    currency: text("currency").notNull().default("BRL"),
    /** Unpaid orders expire (stock released) after this, unless a payment is still in flight. */
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    /** Set when something needs a person: e.g. approved after expiry with no stock left. */
    attention: text("attention"),
    paidAt: timestamp("paid_at", { withTimezone: true }),
    /** Last time reconciliation asked Mercado Pago about this order (oldest first next time). */
    reconciledAt: timestamp("reconciled_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("orders_user_idx").on(t.userId, t.createdAt),
    index("orders_status_idx").on(t.status, t.createdAt),
    check("orders_total_nonnegative", sql`${t.totalCents} >= 0`),
  ],
);

export const orderItems = pgTable(
  "order_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    productId: uuid("product_id")
      .notNull()
      .references(() => products.id),
    /** Snapshots: what the buyer saw and paid, whatever happens to the product later. */
    name: text("name").notNull(),
    kind: productKind("kind").notNull(),
    unitPriceCents: integer("unit_price_cents").notNull(),
    quantity: integer("quantity").notNull(),
    downloadFileId: uuid("download_file_id"),
  },
  (t) => [
    index("order_items_order_idx").on(t.orderId),
    check("order_items_quantity_range", sql`${t.quantity} between 1 and 99`),
  ],
);
