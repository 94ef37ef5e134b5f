import * as Sentry from "@sentry/nextjs";
import { currentContext } from "./context";
import { logger } from "./logger";
import { classifyDbError, recordDbError } from "./record/db";

/** Context of an unexpected error; `requestId`/`route`/`userId` default to the current request's. */
export interface ErrorContext {
  requestId?: string;
  route?: string;
  userId?: string;
  [key: string]: unknown;
}

/** Background workers that report through `captureWorkerError`. */
export type WorkerName = "webhook" | "email" | "reconcile" | (string & {});

/** Context of a worker failure: which worker, and what it was working on. */
export interface WorkerErrorContext {
  worker: WorkerName;
  /** The job, notification or outbox row id (never an email). */
  jobId?: string;
  attempt?: number;
  [key: string]: unknown;
}

function capture(err: unknown, context: ErrorContext, tags: Record<string, string>): void {
  const ctx = currentContext();
  const { requestId = ctx?.requestId, route = ctx?.route, userId = ctx?.userId, ...details } = context;
  const dbKind = classifyDbError(err);
  if (dbKind) recordDbError(dbKind);
  logger().error(
    { err, requestId, route, ...tags, ...details },
    err instanceof Error ? err.message : "unexpected error",
  );
  Sentry.withScope((scope) => {
    if (requestId) scope.setTag("request_id", requestId);
    if (route) scope.setTag("route", route);
    if (dbKind) scope.setTag("db_error", dbKind);
    for (const [k, v] of Object.entries(tags)) scope.setTag(k, v);
    if (userId) scope.setUser({ id: userId });
    if (Object.keys(details).length) scope.setContext("details", details);
    Sentry.captureException(err);
  });
}

/**
 * Reports an unexpected error: one log line, the database error counter when it came from the
 * database, and a Sentry event tagged with the request id and the user's id (never their email;
 * `scrubEvent` removes anything else personal before it leaves the process).
 */
export function reportError(err: unknown, context: ErrorContext = {}): void {
  capture(err, context, {});
}

/**
 * Reports a failure inside a background worker (webhook processing, email outbox...). Workers run
 * outside any request, so the `worker` tag is what Sentry groups and alerts on.
 */
export function captureWorkerError(err: unknown, context: WorkerErrorContext): void {
  const { worker, jobId, attempt, ...rest } = context;
  capture(err, { ...rest, ...(attempt !== undefined ? { attempt } : {}) }, {
    worker,
    ...(jobId ? { job_id: jobId } : {}),
  });
}
