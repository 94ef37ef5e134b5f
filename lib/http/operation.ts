import type { z } from "zod";

export type AuthMode = "public" | "user" | "admin" | "bearer" | "custom";
export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface ResponseSpec {
  description: string;
  /** JSON body schema; omit for empty bodies (204) and redirects. */
  schema?: z.ZodType;
  /** Defaults to application/json. */
  contentType?: string;
}

/**
 * One API operation: the single source for request validation, auth, the OpenAPI document and the
 * response check in tests. Route handlers are built from it with `route(op, handler)`.
 */
export interface Operation<
  A extends AuthMode = AuthMode,
  B extends z.ZodType | undefined = z.ZodType | undefined,
  Q extends z.ZodType | undefined = z.ZodType | undefined,
  P extends z.ZodType | undefined = z.ZodType | undefined,
> {
  id: string;
  method: HttpMethod;
  /** OpenAPI-style template, e.g. /api/products/{slug}. */
  path: string;
  summary: string;
  description?: string;
  tags: string[];
  auth: A;
  body?: B;
  query?: Q;
  params?: P;
  responses: Record<number, ResponseSpec>;
  /** Error statuses this operation may answer besides the ones implied by auth and validation. */
  errors?: number[];
  /** Raw body size limit in bytes (default 1 MiB). */
  maxBodyBytes?: number;
}

export function defineOperation<
  A extends AuthMode,
  B extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  P extends z.ZodType | undefined = undefined,
>(op: Operation<A, B, Q, P>): Operation<A, B, Q, P> {
  return op;
}

/** Every error status an operation can answer: declared ones plus those its shape implies. */
export function errorStatuses(op: Operation): number[] {
  const set = new Set(op.errors ?? []);
  if (op.body) {
    set.add(400);
    set.add(413);
  }
  if (op.body || op.query || op.params) set.add(422);
  if (op.auth === "user" || op.auth === "bearer" || op.auth === "admin") set.add(401);
  if (op.auth === "admin") set.add(403);
  set.add(500);
  return [...set].sort();
}
