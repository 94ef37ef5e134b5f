import { collectDefaultMetrics, Histogram, Registry } from "prom-client";

/**
 * One Prometheus registry per process, kept on globalThis: Next bundles route handlers and pages
 * separately and re-evaluates modules on hot reload, and both would otherwise register twice
 * ("A metric with the name … has already been registered").
 *
 * Every metric the app owns is prefixed `onlywave_`; prom-client's default process/Node metrics
 * keep their standard names (`process_*`, `nodejs_*`) so stock dashboards work. Domain metrics are
 * defined next to their recording functions in `./record/*` through `metricGroup()`.
 */
function build() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const httpDuration = new Histogram({
    name: "onlywave_http_request_duration_seconds",
    help: "API request duration by route template, method and status class (2xx, 4xx, 5xx...).",
    labelNames: ["route", "method", "status_class"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  return { registry, httpDuration, groups: new Map<string, unknown>() };
}

type Metrics = ReturnType<typeof build>;
const KEY = Symbol.for("onlywave.metrics");
type Holder = { [KEY]?: Metrics };

/** The process-wide registry and the HTTP histogram the route wrapper observes. */
export function metrics(): Metrics {
  const g = globalThis as Holder;
  g[KEY] ??= build();
  return g[KEY];
}

/**
 * A named group of metrics created once per process on the shared registry. Domain files call it
 * lazily so a module evaluated in several bundles (or again after HMR) reuses the same objects.
 */
export function metricGroup<T>(key: string, create: (registry: Registry) => T): T {
  const m = metrics();
  if (!m.groups.has(key)) m.groups.set(key, create(m.registry));
  return m.groups.get(key) as T;
}

/** "2xx", "4xx", "5xx": a bounded label, never the raw status code. */
export function statusClass(status: number): string {
  return `${Math.floor(status / 100)}xx`;
}
