import net from "node:net";
import type { AppConfig } from "@/lib/config";
import { pingDb } from "@/lib/db";
import { createS3Storage, type StorageProvider } from "@/lib/integrations/s3";
import { logger } from "../logger";

/** Per-check budget: the whole readiness answer stays under StatusCake's/Kubernetes' timeouts. */
export const CHECK_TIMEOUT_MS = 1500;

export type CheckStatus = "pass" | "warn" | "fail";
export type CheckName = "database" | "storage" | "payments" | "email";

/** The outcome of one dependency check. `output` is safe to publish: no hosts, no secrets. */
export interface CheckResult {
  name: CheckName;
  status: CheckStatus;
  /** A required check that fails makes the instance not ready (503). */
  required: boolean;
  durationMs: number;
  time: string;
  output?: string;
}

type Outcome = { status: CheckStatus; output?: string };

class CheckTimeout extends Error {}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new CheckTimeout(`timeout after ${ms} ms`)), ms);
  });
  // A late rejection of the abandoned promise must not become an unhandled rejection.
  promise.catch(() => {});
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Runs one check with its timeout; a failure is logged with detail and published without it. */
export async function runCheck(
  name: CheckName,
  required: boolean,
  fn: () => Promise<Outcome>,
  timeoutMs = CHECK_TIMEOUT_MS,
): Promise<CheckResult> {
  const started = performance.now();
  const time = new Date().toISOString();
  let outcome: Outcome;
  try {
    outcome = await withTimeout(fn(), timeoutMs);
  } catch (err) {
    const timedOut = err instanceof CheckTimeout;
    logger().warn({ err, check: name }, `readiness check ${name} failed`);
    outcome = { status: required ? "fail" : "warn", output: timedOut ? `tempo esgotado (${timeoutMs} ms)` : "sem conexão" };
  }
  return { name, required, time, durationMs: Math.round(performance.now() - started), ...outcome };
}

/** `select 1` through the shared handle; a dead URL fails fast and recovers when the DB is back. */
export async function checkDatabase(): Promise<Outcome> {
  await pingDb();
  return { status: "pass" };
}

const STORAGE = Symbol.for("onlywave.readinessStorage");
type StorageHolder = { [STORAGE]?: { key: string; storage: StorageProvider } };

function storageFor(s3: AppConfig["s3"]): StorageProvider {
  const g = globalThis as StorageHolder;
  const key = JSON.stringify(s3);
  if (g[STORAGE]?.key !== key) g[STORAGE] = { key, storage: createS3Storage({ ...s3, bucket: s3.bucket! }) };
  return g[STORAGE].storage;
}

/** HeadBucket on the configured bucket. */
export async function checkStorage(s3: AppConfig["s3"]): Promise<Outcome> {
  if (!s3.bucket) return { status: "fail", output: "não configurado (S3_BUCKET)" };
  const r = await storageFor(s3).ping(CHECK_TIMEOUT_MS);
  if (r.ok) return { status: "pass" };
  logger().warn({ check: "storage", error: r.error }, "readiness check storage failed");
  return { status: "fail", output: "bucket inacessível" };
}

/** Configured, and the API accepts our token on a cheap authenticated read. */
export async function checkPayments(mp: AppConfig["mercadopago"]): Promise<Outcome> {
  if (!mp.accessToken) return { status: "warn", output: "não configurado (MERCADOPAGO_ACCESS_TOKEN)" };
  const res = await fetch(`${mp.apiUrl}/v1/payments/search?limit=1`, {
    headers: { authorization: `Bearer ${mp.accessToken}` },
    signal: AbortSignal.timeout(CHECK_TIMEOUT_MS),
  });
  await res.body?.cancel();
  return res.ok ? { status: "pass" } : { status: "warn", output: `Mercado Pago respondeu HTTP ${res.status}` };
}

function tcpConnect(host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port, timeout: CHECK_TIMEOUT_MS });
    socket.once("connect", () => {
      socket.destroy();
      resolve();
    });
    socket.once("timeout", () => {
      socket.destroy();
      reject(new Error("connect timeout"));
    });
    socket.once("error", reject);
  });
}

/** A provider is configured; for SMTP the server also accepts a TCP connection. */
export async function checkEmail(email: AppConfig["email"]): Promise<Outcome> {
  if (!email.provider) return { status: "warn", output: "não configurado (EMAIL_PROVIDER)" };
  if (email.provider === "sendgrid") {
    return email.sendgrid.apiKey ? { status: "pass" } : { status: "warn", output: "não configurado (SENDGRID_API_KEY)" };
  }
  if (!email.smtpUrl) return { status: "warn", output: "não configurado (SMTP_URL)" };
  const url = new URL(email.smtpUrl);
  const port = Number(url.port || (url.protocol === "smtps:" ? 465 : 587));
  await tcpConnect(url.hostname.replace(/^\[|\]$/g, ""), port);
  return { status: "pass" };
}
