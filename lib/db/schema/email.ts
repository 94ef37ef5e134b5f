import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

export const emailStatus = pgEnum("email_status", [
  "queued",
  "sending",
  "sent",
  "delivered",
  "opened",
  "clicked",
  "bounced",
  "failed",
  "suppressed",
]);

export const emailCategory = pgEnum("email_category", ["transactional", "marketing"]);

/**
 * The durable outbox. Callers enqueue in the same transaction as the change that caused the email;
 * a worker renders and sends. `dedupeKey` makes "payment approved for payment X" impossible to send
 * twice, however often it is enqueued.
 */
export const emailOutbox = pgTable(
  "email_outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    template: text("template").notNull(),
    to: text("to").notNull(),
    props: jsonb("props").notNull(),
    dedupeKey: text("dedupe_key"),
    category: emailCategory("category").notNull().default("transactional"),
    status: emailStatus("status").notNull().default("queued"),
    provider: text("provider"),
    providerMessageId: text("provider_message_id"),
    subject: text("subject"),
    html: text("html"),
    text: text("text"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("email_outbox_dedupe_key").on(t.dedupeKey),
    index("email_outbox_queue_idx").on(t.status, t.nextAttemptAt),
    index("email_outbox_to_idx").on(t.to),
    index("email_outbox_provider_message_idx").on(t.providerMessageId),
  ],
);

/** Delivery tracking: provider events (SendGrid Event Webhook) and SMTP results per email. */
export const emailEvents = pgTable(
  "email_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    emailId: uuid("email_id")
      .notNull()
      .references(() => emailOutbox.id, { onDelete: "cascade" }),
    event: text("event").notNull(),
    providerEventId: text("provider_event_id"),
    data: jsonb("data"),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("email_events_provider_event_key").on(t.providerEventId), index("email_events_email_idx").on(t.emailId)],
);

/** Addresses that hard-bounced or reported spam: no marketing mail goes there again. */
export const emailSuppressions = pgTable("email_suppressions", {
  email: text("email").primaryKey(),
  reason: text("reason").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true, precision: 3 }).notNull().defaultNow(),
});
