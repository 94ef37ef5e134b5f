/**
 * Fault injection for API calls: the next N matching calls fail with a status and/or are slowed
 * down, so the app's retry and timeout handling can be tested.
 */
import { mpError } from "./errors";
import type { EmulatorStore } from "./store";
import type { FaultRule, JsonObject } from "./types";

export interface FaultInput {
  count?: unknown;
  status?: unknown;
  delayMs?: unknown;
  method?: unknown;
  path?: unknown;
  body?: unknown;
  retryAfter?: unknown;
}

const asInt = (value: unknown, name: string, min: number, max: number, fallback: number | null): number | null => {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    throw mpError(400, "bad_request", `${name} must be an integer between ${min} and ${max}`);
  }
  return value;
};

export function addFault(store: EmulatorStore, input: FaultInput): FaultRule {
  const status = asInt(input.status, "status", 400, 599, null);
  const delayMs = asInt(input.delayMs, "delayMs", 0, 600_000, 0) ?? 0;
  if (status === null && delayMs === 0) throw mpError(400, "bad_request", "a fault needs a status and/or a delayMs");
  const rule: FaultRule = {
    id: store.nextId("fault"),
    remaining: asInt(input.count, "count", 1, 10_000, 1) ?? 1,
    status,
    delayMs,
    method: typeof input.method === "string" ? input.method.toUpperCase() : null,
    pathPrefix: typeof input.path === "string" ? input.path.replace(/\/+$/, "") : null,
    body: typeof input.body === "object" && input.body !== null ? (input.body as JsonObject) : null,
    retryAfter: asInt(input.retryAfter, "retryAfter", 0, 3600, null),
  };
  store.faults.push(rule);
  return rule;
}

/** Consumes one use of the first rule matching the call, if any. */
export function takeFault(store: EmulatorStore, method: string, path: string): FaultRule | null {
  const rule = store.faults.find(
    (r) => (!r.method || r.method === method) && (!r.pathPrefix || path.startsWith(r.pathPrefix)),
  );
  if (!rule) return null;
  rule.remaining -= 1;
  if (rule.remaining <= 0) store.faults = store.faults.filter((r) => r !== rule);
  return rule;
}

export function faultBody(rule: FaultRule): JsonObject {
  if (rule.body) return rule.body;
  const status = rule.status ?? 500;
  const error = status === 429 ? "too_many_requests" : status >= 500 ? "internal_server_error" : "bad_request";
  return { message: `Emulated failure (fault #${rule.id})`, error, status, cause: [] };
}
