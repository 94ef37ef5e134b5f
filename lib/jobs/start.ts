import { config } from "@/lib/config";
import { startOutboxWorker } from "@/lib/email/outbox/worker";
import { cleanupPendingUploads } from "@/lib/files/cleanup-pending-uploads";
import { logger } from "@/lib/observability/logger";
import { captureWorkerError } from "@/lib/observability/report";
import { reconcileOrders } from "@/lib/payments/reconcile";
import { startWebhookWorker } from "@/lib/payments/worker";

const KEY = Symbol.for("onlywave.jobs");
type Holder = { [KEY]?: boolean };

function every(name: string, ms: number, fn: () => Promise<unknown>) {
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      await fn();
    } catch (err) {
      captureWorkerError(err, { worker: name });
    } finally {
      running = false;
    }
  }, ms);
  timer.unref();
}

/**
 * The app's background work, started once per server process (instrumentation.ts): the webhook
 * queue, the email outbox, reconciliation with Mercado Pago and order expiry, abandoned-upload
 * cleanup. Every job is safe to run in several
 * processes at once (row claims with SKIP LOCKED, guarded transitions). ONLYWAVE_JOBS=off disables
 * them, e.g. for a web-only replica.
 */
export function startBackgroundJobs(): void {
  const g = globalThis as Holder;
  const jobs = config().jobs;
  if (g[KEY] || !jobs.enabled) return;
  g[KEY] = true;
  startWebhookWorker(jobs.webhookIntervalMs);
  startOutboxWorker({ intervalMs: jobs.outboxIntervalMs });
  every("reconcile-orders", jobs.reconcileIntervalMs, () => reconcileOrders({ olderThanMinutes: jobs.reconcileAfterMinutes }));
  every("cleanup-pending-uploads", jobs.uploadCleanupIntervalMs, () => cleanupPendingUploads());
  logger().info("background jobs started");
}
