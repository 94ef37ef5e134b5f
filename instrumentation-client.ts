import * as Sentry from "@sentry/nextjs";
import { DATA_COLLECTION } from "@/lib/observability/sentry-data-collection";
import { scrubBreadcrumb, scrubEvent, scrubSpan } from "@/lib/observability/sentry-scrub";

/**
 * Browser Sentry. NEXT_PUBLIC_* values are inlined at build time (next.config.ts copies
 * SENTRY_ENVIRONMENT and SENTRY_TRACES_SAMPLE_RATE into them); the release is injected by
 * withSentryConfig. Without NEXT_PUBLIC_SENTRY_DSN at build time nothing is initialised.
 */
const dsn = process.env.NEXT_PUBLIC_SENTRY_DSN;
if (dsn) {
  const rate = Number(process.env.NEXT_PUBLIC_SENTRY_TRACES_SAMPLE_RATE ?? "0.1");
  Sentry.init({
    dsn,
    environment: process.env.NEXT_PUBLIC_SENTRY_ENVIRONMENT || process.env.NODE_ENV,
    tracesSampleRate: Number.isFinite(rate) ? Math.min(1, Math.max(0, rate)) : 0.1,
    dataCollection: DATA_COLLECTION,
    beforeSend: scrubEvent,
    beforeSendSpan: scrubSpan,
    beforeBreadcrumb: scrubBreadcrumb,
  });
}

export const onRouterTransitionStart = Sentry.captureRouterTransitionStart;
