import { and, eq, inArray, sql } from "drizzle-orm";
import { getDb, schema } from "@/lib/db";
import { renderEmailUnchecked, type RenderedEmail } from "@/emails";
import { EmailFallbackError, EmailSendError, type FallbackSendResult, sendWithFallback } from "@/lib/email/providers";
import { logger } from "@/lib/observability/logger";
import { claimHeldBy, type OutboxRow, stillClaimed } from "./claim-emails";
import { recordGaveUp, recordSendAttempt } from "./metrics";
import { retryDelayMs } from "./policy";
import type { OutboxProviders } from "./providers";

/**
 * What became of one claimed email in this attempt. `lost`: the claim had run out and another
 * worker re-claimed the email before this one sent it, so this one left it alone.
 */
export type DeliveryOutcome = "sent" | "retrying" | "failed" | "suppressed" | "lost";

const { emailOutbox: o, emailEvents, emailSuppressions } = schema;

function clip(message: string): string {
  return message.length > 1000 ? `${message.slice(0, 997)}...` : message;
}

/** Anything a provider threw that is not an EmailSendError is a bug or an outage: worth a retry. */
function asSendError(error: unknown, providers: OutboxProviders): EmailSendError {
  if (error instanceof EmailSendError) return error;
  return new EmailSendError({
    kind: "transient",
    reason: "unknown",
    provider: providers.primary.name,
    statusCode: null,
    message: error instanceof Error ? error.message : String(error),
    cause: error,
  });
}

async function isSuppressed(address: string): Promise<boolean> {
  const db = await getDb();
  const [row] = await db.select({ email: emailSuppressions.email }).from(emailSuppressions).where(eq(emailSuppressions.email, address));
  return Boolean(row);
}

/**
 * Ends this attempt without a send. Guarded by the claim (`id`, the claimed `attempts`, still
 * `sending`): when the lease ran out and another worker re-claimed the email, this late write (and
 * its event) is a no-op instead of overwriting the newer attempt's result.
 */
async function finish(
  row: OutboxRow,
  status: "failed" | "suppressed" | "queued",
  content: RenderedEmail | null,
  event: { event: string; data: Record<string, unknown> },
  extra: { lastError: string; nextAttemptAt?: Date },
): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(o)
      .set({ status, ...extra, ...(content ?? {}), updatedAt: new Date() })
      .where(claimHeldBy(row))
      .returning({ id: o.id });
    if (updated.length > 0) await tx.insert(emailEvents).values({ emailId: row.id, ...event });
  });
}

/**
 * Statuses the row may hold while this attempt's claim is still the latest: `sending`, or a status a
 * SendGrid event for this very send already moved it to (the webhook can beat `markSent`).
 */
const HELD_OR_TRACKED = ["sending", "sent", "delivered", "opened", "clicked", "bounced", "failed"] as const;

/**
 * Records the send. Guarded like `finish` (same id and claimed `attempts`), so a worker whose lease
 * ran out mid-send cannot overwrite the provider id, time and event of the worker that re-claimed
 * the email; its own send was a duplicate, which is logged.
 */
async function markSent(row: OutboxRow, content: RenderedEmail | null, outcome: FallbackSendResult): Promise<void> {
  const db = await getDb();
  const now = new Date();
  const recorded = await db.transaction(async (tx) => {
    const updated = await tx
      .update(o)
      .set({
        // A webhook event may already have moved it further (delivered): never move it back.
        status: sql`case when ${o.status} in ('queued', 'sending') then 'sent'::email_status else ${o.status} end`,
        provider: outcome.provider,
        providerMessageId: outcome.result.providerMessageId,
        sentAt: now,
        lastError: null,
        ...(content ?? {}),
        updatedAt: now,
      })
      .where(and(eq(o.id, row.id), eq(o.attempts, row.attempts), inArray(o.status, [...HELD_OR_TRACKED])))
      .returning({ id: o.id });
    if (updated.length === 0) return false;
    await tx.insert(emailEvents).values({
      emailId: row.id,
      event: "sent",
      occurredAt: now,
      data: {
        attempt: row.attempts,
        provider: outcome.provider,
        messageId: outcome.result.providerMessageId,
        ...(outcome.result.accepted ? { accepted: outcome.result.accepted } : {}),
        ...(outcome.result.rejected ? { rejected: outcome.result.rejected } : {}),
        ...(outcome.primaryError ? { fallbackFrom: outcome.primaryError.toJSON() } : {}),
      },
    });
    return true;
  });
  if (!recorded) {
    logger().warn(
      { emailId: row.id, attempt: row.attempts, provider: outcome.provider, messageId: outcome.result.providerMessageId },
      "outbox: sent after the claim was lost to another worker (duplicate email); result not recorded",
    );
  }
}

