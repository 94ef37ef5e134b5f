import * as Sentry from "@sentry/nextjs";
import { sentryServerOptions } from "@/lib/observability/sentry";

/** Node.js runtime: proxy.ts, route handlers, server components, server actions and in-process workers. */
const options = sentryServerOptions();
if (options) Sentry.init(options);
