import { describe, expect, it } from "vitest";
import { missingForProduction, parseConfig } from "./config";

describe("config", () => {
  it("lists every missing production variable at once", () => {
    const missing = missingForProduction({ NODE_ENV: "production", EMAIL_PROVIDER: "sendgrid", EMAIL_FALLBACK_PROVIDER: "smtp" });
    expect(missing).toEqual(
      expect.arrayContaining([
        "APP_URL",
        "AUTH_SECRET",
        "DATABASE_URL",
        "MERCADOPAGO_ACCESS_TOKEN",
        "MERCADOPAGO_WEBHOOK_SECRET",
        "S3_BUCKET",
        "EMAIL_FROM",
        "METRICS_TOKEN",
        "SENDGRID_API_KEY",
        "SENDGRID_WEBHOOK_PUBLIC_KEY",
        "SMTP_URL",
      ]),
    );
    expect(missing).not.toContain("EMAIL_PROVIDER");
  });

  it("falls back to embedded defaults in development", () => {
    const c = parseConfig({ NODE_ENV: "development" });
    expect(c.database.url).toBeUndefined();
    expect(c.database.pgliteDir).toBe(".data/pglite");
    expect(c.mercadopago.apiUrl).toBe("https://api.mercadopago.com");
    expect(c.email.sendgrid.apiUrl).toBe("https://api.sendgrid.com");
  });

  it("rejects an unknown email provider with a clear message", () => {
    expect(() => parseConfig({ EMAIL_PROVIDER: "carrier-pigeon" })).toThrow(/EMAIL_PROVIDER/);
  });

  it("reads the operational knobs with their defaults", () => {
    const c = parseConfig({ NODE_ENV: "development" });
    expect(c.orders).toEqual({ maxOpen: 5, reservationMinutes: 30 });
    expect(c.database.poolMax).toBe(10);
    expect(c.mercadopago).toMatchObject({ timeoutMs: 8000, maxRetries: 2, ipnPerMinute: 120 });
    expect(c.jobs).toEqual({
      enabled: true,
      webhookIntervalMs: 2_000,
      outboxIntervalMs: 5_000,
      reconcileIntervalMs: 300_000,
      reconcileAfterMinutes: 10,
      uploadCleanupIntervalMs: 900_000,
    });
    expect(c.validateResponses).toBe(false);
    expect(c.logLevel).toBe("debug");
    expect(parseConfig({ NODE_ENV: "test" }).logLevel).toBe("silent");
    const set = parseConfig({ MAX_OPEN_ORDERS: "2", MERCADOPAGO_MAX_RETRIES: "0", ONLYWAVE_JOBS: "off", MERCADOPAGO_TIMEOUT_MS: " " });
    expect(set.orders.maxOpen).toBe(2);
    expect(set.mercadopago.maxRetries).toBe(0);
    expect(set.mercadopago.timeoutMs).toBe(8000);
    expect(set.jobs.enabled).toBe(false);
  });

  it.each([
    ["MAX_OPEN_ORDERS", "abc"],
    ["MAX_OPEN_ORDERS", "0"],
    ["ORDER_RESERVATION_MINUTES", "1.5"],
    ["DATABASE_POOL_MAX", "-3"],
    ["MERCADOPAGO_TIMEOUT_MS", "8s"],
    ["MERCADOPAGO_IPN_PER_MINUTE", "lots"],
    ["RECONCILE_INTERVAL_MS", "NaN"],
    ["ONLYWAVE_JOBS", "maybe"],
    ["LOG_LEVEL", "loud"],
  ])("a bad %s=%s fails naming the variable instead of silently misbehaving", (name, value) => {
    expect(() => parseConfig({ [name]: value })).toThrow(new RegExp(`Invalid environment:[\\s\\S]*${name}`));
  });
});
