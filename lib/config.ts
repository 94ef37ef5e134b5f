import { z } from "zod";

/**
 * The one place that reads process.env. Every variable of the API contract is here, grouped per
 * provider. Unset values fall back to the embedded development defaults (PGlite, local stand-ins);
 * `missingForProduction()` lists what a production start must have.
 */
const optional = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? undefined : v.trim()));

const bool = z
  .string()
  .optional()
  .transform((v) => (v === undefined ? undefined : ["1", "true", "yes"].includes(v.toLowerCase())));

/** An operational knob: unset or blank means the default; anything but a whole number >= min fails. */
const whole = (min: number) =>
  optional.pipe(
    z
      .string()
      .regex(/^\d+$/, "expected a whole number")
      .transform(Number)
      .pipe(z.number().int().min(min))
      .optional(),
  );

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  APP_URL: optional,
  AUTH_SECRET: optional,
  NEXTAUTH_SECRET: optional,
  DATABASE_URL: optional,
  PGLITE_DATA_DIR: optional,
  DATABASE_POOL_MAX: whole(1),

  MERCADOPAGO_ACCESS_TOKEN: optional,
  MERCADOPAGO_WEBHOOK_SECRET: optional,
  MERCADOPAGO_API_URL: optional,
  MERCADOPAGO_TIMEOUT_MS: whole(1),
  MERCADOPAGO_MAX_RETRIES: whole(0),
  MERCADOPAGO_IPN_PER_MINUTE: whole(1),

  MAX_OPEN_ORDERS: whole(1),
  ORDER_RESERVATION_MINUTES: whole(1),

  ONLYWAVE_JOBS: optional.pipe(z.enum(["on", "off"]).optional()),
  WEBHOOK_WORKER_INTERVAL_MS: whole(1),
  EMAIL_OUTBOX_INTERVAL_MS: whole(1),
  RECONCILE_INTERVAL_MS: whole(1),
  RECONCILE_AFTER_MINUTES: whole(1),
  UPLOAD_CLEANUP_INTERVAL_MS: whole(1),
  ONLYWAVE_VALIDATE_RESPONSES: bool,

  S3_BUCKET: optional,
  S3_REGION: optional,
  S3_ENDPOINT: optional,
  S3_FORCE_PATH_STYLE: bool,
  AWS_ACCESS_KEY_ID: optional,
  AWS_SECRET_ACCESS_KEY: optional,
  CDN_BASE_URL: optional,
  CLOUDFRONT_DISTRIBUTION_ID: optional,
  CLOUDFRONT_KEY_PAIR_ID: optional,
  CLOUDFRONT_PRIVATE_KEY: optional,

  EMAIL_PROVIDER: z
    .string()
    .optional()
    .transform((v) => (v ? v.trim() : undefined))
    .pipe(z.enum(["sendgrid", "smtp"]).optional()),
  EMAIL_FALLBACK_PROVIDER: z
    .string()
    .optional()
    .transform((v) => (v ? v.trim() : undefined))
    .pipe(z.enum(["sendgrid", "smtp"]).optional()),
  EMAIL_FROM: optional,
  SENDGRID_API_KEY: optional,
  SENDGRID_API_URL: optional,
  SENDGRID_WEBHOOK_PUBLIC_KEY: optional,
  SMTP_URL: optional,

  SENTRY_DSN: optional,
  NEXT_PUBLIC_SENTRY_DSN: optional,
  SENTRY_ENVIRONMENT: optional,
  SENTRY_RELEASE: optional,
  SENTRY_TRACES_SAMPLE_RATE: optional,

  METRICS_TOKEN: optional,
  STATUSCAKE_API_KEY: optional,
  ADMIN_EMAIL: optional,
  ADMIN_PASSWORD: optional,
  LOG_LEVEL: optional.pipe(z.enum(LOG_LEVELS).optional()),
});

type Env = z.infer<typeof envSchema>;

/** Used only when AUTH_SECRET is unset outside production: sessions then survive restarts in dev. */
const DEV_AUTH_SECRET = "onlywave-development-secret-not-for-production";

