import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

/**
 * One Prometheus registry per process, kept on globalThis: Next bundles route handlers and pages
 * separately and re-evaluates modules on hot reload, and both would otherwise register twice.
 */
function build() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const httpDuration = new Histogram({
    name: "http_request_duration_seconds",
    help: "API request duration by route template, method and status class.",
    labelNames: ["route", "method", "status_class"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const dbErrors = new Counter({
    name: "db_query_errors_total",
    help: "Database errors seen by API requests.",
    registers: [registry],
  });
  return { registry, httpDuration, dbErrors, extra: new Map<string, Counter | Gauge | Histogram>() };
}

type Metrics = ReturnType<typeof build>;
const KEY = Symbol.for("onlywave.metrics");
type Holder = { [KEY]?: Metrics };

export function metrics(): Metrics {
  const g = globalThis as Holder;
  g[KEY] ??= build();
  return g[KEY];
}

export function statusClass(status: number): string {
  return `${Math.floor(status / 100)}xx`;
}
