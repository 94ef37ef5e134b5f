import { healthOp } from "@/lib/api/ops/system";
import { route } from "@/lib/http/route";

/** Liveness for StatusCake: answers as long as the process serves requests; checks nothing else. */
export const GET = route(healthOp, async () =>
  Response.json(
    { status: "pass", ...(process.env.SENTRY_RELEASE ? { releaseId: process.env.SENTRY_RELEASE } : {}) },
    { headers: { "content-type": "application/health+json", "cache-control": "no-store" } },
  ),
);
