import { healthOp } from "@/lib/api/ops/system";
import { config } from "@/lib/config";
import { route } from "@/lib/http/route";
import { otherMethods } from "@/lib/http/method-not-allowed";

/** Liveness for StatusCake: answers as long as the process serves requests; checks nothing else. */
export const GET = route(healthOp, async () => {
  const release = config().sentry.release;
  return Response.json(
    { status: "pass", ...(release ? { releaseId: release } : {}) },
    { headers: { "content-type": "application/health+json", "cache-control": "no-store" } },
  );
});

export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
