import { config } from "@/lib/config";
import { recordReadiness } from "../record/readiness";
import {
  type CheckResult,
  type CheckStatus,
  checkDatabase,
  checkEmail,
  checkPayments,
  checkStorage,
  runCheck,
} from "./checks";

/** One readiness evaluation. */
export interface Readiness {
  status: CheckStatus;
  checks: CheckResult[];
  at: number;
}

/**
 * Database and storage are required: without them the shop cannot sell or deliver, and a bad
 * deploy (wrong credentials) must not take traffic. Payments and email only degrade it (`warn`,
 * still 200): Prometheus alerts on them through `onlywave_readiness_check_up`.
 */
async function evaluate(): Promise<Readiness> {
  const cfg = config();
  const checks = await Promise.all([
    runCheck("database", true, checkDatabase),
    runCheck("storage", true, () => checkStorage(cfg.s3)),
    runCheck("payments", false, () => checkPayments(cfg.mercadopago)),
    runCheck("email", false, () => checkEmail(cfg.email)),
  ]);
  const status: CheckStatus = checks.some((c) => c.status === "fail")
    ? "fail"
    : checks.some((c) => c.status === "warn")
      ? "warn"
      : "pass";
  recordReadiness({ ok: status !== "fail", checks });
  return { status, checks, at: Date.now() };
}

/**
 * How long `/api/health/ready` reuses an evaluation. The endpoint is public: without this, every
 * anonymous hit would run an authenticated Mercado Pago search, a HeadBucket and an SMTP connect.
 * Probes (StatusCake, orchestrators) poll every 10 s or more, so they still see each change, at
 * most this much late, and a recovered dependency is seen again without a restart.
 */
export const READY_MAX_AGE_MS = 10_000;

const KEY = Symbol.for("onlywave.readiness");
type Holder = { [KEY]?: { last?: Readiness; running?: Promise<Readiness> } };

function state() {
  const g = globalThis as Holder;
  g[KEY] ??= {};
  return g[KEY];
}

/**
 * The readiness of this instance. Concurrent callers share one evaluation (a burst of probes costs
 * one round of checks); `maxAgeMs` lets a caller reuse a recent result: the public readiness route
 * (`READY_MAX_AGE_MS`) and the metrics scrape.
 */
export async function readiness(opts: { maxAgeMs?: number } = {}): Promise<Readiness> {
  const s = state();
  const maxAge = opts.maxAgeMs ?? 0;
  if (s.last && maxAge > 0 && Date.now() - s.last.at <= maxAge) return s.last;
  s.running ??= evaluate().finally(() => {
    s.running = undefined;
  });
  const result = await s.running;
  s.last = result;
  return result;
}

/** Drops the remembered evaluation, so the next call checks again whatever its `maxAgeMs` (tests). */
export function forgetReadiness(): void {
  state().last = undefined;
}

/** One check in the draft-inadarei-api-health-check shape. */
export interface HealthCheckEntry {
  componentType: string;
  status: CheckStatus;
  observedValue: number;
  observedUnit: "ms";
  time: string;
  output?: string;
}

/** The `application/health+json` body of /api/health/ready. */
export interface ReadinessBody {
  status: CheckStatus;
  releaseId?: string;
  output?: string;
  checks: Record<string, HealthCheckEntry[]>;
}

const COMPONENT_TYPE: Record<CheckResult["name"], string> = {
  database: "datastore",
  storage: "datastore",
  payments: "component",
  email: "component",
};

/** Keys are `<check>:responseTime` with the duration in ms; `output` names what failed. */
export function readinessBody(r: Readiness, releaseId?: string): ReadinessBody {
  const checks: ReadinessBody["checks"] = {};
  for (const c of r.checks) {
    checks[`${c.name}:responseTime`] = [
      {
        componentType: COMPONENT_TYPE[c.name],
        status: c.status,
        observedValue: c.durationMs,
        observedUnit: "ms",
        time: c.time,
        ...(c.output ? { output: c.output } : {}),
      },
    ];
  }
  const bad = r.checks.filter((c) => c.status !== "pass");
  return {
    status: r.status,
    ...(releaseId ? { releaseId } : {}),
    ...(bad.length ? { output: bad.map((c) => `${c.name}: ${c.status}${c.output ? ` (${c.output})` : ""}`).join("; ") } : {}),
    checks,
  };
}