export interface AppConfig {
  env: Env["NODE_ENV"];
  isProduction: boolean;
  appUrl: string;
  authSecret: string;
  database: { url?: string; pgliteDir: string; poolMax: number };
  mercadopago: {
    accessToken?: string;
    webhookSecret?: string;
    apiUrl: string;
    timeoutMs: number;
    maxRetries: number;
    /** Unverifiable legacy IPN calls accepted per minute. */
    ipnPerMinute: number;
  };
  orders: { maxOpen: number; reservationMinutes: number };
  jobs: {
    enabled: boolean;
    webhookIntervalMs: number;
    outboxIntervalMs: number;
    reconcileIntervalMs: number;
    reconcileAfterMinutes: number;
    uploadCleanupIntervalMs: number;
  };
  /** Tests: every API answer is checked against its declared OpenAPI response. */
  validateResponses: boolean;
  s3: {
    bucket?: string;
    region: string;
    endpoint?: string;
    forcePathStyle: boolean;
    accessKeyId?: string;
    secretAccessKey?: string;
  };
  cdn: { baseUrl?: string; distributionId?: string; keyPairId?: string; privateKey?: string };
  email: {
    provider?: "sendgrid" | "smtp";
    fallbackProvider?: "sendgrid" | "smtp";
    from: string;
    sendgrid: { apiKey?: string; apiUrl: string; webhookPublicKey?: string };
    smtpUrl?: string;
  };
  sentry: { dsn?: string; publicDsn?: string; environment: string; release?: string; tracesSampleRate: number };
  metricsToken?: string;
  statuscakeApiKey?: string;
  /** The admin `npm run db:seed` makes sure of; unset → the generated development admin. */
  seedAdmin: { email?: string; password?: string };
  logLevel: (typeof LOG_LEVELS)[number];
}

export function parseConfig(source: Record<string, string | undefined> = process.env): AppConfig {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const isProduction = e.NODE_ENV === "production";
  return {
    env: e.NODE_ENV,
    isProduction,
    appUrl: (e.APP_URL ?? "http://localhost:3000").replace(/\/+$/, ""),
    authSecret: e.AUTH_SECRET ?? e.NEXTAUTH_SECRET ?? DEV_AUTH_SECRET,
    database: { url: e.DATABASE_URL, pgliteDir: e.PGLITE_DATA_DIR ?? ".data/pglite", poolMax: e.DATABASE_POOL_MAX ?? 10 },
    mercadopago: {
      accessToken: e.MERCADOPAGO_ACCESS_TOKEN,
      webhookSecret: e.MERCADOPAGO_WEBHOOK_SECRET,
      apiUrl: (e.MERCADOPAGO_API_URL ?? "https://api.mercadopago.com").replace(/\/+$/, ""),
      timeoutMs: e.MERCADOPAGO_TIMEOUT_MS ?? 8000,
      maxRetries: e.MERCADOPAGO_MAX_RETRIES ?? 2,
      ipnPerMinute: e.MERCADOPAGO_IPN_PER_MINUTE ?? 120,
    },
    orders: { maxOpen: e.MAX_OPEN_ORDERS ?? 5, reservationMinutes: e.ORDER_RESERVATION_MINUTES ?? 30 },
    jobs: {
      enabled: e.ONLYWAVE_JOBS !== "off",
      webhookIntervalMs: e.WEBHOOK_WORKER_INTERVAL_MS ?? 2_000,
      outboxIntervalMs: e.EMAIL_OUTBOX_INTERVAL_MS ?? 5_000,
      reconcileIntervalMs: e.RECONCILE_INTERVAL_MS ?? 5 * 60_000,
      reconcileAfterMinutes: e.RECONCILE_AFTER_MINUTES ?? 10,
      uploadCleanupIntervalMs: e.UPLOAD_CLEANUP_INTERVAL_MS ?? 15 * 60_000,
    },
    validateResponses: e.ONLYWAVE_VALIDATE_RESPONSES ?? false,
    s3: {
      bucket: e.S3_BUCKET,
      region: e.S3_REGION ?? "us-east-1",
      endpoint: e.S3_ENDPOINT,
      forcePathStyle: e.S3_FORCE_PATH_STYLE ?? Boolean(e.S3_ENDPOINT),
      accessKeyId: e.AWS_ACCESS_KEY_ID,
      secretAccessKey: e.AWS_SECRET_ACCESS_KEY,
    },
    cdn: {
      baseUrl: e.CDN_BASE_URL?.replace(/\/+$/, ""),
      distributionId: e.CLOUDFRONT_DISTRIBUTION_ID,
      keyPairId: e.CLOUDFRONT_KEY_PAIR_ID,
      // Private keys often arrive with literal "\n" when set through a dashboard.
      privateKey: e.CLOUDFRONT_PRIVATE_KEY?.replace(/\\n/g, "\n"),
    },
    email: {
      provider: e.EMAIL_PROVIDER,
      fallbackProvider: e.EMAIL_FALLBACK_PROVIDER,
      from: e.EMAIL_FROM ?? "OnlyWave <nao-responda@onlywave.com.br>",
      sendgrid: {
        apiKey: e.SENDGRID_API_KEY,
        apiUrl: (e.SENDGRID_API_URL ?? "https://api.sendgrid.com").replace(/\/+$/, ""),
        webhookPublicKey: e.SENDGRID_WEBHOOK_PUBLIC_KEY,
      },
      smtpUrl: e.SMTP_URL,
    },
    sentry: {
      dsn: e.SENTRY_DSN,
      publicDsn: e.NEXT_PUBLIC_SENTRY_DSN,
      environment: e.SENTRY_ENVIRONMENT ?? e.NODE_ENV,
      release: e.SENTRY_RELEASE,
      tracesSampleRate: clampRate(e.SENTRY_TRACES_SAMPLE_RATE),
    },
    metricsToken: e.METRICS_TOKEN,
    statuscakeApiKey: e.STATUSCAKE_API_KEY,
    seedAdmin: { email: e.ADMIN_EMAIL, password: e.ADMIN_PASSWORD },
    // Tests stay quiet unless LOG_LEVEL asks otherwise.
    logLevel: e.LOG_LEVEL ?? (isProduction ? "info" : e.NODE_ENV === "test" ? "silent" : "debug"),
  };
}

