import { captureWorkerError } from "@/lib/observability/report";
import { processNotifications } from "./process-notifications";

const KEY = Symbol.for("onlywave.webhookWorker");
type State = { timer?: NodeJS.Timeout; current?: Promise<void>; again: boolean };
type Holder = { [KEY]?: State };

function state(): State {
  const g = globalThis as Holder;
  g[KEY] ??= { again: false };
  return g[KEY];
}

/** One pass at a time per process; a kick during a pass schedules one more pass. */
function run(): Promise<void> {
  const s = state();
  if (s.current) {
    s.again = true;
    return s.current;
  }
  s.current = (async () => {
    try {
      do {
        s.again = false;
        await processNotifications();
      } while (s.again);
    } catch (err) {
      captureWorkerError(err, { worker: "webhook" });
    } finally {
      s.current = undefined;
    }
  })();
  return s.current;
}

/**
 * Asks the in-process worker to look at the queue now (after an ack), without waiting for it.
 * Only where the worker runs (see startWebhookWorker): a web-only process just records.
 */
export function kickWebhookWorker(): void {
  if (state().timer) setImmediate(() => void run());
}

/** Runs the worker until the queue has nothing due, waiting for a pass already under way. */
export async function drainWebhookWorker(): Promise<void> {
  await state().current;
  await run();
}

/** Polls the queue so retries with back-off and notifications left by a dead process get done. */
export function startWebhookWorker(intervalMs = 2_000): () => void {
  const s = state();
  if (!s.timer) {
    s.timer = setInterval(() => void run(), intervalMs);
    s.timer.unref();
  }
  return () => {
    clearInterval(s.timer);
    s.timer = undefined;
  };
}
