/**
 * `X-Idempotency-Key` on writes: repeating a request with the same key answers the stored
 * result without executing it again. Reusing a key for a different request (other method, path
 * or body) is refused with 409, which the SDK surfaces as `MPIdempotencyError`.
 */
import { createHash } from "node:crypto";
import { mpDate } from "./dates";
import type { EmulatorStore } from "./store";
import type { IdempotencyEntry } from "./types";

export function fingerprint(method: string, path: string, rawBody: string): string {
  return `${method} ${path} ${createHash("sha256").update(rawBody).digest("hex")}`;
}

export type IdempotencyLookup = { kind: "replay"; entry: IdempotencyEntry } | { kind: "conflict" } | { kind: "new" };

export function lookup(store: EmulatorStore, key: string, print: string): IdempotencyLookup {
  const entry = store.idempotency.get(key);
  if (!entry) return { kind: "new" };
  return entry.fingerprint === print ? { kind: "replay", entry } : { kind: "conflict" };
}

/** Remembers a result; server errors are not remembered, so a retry can succeed. */
export function remember(store: EmulatorStore, key: string, print: string, status: number, body: unknown): void {
  if (status >= 500) return;
  store.idempotency.set(key, { fingerprint: print, status, body, createdAt: mpDate() });
  store.changed();
}
