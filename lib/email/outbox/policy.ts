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
 * A claimed row is `sending` with `next_attempt_at = claim time + lease`. If the worker dies
 * mid-send, the row becomes due again when the lease runs out and another worker takes it. Far
 * longer than a send can take (provider timeouts are 10–30 s) so a live worker never loses its row.
 */
export const LEASE_MS = 2 * 60_000;

/** Delay before the attempt after `attempts` failed ones, or null when the email should give up. */
export function retryDelayMs(attempts: number): number | null {
  return RETRY_DELAYS_MS[attempts - 1] ?? null;
}
