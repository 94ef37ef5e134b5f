import type { z } from "zod";
import { type Caller, resolveCaller } from "@/lib/auth/caller";
import { config } from "@/lib/config";
import { logger } from "@/lib/observability/logger";
import { metrics, statusClass } from "@/lib/observability/metrics";
import { requestIdFrom, runWithContext, setContextUser } from "@/lib/observability/context";
import { reportError } from "@/lib/observability/report";
import { AppError, type ErrorDetail, errorBody, errors } from "./errors";
import { type AuthMode, errorStatuses, type Operation } from "./operation";
import { apiHeaders, errorResponse, type Reply, toResponse } from "./respond";

export { errorResponse, type Reply };

type Infer<T> = T extends z.ZodType ? z.output<T> : undefined;

export interface HandlerContext<A extends AuthMode, B, Q, P> {
  req: Request;
  body: Infer<B>;
  query: Infer<Q>;
  params: Infer<P>;
  caller: A extends "public" | "custom" ? Caller | null : Caller;
  requestId: string;
}

type NextContext = { params?: Promise<Record<string, string | string[]>> };

const DEFAULT_MAX_BODY = 1024 * 1024;

export function zodDetails(error: z.ZodError, prefix?: string): ErrorDetail[] {
  return error.issues.map((i) => ({
    path: [prefix, ...i.path.map(String)].filter(Boolean).join("."),
    message: i.message,
    code: i.code,
  }));
}

export function json(status: number, body?: unknown, headers?: Record<string, string>): Reply {
  return { status, body, headers };
}

async function readJson(req: Request, limit: number): Promise<unknown> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > limit) throw errors.tooLarge("O corpo da requisição é grande demais.");
  const text = await req.text();
  if (Buffer.byteLength(text) > limit) throw errors.tooLarge("O corpo da requisição é grande demais.");
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text);
  } catch {
    throw errors.malformedJson();
  }
}

function queryObject(url: URL): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of url.searchParams) {
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
}

function parseWith<T extends z.ZodType | undefined>(schema: T, input: unknown, where: string): Infer<T> {
  if (!schema) return undefined as Infer<T>;
  const r = schema.safeParse(input);
  if (!r.success) throw errors.validation(zodDetails(r.error, where === "body" ? undefined : where));
  return r.data as Infer<T>;
}

/** In tests every answer is checked against the operation's declared responses (contract drift). */
function checkContract(op: Operation, status: number, body: unknown): void {
  if (!config().validateResponses) return;
  const spec = op.responses[status];
  if (!spec) {
    if (status >= 400 && errorStatuses(op).includes(status)) return;
    throw new Error(`Contract: ${op.id} answered undeclared status ${status}`);
  }
  if (spec.schema) {
    const r = spec.schema.safeParse(body);
    if (!r.success) throw new Error(`Contract: ${op.id} ${status} body mismatch: ${JSON.stringify(r.error.issues)}`);
  }
}

/**
 * Builds a Next route handler from an operation: request id, caller resolution (cookie or bearer),
 * authorization, validation of params/query/body, the contract's error shape for every failure,
 * the request metric and one log line.
 */
export function route<
  A extends AuthMode,
  B extends z.ZodType | undefined,
  Q extends z.ZodType | undefined,
  P extends z.ZodType | undefined,
>(
  op: Operation<A, B, Q, P>,
  handler: (ctx: HandlerContext<A, B, Q, P>) => Promise<Reply | Response>,
): (req: Request, ctx: NextContext) => Promise<Response> {
  return async (req, nextCtx) => {
    const requestId = requestIdFrom(req.headers);
    const started = performance.now();
    return runWithContext({ requestId, route: op.path }, async () => {
      let response: Response;
      try {
        let caller: Caller | null = null;
        if (op.auth !== "custom") {
          caller = await resolveCaller(req.headers);
          setContextUser(caller?.user.id);
          if (op.auth !== "public" && !caller) throw errors.unauthenticated();
          if (op.auth === "bearer" && caller?.via !== "bearer")
            throw errors.unauthenticated("Esta rota exige um token Bearer.");
          if (op.auth === "admin" && caller?.user.role !== "admin") throw errors.forbidden();
        }
        // Who is calling is decided before what they sent: an anonymous caller gets 401, not 422.
        const params = parseWith(op.params, (await nextCtx?.params) ?? {}, "params");
        const query = parseWith(op.query, queryObject(new URL(req.url)), "query");
        const body = op.body ? parseWith(op.body, await readJson(req, op.maxBodyBytes ?? DEFAULT_MAX_BODY), "body") : undefined;
        const out = await handler({
          req,
          body: body as Infer<B>,
          query: query as Infer<Q>,
          params: params as Infer<P>,
          caller: caller as HandlerContext<A, B, Q, P>["caller"],
          requestId,
        });
        if (out instanceof Response) {
          apiHeaders(out.headers, requestId);
          response = out;
        } else {
          checkContract(op as Operation, out.status, out.body);
          response = toResponse(out, requestId);
        }
      } catch (err) {
        if (err instanceof AppError) {
          checkContract(op as Operation, err.status, errorBody(err, requestId));
          response = errorResponse(err, requestId);
        } else {
          reportError(err, { route: op.path, requestId });
          if (config().validateResponses && String(err).includes("Contract:")) throw err;
          response = errorResponse(
            new AppError(500, "internal_error", "Erro interno. Tente novamente; se persistir, fale conosco."),
            requestId,
          );
        }
      }
      const seconds = (performance.now() - started) / 1000;
      metrics().httpDuration.observe(
        { route: op.path, method: op.method, status_class: statusClass(response.status) },
        seconds,
      );
      logger().info(
        { method: op.method, status: response.status, durationMs: Math.round(seconds * 1000) },
        "request",
      );
      return response;
    });
  };
}
