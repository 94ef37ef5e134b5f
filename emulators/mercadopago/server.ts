/**
 * The HTTP server: dispatches to the Mercado Pago API (Bearer token, fault injection,
 * idempotency keys, request log), the hosted checkout pages and the control API.
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { registerCheckoutRoutes } from "./checkout";
import type { EmulatorContext } from "./context";
import { registerControlRoutes } from "./control";
import { mpDate } from "./dates";
import { ApiError, errors } from "./errors";
import { faultBody, takeFault } from "./faults";
import { header, normalizePath, type RouteRequest, type RouteResult, Router } from "./http";
import { fingerprint, lookup, remember } from "./idempotency";
import { registerMerchantOrderRoutes } from "./merchant-orders";
import { registerPaymentRoutes } from "./payment-routes";
import { registerPreferenceRoutes } from "./preferences";
import { registerRefundRoutes } from "./refunds";

const MAX_BODY_BYTES = 1_000_000;
const WRITE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

function buildRouters() {
  const api = new Router();
  registerPreferenceRoutes(api);
  registerPaymentRoutes(api);
  registerRefundRoutes(api);
  registerMerchantOrderRoutes(api);
  const pages = new Router();
  registerCheckoutRoutes(pages);
  registerControlRoutes(pages);
  return { api, pages };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new ApiError(413, { message: "Request body too large", error: "payload_too_large", status: 413, cause: [] }));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

const errorResult = (error: ApiError): RouteResult => ({ status: error.status, json: error.body, headers: error.headers });

function send(res: ServerResponse, result: RouteResult): void {
  const headers: Record<string, string> = { ...result.headers };
  let body = "";
  if (result.json !== undefined) {
    headers["content-type"] = "application/json; charset=utf-8";
    body = JSON.stringify(result.json);
  } else if (result.html !== undefined) {
    headers["content-type"] = "text/html; charset=utf-8";
    body = result.html;
  }
  res.writeHead(result.status, headers);
  res.end(body);
}

function bearerToken(req: RouteRequest): string | null {
  const value = header(req, "authorization");
  const match = value ? /^Bearer\s+(.+)$/i.exec(value.trim()) : null;
  return match ? match[1].trim() : null;
}

interface ApiOutcome {
  result: RouteResult;
  replayed: boolean;
  fault: boolean;
}

async function runApi(router: Router, req: RouteRequest, ctx: EmulatorContext): Promise<ApiOutcome> {
  const fault = takeFault(ctx.store, req.method, req.path);
  if (fault) {
    if (fault.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
    if (fault.status !== null) {
      const headers: Record<string, string> = fault.retryAfter !== null ? { "retry-after": String(fault.retryAfter) } : {};
      return { result: { status: fault.status, json: faultBody(fault), headers }, replayed: false, fault: true };
    }
  }
  const token = bearerToken(req);
  if (!token) throw errors.missingToken();
  if (token !== ctx.config.accessToken) throw errors.invalidToken();
  const match = router.match(req.method, req.path);
  if (match.kind === "not-found") throw errors.routeNotFound(req.method, req.path);
  if (match.kind === "method-not-allowed") throw errors.methodNotAllowed(req.method, req.path);
  req.params = match.params;
  const key = WRITE_METHODS.has(req.method) ? header(req, "x-idempotency-key") : null;
  const print = key ? fingerprint(req.method, req.path, req.rawBody) : "";
  if (key) {
    const found = lookup(ctx.store, key, print);
    if (found.kind === "conflict") throw errors.idempotencyConflict();
    if (found.kind === "replay") {
      const result = { status: found.entry.status, json: found.entry.body, headers: { "x-idempotency-replayed": "true" } };
      return { result, replayed: true, fault: Boolean(fault) };
    }
  }
  let result: RouteResult;
  try {
    result = await match.handler(req, ctx);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    result = errorResult(error);
  }
  if (key) remember(ctx.store, key, print, result.status, result.json);
  return { result, replayed: false, fault: Boolean(fault) };
}

async function handle(routers: ReturnType<typeof buildRouters>, ctx: EmulatorContext, req: IncomingMessage, res: ServerResponse) {
  const started = Date.now();
  const url = new URL(req.url ?? "/", "http://emulator.local");
  const method = (req.method ?? "GET").toUpperCase();
  const path = normalizePath(url.pathname);
  const isPage = path.startsWith("/checkout/v1/") || path === "/__emulator" || path.startsWith("/__emulator/");
  const isApi = !isPage && path !== "/" && path !== "/favicon.ico";
  const request: RouteRequest = { method, path, url, params: {}, query: url.searchParams, headers: req.headers, rawBody: "" };
  let outcome: ApiOutcome = { result: { status: 500 }, replayed: false, fault: false };
  try {
    request.rawBody = await readBody(req);
    if (path === "/") {
      outcome.result = { status: 302, headers: { location: "/__emulator" } };
    } else if (path === "/favicon.ico") {
      outcome.result = { status: 404 };
    } else if (isPage) {
      const match = routers.pages.match(method, path);
      if (match.kind !== "found") throw match.kind === "not-found" ? errors.routeNotFound(method, path) : errors.methodNotAllowed(method, path);
      request.params = match.params;
      outcome.result = await match.handler(request, ctx);
    } else {
      outcome = await runApi(routers.api, request, ctx);
    }
  } catch (error) {
    if (!(error instanceof ApiError)) ctx.config.log(`internal error on ${method} ${path}: ${(error as Error).stack ?? String(error)}`);
    outcome.result = errorResult(error instanceof ApiError ? error : errors.internal(String((error as Error).message ?? error)));
  }
  if (isApi) outcome.result.headers = { "x-request-id": randomUUID(), ...outcome.result.headers };
  send(res, outcome.result);
  if (isApi) {
    const durationMs = Date.now() - started;
    const key = header(request, "x-idempotency-key");
    ctx.store.addRequest({ at: mpDate(new Date(started)), method, path, query: url.search.slice(1), status: outcome.result.status, durationMs, idempotencyKey: key, replayed: outcome.replayed, fault: outcome.fault });
    ctx.config.log(`${method} ${path} → ${outcome.result.status} (${durationMs} ms)`);
  }
}

export function createEmulatorServer(ctx: EmulatorContext): Server {
  const routers = buildRouters();
  return createServer((req, res) => {
    void handle(routers, ctx, req, res);
  });
}
