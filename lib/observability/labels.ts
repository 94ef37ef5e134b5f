/**
 * Label values must stay a small, known set: every distinct value is a new time series. Callers
 * pass typed unions, but values also arrive from providers (Mercado Pago statuses, SendGrid event
 * names), so this is the last line of defence.
 */
const MAX_DISTINCT = 25;
const KEY = Symbol.for("onlywave.metricLabels");
type Holder = { [KEY]?: Map<string, Set<string>> };

function seen(): Map<string, Set<string>> {
  const g = globalThis as Holder;
  g[KEY] ??= new Map();
  return g[KEY];
}

/** Lower-case, only `[a-z0-9_.-]`, at most 48 characters; empty becomes "unknown". */
export function sanitizeLabel(value: string | undefined | null): string {
  const v = String(value ?? "")
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9_.-]+/g, "_")
    .slice(0, 48);
  return v === "" ? "unknown" : v;
}

/**
 * A value from a known list, else "other". Use it when the full set is known in advance
 * (payment statuses, outcomes).
 */
export function knownLabel<T extends string>(value: string | undefined | null, allowed: readonly T[]): T | "other" {
  const v = sanitizeLabel(value);
  return (allowed as readonly string[]).includes(v) ? (v as T) : "other";
}

/**
 * A sanitized value, but at most MAX_DISTINCT different values per metric label in this process;
 * later newcomers become "other". Use it for open-ended sets (templates, operations, reasons).
 */
export function boundedLabel(metric: string, label: string, value: string | undefined | null): string {
  const v = sanitizeLabel(value);
  const k = `${metric}:${label}`;
  const map = seen();
  let values = map.get(k);
  if (!values) {
    values = new Set();
    map.set(k, values);
  }
  if (values.has(v)) return v;
  if (values.size >= MAX_DISTINCT) return "other";
  values.add(v);
  return v;
}
