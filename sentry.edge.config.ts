import * as Sentry from "@sentry/nextjs";
import { sentryServerOptions } from "@/lib/observability/sentry";

/** Edge runtime (proxy.ts): same options and scrubber as the Node.js runtime. */
const options = sentryServerOptions();
if (options) Sentry.init(options);
