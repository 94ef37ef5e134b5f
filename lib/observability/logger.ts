import { createRequire } from "node:module";
import path from "node:path";
import pino from "pino";
import { config } from "@/lib/config";
import { currentContext } from "./context";
import { scrubString } from "./scrub";

/**
 * Structured JSON logs. Every line carries the current request id, route and user id. Secrets and
 * personal data are redacted by path, so a careless `log.info({ body })` cannot leak a password or
 * a card payload, and error messages/stacks are scrubbed of emails and tokens (drivers put query
 * parameters into messages).
 */
export const REDACT_PATHS = [
  "password",
  "*.password",
  "*.*.password",
  "passwordHash",
  "*.passwordHash",
  "token",
  "*.token",
  "*.*.token",
  "accessToken",
  "*.accessToken",
  "refreshToken",
  "*.refreshToken",
  "apiKey",
  "*.apiKey",
  "secret",
  "*.secret",
  "webhookSecret",
  "*.webhookSecret",
  "authorization",
  "*.authorization",
  "headers.authorization",
  "headers.cookie",
  'headers["x-signature"]',
  "*.headers.authorization",
  "*.headers.cookie",
  '*.headers["x-signature"]',
  "cookie",
  "email",
  "*.email",
  "*.*.email",
  "payer",
  "*.payer",
  "card",
  "*.card",
  "*.*.card",
  "cvv",
  "*.cvv",
  "securityCode",
  "*.securityCode",
];

/** Options of `createLogger`; the defaults come from the configuration. */
export interface LoggerOptions {
  level?: string;
  /** Where lines go (tests pass a collecting stream); default stdout. */
  destination?: pino.DestinationStream;
  /** Human-readable lines through pino-pretty; default only in development. */
  pretty?: boolean;
}

/**
 * pino-pretty as a synchronous in-process stream: Next bundles break pino's worker transports. It
 * is a devDependency, so it is loaded from the project at run time and only when wanted; without
 * it (production install) logs stay JSON.
 */
function prettyStream(): pino.DestinationStream | undefined {
  try {
    const load = createRequire(path.join(process.cwd(), "package.json"));
    const pretty = load("pino-pretty") as (opts: Record<string, unknown>) => pino.DestinationStream;
    return pretty({ sync: true, colorize: true, translateTime: "SYS:HH:MM:ss.l", ignore: "pid,hostname,service" });
  } catch {
    return undefined;
  }
}

function scrubErr(err: unknown) {
  const out = pino.stdSerializers.err(err as Error) as unknown as Record<string, unknown>;
  if (typeof out.message === "string") out.message = scrubString(out.message);
  if (typeof out.stack === "string") out.stack = scrubString(out.stack);
  return out;
}

/** Builds a logger; `logger()` is the process-wide one, tests build their own. */
export function createLogger(opts: LoggerOptions = {}): pino.Logger {
  const cfg = config();
  const level = opts.level ?? cfg.logLevel;
  const pretty = opts.pretty ?? cfg.env === "development";
  const destination = opts.destination ?? (pretty ? prettyStream() : undefined);
  const options: pino.LoggerOptions = {
    level,
    base: { service: "onlywave" },
    redact: { paths: REDACT_PATHS, censor: "[redacted]" },
    timestamp: pino.stdTimeFunctions.isoTime,
    serializers: { err: scrubErr },
    mixin() {
      const ctx = currentContext();
      if (!ctx) return {};
      return {
        requestId: ctx.requestId,
        ...(ctx.route ? { route: ctx.route } : {}),
        ...(ctx.userId ? { userId: ctx.userId } : {}),
      };
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

const KEY = Symbol.for("onlywave.logger");
type Holder = { [KEY]?: pino.Logger };

/** The process-wide logger (kept on globalThis: one per process, also across hot reloads). */
export function logger(): pino.Logger {
  const g = globalThis as Holder;
  g[KEY] ??= createLogger();
  return g[KEY];
}
