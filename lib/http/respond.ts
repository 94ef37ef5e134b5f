import { config } from "@/lib/config";
import { type AppError, errorBody } from "./errors";
import { apiSecurityHeaders } from "./security-headers";

/** What a handler returns when it does not build its own Response. */
export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Stamps an API answer with its request id and the security headers. */
export function apiHeaders(headers: Headers, requestId: string): Headers {
  headers.set("x-request-id", requestId);
  const cfg = config();
  for (const [k, v] of Object.entries(apiSecurityHeaders({ production: cfg.isProduction, https: cfg.appUrl.startsWith("https://") }))) {
    if (!headers.has(k)) headers.set(k, v);
  }
  return headers;
}

export function toResponse(reply: Reply, requestId: string): Response {
  const headers = apiHeaders(new Headers(reply.headers), requestId);
  headers.set("cache-control", headers.get("cache-control") ?? "no-store");
  if (reply.body === undefined) return new Response(null, { status: reply.status, headers });
  headers.set("content-type", headers.get("content-type") ?? "application/json; charset=utf-8");
  return new Response(JSON.stringify(reply.body), { status: reply.status, headers });
}

/** The contract's error shape, for the route wrapper and for answers given before any route runs. */
export function errorResponse(err: AppError, requestId: string): Response {
  return toResponse({ status: err.status, body: errorBody(err, requestId), headers: err.headers }, requestId);
}
