import { metricsOp } from "@/lib/api/ops/monitoring";
import { config } from "@/lib/config";
import { errors } from "@/lib/http/errors";
import { route } from "@/lib/http/route";
import { readiness } from "@/lib/observability/health/readiness";
import { metrics } from "@/lib/observability/metrics";
import { metricsAuthorized } from "@/lib/observability/metrics-auth";
import { ensureAllMetrics } from "@/lib/observability/record";
import "./sources";
import { otherMethods } from "@/lib/http/method-not-allowed";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** A scrape reuses a readiness result up to this old, so Prometheus does not hammer dependencies. */
const READINESS_MAX_AGE_MS = 15_000;

/** Prometheus scrape endpoint (bearer METRICS_TOKEN). */
export const GET = route(metricsOp, async ({ req }) => {
  if (!metricsAuthorized(req.headers, config())) {
    throw errors.unauthenticated("Informe o token de métricas: Authorization: Bearer <METRICS_TOKEN>.");
  }
  ensureAllMetrics();
  await readiness({ maxAgeMs: READINESS_MAX_AGE_MS });
  const { registry } = metrics();
  return new Response(await registry.metrics(), {
    headers: { "content-type": registry.contentType, "cache-control": "no-store" },
  });
});

export const { POST, PUT, PATCH, DELETE } = otherMethods({ GET });