function clampRate(v: string | undefined): number {
  const n = v === undefined ? 0.1 : Number(v);
  return Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0.1;
}

/**
 * What a production start needs. Returns every missing variable at once so an operator fixes the
 * environment in one go instead of one restart per variable.
 */
export function missingForProduction(source: Record<string, string | undefined> = process.env): string[] {
  const has = (k: string) => Boolean(source[k]?.trim());
  const missing: string[] = [];
  const required = [
    "APP_URL",
    "AUTH_SECRET",
    "DATABASE_URL",
    "MERCADOPAGO_ACCESS_TOKEN",
    "MERCADOPAGO_WEBHOOK_SECRET",
    "S3_BUCKET",
    "S3_REGION",
    "EMAIL_PROVIDER",
    "EMAIL_FROM",
    "METRICS_TOKEN",
  ];
  for (const k of required) if (!has(k)) missing.push(k);
  const providers = [source.EMAIL_PROVIDER, source.EMAIL_FALLBACK_PROVIDER].map((p) => p?.trim());
  if (providers.includes("sendgrid")) {
    for (const k of ["SENDGRID_API_KEY", "SENDGRID_WEBHOOK_PUBLIC_KEY"]) if (!has(k)) missing.push(k);
  }
  if (providers.includes("smtp") && !has("SMTP_URL")) missing.push("SMTP_URL");
  if (has("CLOUDFRONT_KEY_PAIR_ID") !== has("CLOUDFRONT_PRIVATE_KEY")) {
    missing.push(has("CLOUDFRONT_KEY_PAIR_ID") ? "CLOUDFRONT_PRIVATE_KEY" : "CLOUDFRONT_KEY_PAIR_ID");
  }
  return missing;
}

const CACHE = Symbol.for("onlywave.config");
type Cached = { [CACHE]?: AppConfig };

/** The current configuration, parsed once per process. Tests call `resetConfig()` after editing env. */
export function config(): AppConfig {
  const g = globalThis as Cached;
  g[CACHE] ??= parseConfig();
  return g[CACHE];
}

export function resetConfig(): void {
  delete (globalThis as Cached)[CACHE];
}
