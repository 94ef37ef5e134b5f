import { Counter } from "prom-client";
import { logger } from "./logger";
import { metricGroup } from "./metrics";

/**
 * Gauges whose value lives in the database (webhook backlog, email outbox) are read at scrape time
 * from a provider function the owning domain registers. This keeps the metrics layer free of
 * domain imports: `lib/payments` registers `webhook_backlog`, `lib/email` registers `email_outbox`,
 * both loaded by `app/api/metrics/sources.ts` so every scrape reads them, worker or not.
 */

/** Size and age of a queue of unprocessed work. */
export interface BacklogSnapshot {
  /** Items waiting (not yet processed). */
  depth: number;
  /** Age in seconds of the oldest waiting item; 0 when the queue is empty. */
  oldestAgeSeconds: number;
}

/** Who sends us webhook notifications. */
export type WebhookProvider = "mercadopago" | "sendgrid";

/** Every provider the metrics layer understands, with the shape it must resolve to. */
export interface GaugeProviders {
  webhook_backlog: () => Promise<Partial<Record<WebhookProvider, BacklogSnapshot>>>;
  email_outbox: () => Promise<BacklogSnapshot>;
}
export type GaugeProviderName = keyof GaugeProviders;
type Result<K extends GaugeProviderName> = Awaited<ReturnType<GaugeProviders[K]>>;

const KEY = Symbol.for("onlywave.gaugeProviders");
interface Entry {
  fn: () => Promise<unknown>;
  pending?: { at: number; promise: Promise<unknown> };
}
type Holder = { [KEY]?: Map<GaugeProviderName, Entry> };

function entries(): Map<GaugeProviderName, Entry> {
  const g = globalThis as Holder;
  g[KEY] ??= new Map();
  return g[KEY];
}

/** Several gauges share one provider: one database round trip per scrape, not one per gauge. */
const SHARE_MS = 1000;
/** A scrape must not hang on a slow query; the gauge is left empty instead. */
const PROVIDER_TIMEOUT_MS = 2000;

/** Counts provider failures; exported so every scrape lists the family. */
export const gaugeProviderMetrics = () =>
  metricGroup(
    "gauge-providers",
    (registry) =>
      new Counter({
        name: "onlywave_metrics_provider_errors_total",
        help: "Scrape-time gauge providers that failed or timed out (the gauge is then left empty).",
        labelNames: ["provider"] as const,
        registers: [registry],
      }),
  );

/**
 * Registers (or replaces, e.g. after hot reload) the provider for `name`. Returns an unregister
 * function for tests; it puts back the provider this one replaced, so a test that overrides the
 * database-backed provider (registered by `app/api/metrics/sources.ts`) does not leave the gauge
 * without one for the rest of the process.
 */
export function registerGaugeProvider<K extends GaugeProviderName>(name: K, fn: GaugeProviders[K]): () => void {
  const previous = entries().get(name);
  const entry: Entry = { fn };
  entries().set(name, entry);
  return () => {
    if (entries().get(name) !== entry) return;
    if (previous) entries().set(name, { fn: previous.fn });
    else entries().delete(name);
  };
}

/**
 * The provider's current value: `undefined` when none is registered (push-style values set by the
 * domain stay in place), `null` when it failed or timed out (the gauge should then be emptied
 * rather than show a stale value).
 */
export async function readGaugeProvider<K extends GaugeProviderName>(name: K): Promise<Result<K> | null | undefined> {
  const entry = entries().get(name);
  if (!entry) return undefined;
  const now = Date.now();
  if (!entry.pending || now - entry.pending.at > SHARE_MS) {
    entry.pending = { at: now, promise: withTimeout(entry.fn(), PROVIDER_TIMEOUT_MS) };
  }
  try {
    return (await entry.pending.promise) as Result<K>;
  } catch (err) {
    gaugeProviderMetrics().inc({ provider: name });
    logger().warn({ err, provider: name }, "metrics gauge provider failed");
    return null;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
