import { and, eq, inArray, lte, sql } from "drizzle-orm";
import { config } from "@/lib/config";
import { type Executor, getDb, schema, type Tx } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/outbox/enqueue";
import { isTransientMercadoPagoError, MercadoPagoError, mercadoPago } from "@/lib/integrations/mercadopago/client";
import { logger } from "@/lib/observability/logger";
import { captureWorkerError } from "@/lib/observability/report";
import { applyMercadoPagoPayment } from "./apply-payment";
import { recordWebhookEvent } from "./webhook-metrics";

/** Back-off between attempts while Mercado Pago is failing; after the last one: `failed`. */
export const RETRY_DELAYS_MS = [2_000, 10_000, 30_000, 120_000, 600_000, 1_800_000, 3_600_000];
/** A claimed notification whose worker died is claimed again after this lease. */
const LEASE_MS = 2 * 60_000;

type NotificationRow = typeof schema.webhookNotifications.$inferSelect;

/** Claims due notifications (pending, or processing with an expired lease) without blocking other workers. */
async function claim(limit: number): Promise<NotificationRow[]> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: schema.webhookNotifications.id })
      .from(schema.webhookNotifications)
      .where(and(inArray(schema.webhookNotifications.status, ["pending", "processing"]), lte(schema.webhookNotifications.nextAttemptAt, new Date())))
      // Verified notifications first: unverifiable IPN hints can never starve real ones.
      .orderBy(sql`${schema.webhookNotifications.verification} = 'valid' desc`, schema.webhookNotifications.receivedAt)
      .limit(limit)
      .for("update", { skipLocked: true });
    if (due.length === 0) return [];
    return tx
      .update(schema.webhookNotifications)
      .set({
        status: "processing",
        attempts: sql`${schema.webhookNotifications.attempts} + 1`,
        nextAttemptAt: new Date(Date.now() + LEASE_MS),
      })
      .where(inArray(schema.webhookNotifications.id, due.map((d) => d.id)))
      .returning();
  });
}

/**
 * Records the outcome of one claim. Guarded by the claim (attempt number, still processing): a
 * worker whose lease ran out and whose row was claimed again writes nothing.
 */
async function finish(n: NotificationRow, set: Partial<typeof schema.webhookNotifications.$inferInsert>, tx?: Executor): Promise<boolean> {
  const db = tx ?? (await getDb());
  const w = schema.webhookNotifications;
  const rows = await db
    .update(w)
    .set({ processedAt: new Date(), ...set })
    .where(and(eq(w.id, n.id), eq(w.attempts, n.attempts), eq(w.status, "processing")))
    .returning({ id: w.id });
  return rows.length > 0;
}

async function processOne(n: NotificationRow): Promise<void> {
  try {
    const mp = await mercadoPago().getPayment(n.resourceId);
    const result = await applyMercadoPagoPayment(mp, `${n.style} ${n.action ?? n.topic}`);
    if (result.outcome === "unknown_order") {
      await finish(n, { status: "flagged", lastError: `unknown order ${result.reference ?? "(none)"}` });
      recordWebhookEvent("flagged", "unknown_order");
    } else if (result.outcome === "mismatch") {
      await finish(n, { status: "flagged", lastError: result.reason, paymentId: result.paymentId, orderId: result.orderId });
      recordWebhookEvent("flagged", "amount_mismatch");
    } else {
      await finish(n, { status: "processed", lastError: null, paymentId: result.paymentId, orderId: result.orderId });
      recordWebhookEvent("processed");
    }
  } catch (err) {
    if (err instanceof MercadoPagoError && err.status === 404) {
      await finish(n, { status: "flagged", lastError: "payment not found at Mercado Pago" });
      recordWebhookEvent("flagged", "unknown_payment");
      return;
    }
    const transient = isTransientMercadoPagoError(err);
    const delay = RETRY_DELAYS_MS[n.attempts - 1];
    const message = err instanceof Error ? err.message : String(err);
    if (transient && delay !== undefined) {
      await finish(n, { status: "pending", lastError: message, nextAttemptAt: new Date(Date.now() + delay), processedAt: null });
      logger().warn({ notificationId: n.id, attempts: n.attempts, delayMs: delay, err: message }, "webhook processing will retry");
      return;
    }
    // Marked failed and the admins' alert queued together: both or neither, and neither when the
    // claim was lost (another worker holds the row now and decides).
    const db = await getDb();
    const marked = await db.transaction(async (tx) => {
      if (!(await finish(n, { status: "failed", lastError: message }, tx))) return false;
      await alertAdmins(tx, n, message);
      return true;
    });
    if (!marked) {
      logger().warn({ notificationId: n.id, attempts: n.attempts }, "webhook claim lost before recording its failure; the new claim decides");
      return;
    }
    recordWebhookEvent("failed", transient ? "retries_exhausted" : "error");
    captureWorkerError(err, { worker: "webhook", jobId: n.id, attempt: n.attempts });
  }
}

async function alertAdmins(tx: Tx, n: NotificationRow, message: string) {
  const admins = await tx.select().from(schema.users).where(eq(schema.users.role, "admin"));
  for (const a of admins) {
    await enqueueEmail(
      {
        template: "admin-alert",
        to: a.email,
        dedupeKey: `webhook-failed:${n.id}:${a.id}`,
        props: {
          title: "Falha ao processar webhook do Mercado Pago",
          message: `A notificação ${n.topic} ${n.resourceId} falhou após ${n.attempts} tentativas: ${message}`,
          link: `${config().appUrl}/admin`,
        },
      },
      tx,
    );
  }
}

/**
 * Processes due notifications until none is left (or `maxBatches`). Safe to run from several
 * processes at once: claims skip rows another worker holds.
 */
export async function processNotifications(opts: { batchSize?: number; maxBatches?: number } = {}): Promise<number> {
  let done = 0;
  // One at a time by default: a claim's lease (2 min) then always outlives the work it covers
  // (one Mercado Pago lookup with its timeout and retries).
  for (let b = 0; b < (opts.maxBatches ?? 200); b++) {
    const batch = await claim(opts.batchSize ?? 1);
    if (batch.length === 0) break;
    for (const n of batch) await processOne(n);
    done += batch.length;
  }
  return done;
}
