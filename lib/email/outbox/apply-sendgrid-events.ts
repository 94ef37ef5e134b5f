import { desc, eq } from "drizzle-orm";
import { getDb, schema, type Tx } from "@/lib/db";
import type { SendGridEvent } from "@/lib/email/sendgrid-webhook";
import { recordDeliveryEvent } from "./metrics";
import { isForward, type OutboxStatus, statusForEvent } from "./status";

export interface ApplyEventsResult {
  /** Events stored (and applied to their email's status). */
  applied: number;
  /** Events already stored before (same `sg_event_id`): SendGrid re-delivered the batch. */
  duplicates: number;
  /** Events for no email of ours (sent by another system on the account, or long deleted). */
  unmatched: number;
}

const { emailOutbox: o, emailEvents, emailSuppressions } = schema;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Events after which marketing mail must not go to the address again (transactional still goes). */
function suppressionReason(event: SendGridEvent): string | null {
  // `blocked` bounces are temporary refusals (reputation, rate); only real bounces are hard.
  if (event.event === "bounce" && event.type !== "blocked") return "bounce";
  if (event.event === "spamreport") return "spamreport";
  if (event.event === "unsubscribe" || event.event === "group_unsubscribe") return "unsubscribe";
  return null;
}

/** Our custom arg first (SendGrid's advice), then the X-Message-Id we stored on send. */
async function findEmail(tx: Tx, event: SendGridEvent): Promise<{ id: string; status: OutboxStatus; to: string } | undefined> {
  const columns = { id: o.id, status: o.status, to: o.to };
  const emailId = event.customArgs.email_id;
  if (emailId && UUID.test(emailId)) {
    const [row] = await tx.select(columns).from(o).where(eq(o.id, emailId)).for("update");
    if (row) return row;
  }
  if (!event.providerMessageId) return undefined;
  const [row] = await tx
    .select(columns)
    .from(o)
    .where(eq(o.providerMessageId, event.providerMessageId))
    .orderBy(desc(o.createdAt))
    .limit(1)
    .for("update");
  return row;
}

async function applyOne(event: SendGridEvent): Promise<keyof ApplyEventsResult> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const email = await findEmail(tx, event);
    if (!email) return "unmatched";
    const stored = await tx
      .insert(emailEvents)
      .values({
        emailId: email.id,
        event: event.event,
        providerEventId: event.sg_event_id,
        data: event.raw,
        occurredAt: new Date(event.timestamp * 1000),
      })
      .onConflictDoNothing({ target: emailEvents.providerEventId })
      .returning({ id: emailEvents.id });
    if (stored.length === 0) return "duplicates";

    const target = statusForEvent(event.event);
    if (target && isForward(email.status, target)) {
      await tx.update(o).set({ status: target, updatedAt: new Date() }).where(eq(o.id, email.id));
    }
    const reason = suppressionReason(event);
    if (reason) {
      await tx
        .insert(emailSuppressions)
        .values({ email: (event.email || email.to).trim().toLowerCase(), reason })
        .onConflictDoNothing({ target: emailSuppressions.email });
    }
    return "applied";
  });
}

/**
 * Applies a verified SendGrid Event Webhook batch: each event joins its email's timeline once
 * (idempotent on `sg_event_id`, so re-delivered batches change nothing), moves the status forward
 * only, and hard bounces / spam reports suppress the address for marketing mail. One transaction per
 * event: a batch touches many emails, and locking them one by one cannot deadlock with the worker.
 */
export async function applySendGridEvents(events: SendGridEvent[]): Promise<ApplyEventsResult> {
  const result: ApplyEventsResult = { applied: 0, duplicates: 0, unmatched: 0 };
  for (const event of events) {
    const outcome = await applyOne(event);
    result[outcome]++;
    if (outcome === "applied") recordDeliveryEvent(event.event);
  }
  return result;
}
