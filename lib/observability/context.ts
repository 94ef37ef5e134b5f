import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

/** Per-request context: the request id follows the work into logs, Sentry and outgoing calls. */
export interface RequestContext {
  requestId: string;
  route?: string;
  userId?: string;
}

const KEY = Symbol.for("onlywave.requestContext");
type Holder = { [KEY]?: AsyncLocalStorage<RequestContext> };
const g = globalThis as Holder;
g[KEY] ??= new AsyncLocalStorage<RequestContext>();
const storage = g[KEY];

export function runWithContext<T>(ctx: RequestContext, fn: () => T): T {
  return storage.run(ctx, fn);
}

export function currentContext(): RequestContext | undefined {
  return storage.getStore();
}

/**
 * Attaches the signed-in user's id (never email) to the current request, once the caller is known,
 * so logs and Sentry events of this request carry it.
 */
export function setContextUser(userId: string | undefined): void {
  const ctx = storage.getStore();
  if (ctx) ctx.userId = userId;
}

export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}

const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Echo a caller's request id when it is sane, else make one. */
export function requestIdFrom(headers: Headers): string {
  const given = headers.get("x-request-id");
  return given && SAFE_ID.test(given) ? given : randomUUID();
}
