import { describe, expect, it } from "vitest";
import { runScript } from "@/lib/testing/run-script";

const REQUIRED = [
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

/** Everything a production start needs, pointing nowhere real: the checks must stop it first. */
const COMPLETE = {
  NODE_ENV: "production",
  APP_URL: "https://onlywave.example.com",
  AUTH_SECRET: "s".repeat(32),
  DATABASE_URL: "postgres://nobody@127.0.0.1:1/onlywave",
  MERCADOPAGO_ACCESS_TOKEN: "APP_USR-test",
  MERCADOPAGO_WEBHOOK_SECRET: "whsec",
  S3_BUCKET: "onlywave",
  S3_REGION: "sa-east-1",
  EMAIL_PROVIDER: "smtp",
  SMTP_URL: "smtp://127.0.0.1:1",
  EMAIL_FROM: "OnlyWave <loja@onlywave.example.com>",
  METRICS_TOKEN: "metrics",
};

describe("npm start (scripts/start.ts) in production", () => {
  it("refuses to start and lists every missing variable at once (no build needed)", async () => {
    const run = await runScript("scripts/start.ts", { NODE_ENV: "production", PORT: "3999" });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("OnlyWave cannot start in production. Missing environment variables:");
    const listed = [...run.stderr.matchAll(/^ {2}- (\w+)$/gm)].map((m) => m[1]);
    expect(listed).toEqual(REQUIRED);
    expect(run.stdout).not.toContain("next start");
  });

  it("names the provider's variables when an email provider needs them", async () => {
    const { SMTP_URL: _, ...rest } = COMPLETE;
    const run = await runScript("scripts/start.ts", { ...rest, EMAIL_PROVIDER: "sendgrid", EMAIL_FALLBACK_PROVIDER: "smtp" });
    expect(run.status).toBe(1);
    const listed = [...run.stderr.matchAll(/^ {2}- (\w+)$/gm)].map((m) => m[1]);
    expect(listed).toEqual(["SENDGRID_API_KEY", "SENDGRID_WEBHOOK_PUBLIC_KEY", "SMTP_URL"]);
  });

  it("refuses an invalid knob before touching the database", async () => {
    const run = await runScript("scripts/start.ts", { ...COMPLETE, MAX_OPEN_ORDERS: "abc" });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("OnlyWave cannot start in production. Invalid environment:");
    expect(run.stderr).toContain("MAX_OPEN_ORDERS");
    expect(run.stderr).not.toMatch(/ECONNREFUSED|migrat/i);
  });
});
