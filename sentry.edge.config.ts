import * as Sentry from "@sentry/nextjs";
import { sentryServerOptions } from "@/lib/observability/sentry";

/**
 * Edge runtime: same options and scrubber as the Node.js runtime. Nothing here runs on the edge
 * today — in Next 16 proxy.ts runs on Node.js (and cannot choose another runtime), so it reports
 * through sentry.server.config.ts; this file only matters if a route opts into `runtime = "edge"`.
 */
const options = sentryServerOptions();
if (options) Sentry.init(options);
