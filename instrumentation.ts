import * as Sentry from "@sentry/nextjs";
import type { Instrumentation } from "next";

/**
 * Next calls `register()` once per server runtime before the first request: Sentry is initialised
 * for the runtime that is starting (and stays off when SENTRY_DSN is unset).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    await import("./sentry.server.config");
    // Development without METRICS_TOKEN: say which fixed token /api/metrics accepts.
    const [{ config }, { devMetricsTokenNotice }] = await Promise.all([
      import("./lib/config"),
      import("./lib/observability/metrics-auth"),
    ]);
    const notice = devMetricsTokenNotice(config());
    if (notice) console.log(notice);
    // Webhook queue, reconciliation, outbox: background work lives in the server process.
    const { startBackgroundJobs } = await import("./lib/jobs/start");
    startBackgroundJobs();
  }
  if (process.env.NEXT_RUNTIME === "edge") await import("./sentry.edge.config");
}

/**
 * Errors Next catches itself (server components, server actions, route handlers outside our
 * `route()` wrapper, the proxy) reach Sentry here, tagged with the request id the proxy assigned.
 */
export const onRequestError: Instrumentation.onRequestError = (err, request, context) => {
  const header = request.headers["x-request-id"];
  const requestId = Array.isArray(header) ? header[0] : header;
  Sentry.withScope((scope) => {
    if (requestId) scope.setTag("request_id", requestId);
    Sentry.captureRequestError(err, request, context);
  });
};
