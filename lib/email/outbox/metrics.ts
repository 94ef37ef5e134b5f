import { count, inArray, min } from "drizzle-orm";
import { getDb, schema } from "@/lib/db";
import type { EmailProviderName } from "@/lib/email/providers";
import { logger } from "@/lib/observability/logger";
import { type BacklogSnapshot, recordEmail, recordEmailEvent, registerGaugeProvider } from "@/lib/observability/record";

/**
 * The outbox's one seam to monitoring, so the worker and the webhook read as business code and the
 * metric names live in lib/observability (see docs/monitoring.md).
 */

/** One send attempt through one provider. A fallback shows as the primary `failed` + fallback `sent`. */
export function recordSendAttempt(template: string, provider: EmailProviderName, outcome: "sent" | "failed"): void {
  recordEmail({ template, provider, outcome });
}

/** The outbox gave up on an email (permanent error or retries exhausted): logged for the on-call. */
export function recordGaveUp(input: { emailId: string; template: string; attempts: number; error: string }): void {
  logger().warn({ outbox: input }, "email failed permanently");
}

/** A delivery event SendGrid reported (delivered, bounce, open...). */
export function recordDeliveryEvent(event: string): void {
  recordEmailEvent({ provider: "sendgrid", event });
}

/** Depth and oldest age of mail waiting to be sent (queued, or claimed and not finished). */
export async function outboxBacklog(): Promise<BacklogSnapshot> {
  const db = await getDb();
  const { emailOutbox: o } = schema;
  const [row] = await db
    .select({ depth: count(), oldest: min(o.createdAt) })
    .from(o)
    .where(inArray(o.status, ["queued", "sending"]));
  const oldest = row?.oldest ? new Date(row.oldest) : null;
  return {
    depth: Number(row?.depth ?? 0),
    oldestAgeSeconds: oldest ? Math.max(0, (Date.now() - oldest.getTime()) / 1000) : 0,
  };
}

/**
 * Lets /api/metrics read the outbox gauges at scrape time (called by app/api/metrics/sources.ts).
 * Idempotent (replaces on HMR).
 */
export function registerOutboxGauges(): () => void {
  return registerGaugeProvider("email_outbox", outboxBacklog);
}
