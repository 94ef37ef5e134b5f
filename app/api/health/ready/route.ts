import { readinessOp } from "@/lib/api/ops/monitoring";
import { config } from "@/lib/config";
import { json, route } from "@/lib/http/route";
import { READY_MAX_AGE_MS, readiness, readinessBody } from "@/lib/observability/health/readiness";
import { otherMethods } from "@/lib/http/method-not-allowed";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * Readiness for StatusCake and orchestrators: 503 when a required dependency fails. Anyone can call
 * it, so one evaluation serves every hit for READY_MAX_AGE_MS instead of each hit checking the
 * database, the bucket, Mercado Pago (an authenticated search) and SMTP again.
 */
export const GET = route(readinessOp, async () => {
  const r = await readiness({ maxAgeMs: READY_MAX_AGE_MS });
  return json(r.status === "fail" ? 503 : 200, readinessBody(r, config().sentry.release), {
    "content-type": "application/health+json",
    "cache-control": "no-store",
  });
});

export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
