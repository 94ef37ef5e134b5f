import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./accounts";
import { orders } from "./orders";

/** Mercado Pago's payment statuses plus our own `created` (preference made, nothing paid yet). */
export const paymentStatus = pgEnum("payment_status", [
  "created",
  "pending",
  "in_process",
  "authorized",
  "approved",
  "rejected",
  "cancelled",
  "in_mediation",
  "refunded",
  "charged_back",
]);

export const payments = pgTable(
  "payments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id),
    status: paymentStatus("status").notNull().default("created"),
    statusDetail: text("status_detail"),
    preferenceId: text("preference_id"),
    initPoint: text("init_point"),
    /** When the Checkout Pro preference stops accepting payments. */
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    /** Mercado Pago's payment id, known once the buyer paid (or tried to). */
    mpPaymentId: text("mp_payment_id"),
    amountCents: integer("amount_cents").notNull(),
    refundedCents: integer("refunded_cents").notNull().default(0),
    currency: text("currency").notNull().default("BRL"),
    paymentMethod: text("payment_method"),
    payerEmail: text("payer_email"),
    approvedAt: timestamp("approved_at", { withTimezone: true }),
    /** The last payment object fetched from Mercado Pago, for the admin page. */
    providerData: jsonb("provider_data"),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("payments_mp_payment_id_key").on(t.mpPaymentId),
    index("payments_order_idx").on(t.orderId, t.createdAt),
    index("payments_status_idx").on(t.status, t.createdAt),
  ],
);

/** Every status change a payment went through, for the admin timeline. */
export const paymentEvents = pgTable(
  "payment_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    paymentId: uuid("payment_id")
      .notNull()
      .references(() => payments.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    fromStatus: text("from_status"),
    toStatus: text("to_status"),
    detail: text("detail"),
    data: jsonb("data"),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [index("payment_events_payment_idx").on(t.paymentId, t.createdAt)],
);

export const refundStatus = pgEnum("refund_status", ["pending", "succeeded", "failed"]);

/** The refund ledger: one row per refund asked of Mercado Pago, never a boolean. */
export const refunds = pgTable(
  "refunds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    paymentId: uuid("payment_id")
      .notNull()
      .references(() => payments.id),
    amountCents: integer("amount_cents").notNull(),
    status: refundStatus("status").notNull().default("pending"),
    mpRefundId: text("mp_refund_id"),
    idempotencyKey: text("idempotency_key"),
    requestedBy: uuid("requested_by").references(() => users.id),
    error: text("error"),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("refunds_payment_idx").on(t.paymentId),
    uniqueIndex("refunds_idempotency_key").on(t.paymentId, t.idempotencyKey),
    uniqueIndex("refunds_mp_refund_id_key").on(t.mpRefundId),
  ],
);

export const notificationStatus = pgEnum("notification_status", ["pending", "processing", "processed", "ignored", "flagged", "failed"]);

/**
 * Webhook notifications as received. Recorded once (the dedupe key is unique), acknowledged, then
 * processed by the worker with back-off; the row is the durable queue.
 */
export const webhookNotifications = pgTable(
  "webhook_notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    provider: text("provider").notNull().default("mercadopago"),
    dedupeKey: text("dedupe_key").notNull(),
    /** `webhook` (signed, data.id/type) or `ipn` (legacy topic/id). */
    style: text("style").notNull(),
    topic: text("topic").notNull(),
    action: text("action"),
    resourceId: text("resource_id").notNull(),
    verification: text("verification").notNull(),
    requestId: text("request_id"),
    body: jsonb("body"),
    status: notificationStatus("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().default(sql`now()`),
    lastError: text("last_error"),
    /** Our payment it ended up applied to, when it did. */
    paymentId: uuid("payment_id"),
    orderId: uuid("order_id"),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp("processed_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("webhook_notifications_dedupe_key").on(t.provider, t.dedupeKey),
    index("webhook_notifications_queue_idx").on(t.status, t.nextAttemptAt),
    index("webhook_notifications_resource_idx").on(t.resourceId),
  ],
);
