import { startOutboxWorker } from "./worker";

/**
 * TEMPORARY bridge until lib/jobs/start.ts (`startBackgroundJobs`, called from instrumentation.ts)
 * starts the outbox worker at boot: the password-reset route and the admin outbox page start the
 * in-process worker on first use, so `next start` (e2e, production) sends mail. Idempotent; honours
 * ONLYWAVE_JOBS=off like the other background jobs; a no-op under vitest (tests drive
 * `processOutbox` themselves). Delete it and its two callers once the scheduler is wired.
 */
export function ensureOutboxWorker(): void {
  if (process.env.VITEST || process.env.ONLYWAVE_JOBS === "off") return;
  startOutboxWorker();
}
