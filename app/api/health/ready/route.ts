import { readinessOp } from "@/lib/api/ops/monitoring";
import { config } from "@/lib/config";
import { json, route } from "@/lib/http/route";
import { readiness, readinessBody } from "@/lib/observability/health/readiness";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Readiness for StatusCake and orchestrators: 503 when a required dependency fails. */
export const GET = route(readinessOp, async () => {
  const r = await readiness();
  return json(r.status === "fail" ? 503 : 200, readinessBody(r, config().sentry.release), {
    "content-type": "application/health+json",
    "cache-control": "no-store",
  });
});
