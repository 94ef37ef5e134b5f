import { captureWorkerError } from "@/lib/observability/report";
import { processOutbox } from "./process-outbox";
import { closeOutboxProviders } from "./providers";

export interface OutboxWorkerOptions {
  /** Poll period: how soon retries and mail enqueued by other processes go out. Default 5 s. */
  intervalMs?: number;
  /** Passed to each `processOutbox` pass. */
  batchSize?: number;
  /** What one tick runs; default `processOutbox`. Tests inject a probe to check the scheduling. */
  pass?: () => Promise<unknown>;
}

const KEY = Symbol.for("onlywave.emailOutboxWorker");
interface State {
  timer?: NodeJS.Timeout;
  pass?: () => Promise<unknown>;
  running?: Promise<void>;
  again: boolean;
}
type Holder = { [KEY]?: State };

function state(): State {
  const g = globalThis as Holder;
  g[KEY] ??= { again: false };
  return g[KEY];
}

/** Single flight per process: a kick during a pass schedules one more pass instead of a parallel one. */
function runPass(): Promise<void> {
  const s = state();
  if (s.running) {
    s.again = true;
    return s.running;
  }
  const pass = (async () => {
    try {
      do {
        s.again = false;
        await (s.pass ?? processOutbox)();
      } while (s.again);
    } catch (err) {
      // Logged, counted and sent to Sentry; the next tick tries again.
      captureWorkerError(err, { worker: "email" });
    }
  })().finally(() => {
    // `.finally` runs after this assignment even when the pass fails synchronously.
    if (s.running === pass) s.running = undefined;
  });
  s.running = pass;
  return s.running;
}

/**
 * Starts the in-process outbox worker: a pass every `intervalMs` (retries with back-off, rows whose
 * worker died, mail enqueued by other processes). The outbox gauges do not depend on it: the
 * metrics route registers them (app/api/metrics/sources.ts). Idempotent per process (HMR, several
 * bundles). Meant for `instrumentation.ts`'s `register()` on the Node.js runtime. Returns a stop function that waits for the current pass and closes the
 * provider connection pools.
 */
export function startOutboxWorker(options: OutboxWorkerOptions = {}): () => Promise<void> {
  const s = state();
  if (!s.timer) {
    const { batchSize, pass } = options;
    s.pass = pass ?? (() => processOutbox({ batchSize }));
    s.timer = setInterval(() => void runPass(), options.intervalMs ?? 5_000);
    // Never keep the process alive just for this.
    s.timer.unref();
    void runPass();
  }
  return async () => {
    clearInterval(s.timer);
    s.timer = undefined;
    s.pass = undefined;
    await s.running;
    await closeOutboxProviders();
  };
}

/**
 * Asks the worker to send now rather than at its next tick (call it after the transaction that
 * enqueued has committed, e.g. a password reset). Does nothing in a process without a started worker
 * (scripts, tests), so enqueueing from there never sends behind the caller's back.
 */
export function kickOutbox(): void {
  if (!state().timer) return;
  setImmediate(() => void runPass());
}

/** Whether this process runs the worker (for readiness/diagnostics). */
export function outboxWorkerRunning(): boolean {
  return Boolean(state().timer);
}
