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
});
