/** Minimal routing and response helpers on top of `node:http`. */
import type { IncomingHttpHeaders } from "node:http";
import type { EmulatorContext } from "./context";
import { errors } from "./errors";

export interface RouteRequest {
  method: string;
  /** Path without trailing slash (`/` stays `/`). */
  path: string;
  url: URL;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  rawBody: string;
}

export interface RouteResult {
  status: number;
  json?: unknown;
  html?: string;
  headers?: Record<string, string>;
}

export type Handler = (req: RouteRequest, ctx: EmulatorContext) => RouteResult | Promise<RouteResult>;

interface Route {
  method: string;
  segments: string[];
  handler: Handler;
}

export type RouteMatch =
  | { kind: "found"; handler: Handler; params: Record<string, string> }
  | { kind: "method-not-allowed" }
  | { kind: "not-found" };

export function normalizePath(pathname: string): string {
  const trimmed = pathname.replace(/\/+$/, "");
  return trimmed === "" ? "/" : trimmed;
}

/** Routes with `:param` segments; a literal segment wins over a parameter (`search` vs `:id`). */
export class Router {
  private readonly routes: Route[] = [];

  on(method: string, pattern: string, handler: Handler): this {
    this.routes.push({ method, segments: normalizePath(pattern).split("/"), handler });
    return this;
  }

  match(method: string, path: string): RouteMatch {
    const parts = path.split("/");
    let methodMismatch = false;
    const candidates = this.routes
      .map((route) => ({ route, params: matchSegments(route.segments, parts) }))
      .filter((c): c is { route: Route; params: Record<string, string> } => c.params !== null)
      .sort((a, b) => Object.keys(a.params).length - Object.keys(b.params).length);
    for (const { route, params } of candidates) {
      if (route.method === method) return { kind: "found", handler: route.handler, params };
      methodMismatch = true;
    }
    return methodMismatch ? { kind: "method-not-allowed" } : { kind: "not-found" };
  }
}

function matchSegments(pattern: string[], parts: string[]): Record<string, string> | null {
  if (pattern.length !== parts.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i].startsWith(":")) {
      try {
        params[pattern[i].slice(1)] = decodeURIComponent(parts[i]);
      } catch {
        return null;
      }
    } else if (pattern[i] !== parts[i]) {
      return null;
    }
  }
  return params;
}

/** Parses a JSON body; an empty body is `undefined`. Throws Mercado Pago's 400 on bad JSON. */
export function jsonBody(req: RouteRequest): unknown {
  if (req.rawBody.trim() === "") return undefined;
  try {
    return JSON.parse(req.rawBody);
  } catch {
    throw errors.invalidJson();
  }
}

/** Like `jsonBody`, but always an object (empty object when the body is empty). */
export function objectBody(req: RouteRequest): Record<string, unknown> {
  const body = jsonBody(req);
  if (body === undefined || body === null) return {};
  if (typeof body !== "object" || Array.isArray(body)) throw errors.invalidJson();
  return body as Record<string, unknown>;
}

export function formBody(req: RouteRequest): URLSearchParams {
  return new URLSearchParams(req.rawBody);
}

export function header(req: RouteRequest, name: string): string | null {
  const value = req.headers[name.toLowerCase()];
  if (Array.isArray(value)) return value[0] ?? null;
  return value ?? null;
}

export const respond = {
  json: (status: number, json: unknown, headers?: Record<string, string>): RouteResult => ({ status, json, headers }),
  html: (status: number, html: string): RouteResult => ({ status, html }),
  redirect: (location: string, status = 303): RouteResult => ({ status, headers: { location } }),
};
