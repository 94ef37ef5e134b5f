import { requestIdFrom } from "@/lib/observability/context";
import { errors } from "./errors";
import { errorResponse } from "./respond";

export const ROUTE_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type RouteMethod = (typeof ROUTE_METHODS)[number];

type Handler = (req: Request) => Response;
const notAllowedHandlers = new WeakSet<object>();

/**
 * Handlers for the methods a route file does not serve, answering the contract's 405 (with `Allow`
 * and `x-request-id`) where Next would answer an empty 405. Each route file ends with
 * `export const { PUT, PATCH, DELETE } = otherMethods({ GET, POST })`; Next still answers HEAD
 * (from GET) and OPTIONS itself. Done per route rather than in the proxy, which would run for
 * every API request (it halved GET /api/health's requests/s in `npm run bench`).
 */
export function otherMethods(served: Partial<Record<RouteMethod, unknown>>): Record<RouteMethod, Handler> {
  const allow = Object.keys(served);
  if (allow.includes("GET")) allow.push("HEAD");
  allow.push("OPTIONS");
  allow.sort();
  const handlers = {} as Record<RouteMethod, Handler>;
  for (const method of ROUTE_METHODS) {
    const handler: Handler = (req) => errorResponse(errors.methodNotAllowed(req.method, allow), requestIdFrom(req.headers));
    notAllowedHandlers.add(handler);
    handlers[method] = handler;
  }
  return handlers;
}

/** Whether a route export is one of `otherMethods`' 405 answers (tests map what each file serves). */
export function isNotAllowedHandler(handler: unknown): boolean {
  return typeof handler === "function" && notAllowedHandlers.has(handler);
}
