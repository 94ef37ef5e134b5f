import { z } from "zod";
import { errorStatuses, type Operation } from "@/lib/http/operation";
import { allOperations } from "./ops";
import { ErrorSchema } from "./schemas";

const STATUS_TEXT: Record<number, string> = {
  400: "Malformed request (e.g. invalid JSON)",
  401: "Not signed in, bad token or bad signature",
  403: "Signed in but not allowed",
  404: "Not found (also for resources of other users)",
  409: "Conflict with the current state",
  413: "Too large",
  415: "Type not allowed",
  422: "Valid JSON that breaks a rule",
  429: "Rate limited (see retry-after)",
  500: "Unexpected error",
  502: "An upstream provider failed",
  503: "A dependency is down",
};

function jsonSchema(schema: z.ZodType, io: "input" | "output") {
  return z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" });
}

function parameters(op: Operation) {
  const out: Record<string, unknown>[] = [];
  for (const [where, schema] of [
    ["path", op.params],
    ["query", op.query],
  ] as const) {
    if (!schema) continue;
    const js = jsonSchema(schema, "input") as { properties?: Record<string, unknown>; required?: string[] };
    for (const [name, prop] of Object.entries(js.properties ?? {})) {
      out.push({ name, in: where, required: where === "path" || (js.required ?? []).includes(name), schema: prop });
    }
  }
  return out;
}

function security(op: Operation) {
  if (op.auth === "public" || op.auth === "custom") return [];
  if (op.auth === "bearer") return [{ bearer: [] }];
  return [{ bearer: [] }, { session: [] }];
}

/** Builds the OpenAPI 3.1 document from the same operations and zod schemas that validate requests. */
export function buildOpenApi(ops: Operation[] = allOperations, serverUrl?: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of ops) {
    const responses: Record<string, unknown> = {};
    for (const [status, spec] of Object.entries(op.responses)) {
      responses[status] = {
        description: spec.description,
        ...(spec.schema
          ? { content: { [spec.contentType ?? "application/json"]: { schema: jsonSchema(spec.schema, "output") } } }
          : {}),
      };
    }
    for (const status of errorStatuses(op)) {
      responses[String(status)] ??= {
        description: STATUS_TEXT[status] ?? "Error",
        content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
      };
    }
    paths[op.path] ??= {};
    paths[op.path]![op.method.toLowerCase()] = {
      operationId: op.id,
      summary: op.summary,
      ...(op.description ? { description: op.description } : {}),
      tags: op.tags,
      parameters: parameters(op),
      ...(op.body
        ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(op.body, "input") } } } }
        : {}),
      responses,
      security: security(op),
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "OnlyWave API",
      version: "1.0.0",
      description:
        "The JSON API used by the OnlyWave storefront and mobile app. Money is integer centavos plus a currency; errors always use the Error shape; every response carries x-request-id.",
    },
    ...(serverUrl ? { servers: [{ url: serverUrl }] } : {}),
    paths,
    components: {
      schemas: { Error: jsonSchema(ErrorSchema, "output") },
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "Token from POST /api/tokens" },
        session: { type: "apiKey", in: "cookie", name: "next-auth.session-token" },
      },
    },
  };
}
