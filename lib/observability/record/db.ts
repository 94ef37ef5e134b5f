import { Counter } from "prom-client";
import { metricGroup } from "../metrics";

/** `connection`: the database could not be reached; `timeout`: a query was cancelled; `query`: the rest. */
export const DB_ERROR_KINDS = ["connection", "timeout", "query"] as const;
export type DbErrorKind = (typeof DB_ERROR_KINDS)[number];

/** Database error counter; exported so every scrape lists the family. */
export const dbMetrics = () =>
  metricGroup("db", (registry) => {
    const errors = new Counter({
      name: "onlywave_db_query_errors_total",
      help: "Database errors that reached a request or worker, by kind (connection, timeout, query).",
      labelNames: ["kind"] as const,
      registers: [registry],
    });
    for (const kind of DB_ERROR_KINDS) errors.inc({ kind }, 0);
    return { errors };
  });

/** Records one database error. `reportError` calls it for unexpected errors that come from the database. */
export function recordDbError(kind: DbErrorKind = "query"): void {
  dbMetrics().errors.inc({ kind });
}

/** postgres.js's own connection error codes (it has no SQLSTATE for these). */
const PG_CONNECTION_CODES = new Set(["CONNECT_TIMEOUT", "CONNECTION_CLOSED", "CONNECTION_ENDED", "CONNECTION_DESTROYED"]);
const NET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ENOTFOUND", "ETIMEDOUT", "EHOSTUNREACH", "EPIPE", "EAI_AGAIN"]);

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  severity?: unknown;
  query?: unknown;
  params?: unknown;
  cause?: unknown;
  constructor?: { name?: string };
}

/**
 * Whether `err` (or one of its causes) comes from the database and of which kind; `undefined` for
 * anything else. Drizzle wraps driver errors in DrizzleQueryError (with the driver error as cause);
 * postgres.js and PGlite errors carry a 5-character SQLSTATE `code`.
 */
export function classifyDbError(err: unknown): DbErrorKind | undefined {
  let fromDb = false;
  let kind: DbErrorKind = "query";
  let current: unknown = err;
  for (let depth = 0; depth < 6 && current && typeof current === "object"; depth++) {
    const e = current as ErrorLike;
    const code = typeof e.code === "string" ? e.code : "";
    const isDrizzle = e.constructor?.name === "DrizzleQueryError" || ("query" in e && "params" in e);
    const isSqlState = /^[0-9A-Z]{5}$/.test(code) && (e.name === "PostgresError" || "severity" in e);
    if (isDrizzle || isSqlState || PG_CONNECTION_CODES.has(code)) fromDb = true;
    if (PG_CONNECTION_CODES.has(code) || NET_CODES.has(code) || code.startsWith("08") || code === "57P01") kind = "connection";
    else if (code === "57014" || code === "CONNECT_TIMEOUT") kind = "timeout";
    current = e.cause;
  }
  return fromDb ? kind : undefined;
}
