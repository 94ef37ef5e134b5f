/**
 * Retry policy of the outbox worker, in one place so docs, tests and the admin page agree.
 *
 * After the n-th attempt fails transiently the next one waits `RETRY_DELAYS_MS[n - 1]`; when there
 * is no delay left the email is marked `failed`. That bounds a message to `MAX_ATTEMPTS` sends over
 * roughly 3.7 hours: long enough to ride out a provider incident, short enough that a password-reset
 * link (valid 1 h) is not delivered uselessly late forever.
 */
export const RETRY_DELAYS_MS = [10_000, 30_000, 120_000, 600_000, 1_800_000, 3_600_000, 7_200_000] as const;

export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

/**
 * Upper bound of one provider call, from the providers' own timeouts (lib/email/providers): SendGrid
 * gives up after 10 s; SMTP after 10 s to connect, 10 s for the greeting and 30 s of silence on the
 * socket. Rounded up to leave room for a slow server that answers just before each timeout.
 */
export const PROVIDER_SEND_TIMEOUT_MS = 60_000;

/** Worst case for one email: the primary times out, then the fallback does too. */
export const WORST_SEND_MS = 2 * PROVIDER_SEND_TIMEOUT_MS;

/** Rendering, the suppression lookup and the result write, with slack for a busy event loop. */
export const LEASE_MARGIN_MS = 60_000;

/** Rows claimed per round trip, and sends in flight, when the caller does not say. */
export const DEFAULT_BATCH_SIZE = 10;
export const DEFAULT_CONCURRENCY = 5;

/**
 * How long a claim of `batchSize` rows sent `concurrency` at a time must hold. A claimed row is
 * `sending` with `next_attempt_at = claim time + lease`; once the lease runs out another worker may
 * take it (that is how a dead worker's rows come back). The last row of a batch only starts once the
 * rows before it in its lane are done, so the lease covers every round of the batch at its worst
 * (primary + fallback both timing out), not one send: otherwise a live worker loses rows it has not
 * sent yet and they go out twice.
 */
export function leaseMsFor(batchSize: number, concurrency: number): number {
  const rounds = Math.ceil(Math.max(1, batchSize) / Math.max(1, Math.min(concurrency, batchSize)));
  return rounds * WORST_SEND_MS + LEASE_MARGIN_MS;
}

/** The lease of a default claim (`processOutbox()` without options): 2 rounds × 2 min + 1 min = 5 min. */
export const LEASE_MS = leaseMsFor(DEFAULT_BATCH_SIZE, DEFAULT_CONCURRENCY);

/** Delay before the attempt after `attempts` failed ones, or null when the email should give up. */
export function retryDelayMs(attempts: number): number | null {
  return RETRY_DELAYS_MS[attempts - 1] ?? null;
}
