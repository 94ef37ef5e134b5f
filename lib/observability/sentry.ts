import { type AppConfig, config } from "@/lib/config";
import { DATA_COLLECTION } from "./sentry-data-collection";
import { scrubBreadcrumb, scrubEvent, scrubSpan } from "./sentry-scrub";

/**
 * Options shared by the server and edge runtimes (the browser builds the same from its inlined
 * NEXT_PUBLIC_ variables in instrumentation-client.ts). `undefined` when no DSN is set: Sentry is
 * then not initialised at all, so development and tests stay silent.
 */
export function sentryServerOptions(cfg: AppConfig["sentry"] = config().sentry) {
  if (!cfg.dsn) return undefined;
  return {
    dsn: cfg.dsn,
    environment: cfg.environment,
    // Without SENTRY_RELEASE the SDK uses the release withSentryConfig injected at build time.
    ...(cfg.release ? { release: cfg.release } : {}),
    tracesSampleRate: cfg.tracesSampleRate,
    dataCollection: DATA_COLLECTION,
    beforeSend: scrubEvent,
    beforeSendSpan: scrubSpan,
    beforeBreadcrumb: scrubBreadcrumb,
  };
}
