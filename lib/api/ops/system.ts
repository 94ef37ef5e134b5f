import { z } from "zod";
import { defineOperation } from "@/lib/http/operation";
import { HealthSchema } from "../schemas";

export const healthOp = defineOperation({
  id: "health",
  method: "GET",
  path: "/api/health",
  summary: "Liveness: the process is up (no dependencies checked)",
  tags: ["Operations"],
  auth: "custom",
  responses: { 200: { description: "Up", schema: HealthSchema, contentType: "application/health+json" } },
});

export const openapiOp = defineOperation({
  id: "openapi",
  method: "GET",
  path: "/api/openapi.json",
  summary: "This OpenAPI 3.1 document",
  tags: ["Operations"],
  auth: "custom",
  responses: { 200: { description: "OpenAPI document", schema: z.record(z.string(), z.unknown()) } },
});
