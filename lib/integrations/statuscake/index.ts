/**
 * StatusCake uptime checks for /api/health and /api/health/ready, kept in sync by
 * `npm run statuscake:sync` (scripts/statuscake-sync.ts).
 */
export { desiredUptimeChecks, DOWN_STATUS_CODES, type DesiredChecksOptions } from "./checks";
export { createStatusCakeClient, STATUSCAKE_API_URL, type StatusCakeClient, StatusCakeError, uptimeForm } from "./client";
export { type SyncAction, type SyncOptions, syncUptimeChecks } from "./sync";
export { CHECK_RATES } from "./types";
export type * from "./types";
