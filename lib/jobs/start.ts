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
  if (g[KEY] || process.env.ONLYWAVE_JOBS === "off") return;
  g[KEY] = true;
  startWebhookWorker(Number(process.env.WEBHOOK_WORKER_INTERVAL_MS ?? 2_000));
  startOutboxWorker({ intervalMs: Number(process.env.EMAIL_OUTBOX_INTERVAL_MS ?? 5_000) });
  every("reconcile-orders", Number(process.env.RECONCILE_INTERVAL_MS ?? 5 * 60_000), () =>
    reconcileOrders({ olderThanMinutes: Number(process.env.RECONCILE_AFTER_MINUTES ?? 10) }),
  );
  every("cleanup-pending-uploads", Number(process.env.UPLOAD_CLEANUP_INTERVAL_MS ?? 15 * 60_000), () => cleanupPendingUploads());
  logger().info("background jobs started");
}