/**
 * One attempt at one claimed email: render (once; the result is stored for the admin preview and
 * reused by retries), skip marketing mail to suppressed addresses, send through the primary provider
 * with the fallback for transient failures, then record the provider's message id and an event.
 * Transient failures are rescheduled with back-off until the attempts run out; permanent ones
 * (invalid address, bad props) fail at once.
 */
export async function deliverEmail(row: OutboxRow, providers: OutboxProviders, now: Date): Promise<DeliveryOutcome> {
  let content: RenderedEmail;
  // Written back only when rendered in this attempt; a retry reuses the stored copy untouched.
  let fresh: RenderedEmail | null = null;
  try {
    if (row.subject !== null && row.html !== null && row.text !== null) {
      content = { subject: row.subject, html: row.html, text: row.text };
    } else {
      content = await renderEmailUnchecked(row.template, row.props);
      fresh = content;
    }
  } catch (error) {
    const message = clip(`render: ${error instanceof Error ? error.message : String(error)}`);
    await finish(row, "failed", null, { event: "failed", data: { attempt: row.attempts, reason: "render", message } }, { lastError: message });
    recordGaveUp({ emailId: row.id, template: row.template, attempts: row.attempts, error: message });
    return "failed";
  }

  if (row.category === "marketing" && (await isSuppressed(row.to))) {
    const message = "Endereço suprimido (bounce ou denúncia de spam): e-mail de marketing não enviado.";
    await finish(row, "suppressed", fresh, { event: "suppressed", data: { attempt: row.attempts } }, { lastError: message });
    return "suppressed";
  }

  // A lane may reach this row late in its batch: if the lease ran out and another worker took the
  // email meanwhile, sending now would be a duplicate.
  if (!(await stillClaimed(row))) return "lost";

  let outcome: FallbackSendResult;
  try {
    outcome = await sendWithFallback(providers.primary, providers.fallback, {
      to: row.to,
      from: providers.from,
      subject: content.subject,
      html: content.html,
      text: content.text,
      // Echoed back by SendGrid on every Event Webhook event: how events find this row.
      customArgs: { email_id: row.id },
    });
  } catch (thrown) {
    return onSendFailure(row, asSendError(thrown, providers), fresh, now);
  }
  if (outcome.primaryError) recordSendAttempt(row.template, outcome.primaryError.provider, "failed");
  recordSendAttempt(row.template, outcome.provider, "sent");
  // Outside the try above: if recording fails the mail is out, so it must not count as a failed send;
  // the error reaches processOutbox and the expired lease retries (at least once, never lost).
  await markSent(row, fresh, outcome);
  return "sent";
}

/** Back-off for a transient failure while attempts remain; otherwise the email is failed for good. */
async function onSendFailure(row: OutboxRow, error: EmailSendError, fresh: RenderedEmail | null, now: Date): Promise<DeliveryOutcome> {
  if (error instanceof EmailFallbackError) recordSendAttempt(row.template, error.primaryError.provider, "failed");
  recordSendAttempt(row.template, error.provider, "failed");
  const message = clip(error.message);
  const delay = error.kind === "transient" ? retryDelayMs(row.attempts) : null;
  const data = { attempt: row.attempts, ...error.toJSON(), message };
  if (delay !== null) {
    const nextAttemptAt = new Date(now.getTime() + delay);
    await finish(row, "queued", fresh, { event: "attempt_failed", data: { ...data, retryAt: nextAttemptAt.toISOString() } }, { lastError: message, nextAttemptAt });
    return "retrying";
  }
  await finish(row, "failed", fresh, { event: "failed", data }, { lastError: message });
  recordGaveUp({ emailId: row.id, template: row.template, attempts: row.attempts, error: message });
  return "failed";
}
