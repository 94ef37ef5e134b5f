import { z } from "zod";
import { defineOperation } from "@/lib/http/operation";

const CheckEntrySchema = z.object({
  componentType: z.string(),
  status: z.enum(["pass", "warn", "fail"]),
  observedValue: z.number().describe("How long the check took"),
  observedUnit: z.literal("ms"),
  time: z.string().describe("When the check ran (ISO-8601)"),
  output: z.string().optional().describe("What went wrong, without hosts or secrets"),
});

/** draft-inadarei-api-health-check body; `checks` keys are `database|storage|payments|email:responseTime`. */
export const ReadinessSchema = z.object({
  status: z.enum(["pass", "warn", "fail"]),
  releaseId: z.string().optional(),
  output: z.string().optional().describe("The checks that did not pass, e.g. `database: fail (sem conexão)`"),
  checks: z.record(z.string(), z.array(CheckEntrySchema)),
});

export const readinessOp = defineOperation({
  id: "readiness",
  method: "GET",
  path: "/api/health/ready",
  summary: "Readiness: database, storage, payments and email checked, each with its duration",
  description:
    "`application/health+json` (draft-inadarei-api-health-check). Database and storage are required: if one fails the answer is 503 and `status` is `fail`. Payments and email only degrade it to `warn` (still 200). Each check has a 1.5 s budget and they run in parallel.",
  tags: ["Operations"],
  auth: "custom",
  responses: {
    200: { description: "Ready (pass or warn)", schema: ReadinessSchema, contentType: "application/health+json" },
    503: { description: "Not ready: a required check failed", schema: ReadinessSchema, contentType: "application/health+json" },
  },
});

export const metricsOp = defineOperation({
  id: "metrics",
  method: "GET",
  path: "/api/metrics",
  summary: "Prometheus metrics (text exposition format 0.0.4)",
  description:
    "Requires `Authorization: Bearer $METRICS_TOKEN`; 401 without it. In production an unset METRICS_TOKEN means every request gets 401; outside production an unset token falls back to the fixed development token `onlywave-dev-metrics-token`, printed when the dev server starts.",
  tags: ["Operations"],
  auth: "custom",
  errors: [401],
  responses: {
    200: { description: "Metrics", schema: z.string(), contentType: "text/plain; version=0.0.4; charset=utf-8" },
  },
});
