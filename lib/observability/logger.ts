import pino from "pino";
import { config } from "@/lib/config";
import { currentContext } from "./context";

/**
 * Structured JSON logs. Every line carries the current request id. Secrets and personal data are
 * redacted by path, so a careless `log.info({ body })` cannot leak a password or a card payload.
 */
const REDACT = [
  "password",
  "*.password",
  "*.*.password",
  "passwordHash",
  "*.passwordHash",
  "token",
  "*.token",
  "authorization",
  "*.authorization",
  "headers.authorization",
  "headers.cookie",
  "*.headers.authorization",
  "*.headers.cookie",
  "cookie",
  "email",
  "*.email",
  "*.*.email",
  "card",
  "*.card",
  "accessToken",
  "*.accessToken",
  "secret",
  "*.secret",
];

const KEY = Symbol.for("onlywave.logger");
type Holder = { [KEY]?: pino.Logger };

function build(): pino.Logger {
  const cfg = config();
  return pino({
    level: process.env.NODE_ENV === "test" ? (process.env.LOG_LEVEL ?? "silent") : cfg.logLevel,
    base: { service: "onlywave" },
    redact: { paths: REDACT, censor: "[redacted]" },
    timestamp: pino.stdTimeFunctions.isoTime,
    mixin() {
      const ctx = currentContext();
      return ctx ? { requestId: ctx.requestId, ...(ctx.route ? { route: ctx.route } : {}) } : {};
    },
  });
}

export function logger(): pino.Logger {
  const g = globalThis as Holder;
  g[KEY] ??= build();
  return g[KEY];
}
