import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { resetConfig } from "@/lib/config";
import { eq } from "drizzle-orm";
import { getDb, schema } from "@/lib/db";
import { DEV_METRICS_TOKEN, devMetricsTokenNotice } from "@/lib/observability/metrics-auth";
import { registerGaugeProvider } from "@/lib/observability/record";
import { parseExposition, seriesValue } from "@/lib/observability/testing/exposition";
import { checkMetrics } from "@/lib/observability/testing/promtool";
import { call } from "@/lib/testing/http";
import { GET } from "./route";

const ENV_KEYS = ["METRICS_TOKEN", "NODE_ENV"] as const;
const saved = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));

function setEnv(values: Partial<Record<(typeof ENV_KEYS)[number], string | undefined>>) {
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined) delete process.env[k];
    else (process.env as Record<string, string>)[k] = v;
  }
  resetConfig();
}

// A scrape also refreshes readiness, which opens the database: do that once, up front.
beforeAll(async () => {
  await getDb();
});
afterEach(() => setEnv(saved));

describe("GET /api/metrics", () => {
  it("answers 401 without the bearer token and with a wrong one", async () => {
    setEnv({ METRICS_TOKEN: "s3cret-token" });
    const none = await call(GET, { path: "/api/metrics" });
    expect(none.status).toBe(401);
    expect(none.json.error.code).toBe("unauthenticated");
    const wrong = await call(GET, { path: "/api/metrics", token: "s3cret-tokeN" });
    expect(wrong.status).toBe(401);
    const basic = await call(GET, { path: "/api/metrics", headers: { authorization: "Basic s3cret-token" } });
    expect(basic.status).toBe(401);
  });

  it("serves the Prometheus text format with the right token", async () => {
    setEnv({ METRICS_TOKEN: "s3cret-token" });
    const res = await call(GET, { path: "/api/metrics", token: "s3cret-token" });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/plain; version=0.0.4; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe("no-store");
    const exp = parseExposition(res.text);
    for (const family of [
      "process_cpu_seconds_total",
      "nodejs_heap_size_used_bytes",
      "onlywave_http_request_duration_seconds",
      "onlywave_payments_total",
      "onlywave_webhook_notifications_received_total",
      "onlywave_email_sends_total",
      "onlywave_uploads_started_total",
      "onlywave_db_query_errors_total",
      "onlywave_readiness_up",
    ]) {
      expect(exp.types.has(family), family).toBe(true);
    }
  });

  it("fails closed in production when METRICS_TOKEN is unset, even with the development token", async () => {
    setEnv({ METRICS_TOKEN: undefined, NODE_ENV: "production" });
    expect((await call(GET, { path: "/api/metrics" })).status).toBe(401);
    expect((await call(GET, { path: "/api/metrics", token: DEV_METRICS_TOKEN })).status).toBe(401);
  });

  it("requires a token in development too: with METRICS_TOKEN unset, the fixed development token", async () => {
    setEnv({ METRICS_TOKEN: undefined, NODE_ENV: "development" });
    const none = await call(GET, { path: "/api/metrics" });
    expect(none.status).toBe(401);
    expect(none.json.error.code).toBe("unauthenticated");
    expect((await call(GET, { path: "/api/metrics", token: "anything" })).status).toBe(401);
    expect((await call(GET, { path: "/api/metrics", token: DEV_METRICS_TOKEN })).status).toBe(200);
    // Once METRICS_TOKEN is set, the development token no longer opens it.
    setEnv({ METRICS_TOKEN: "s3cret-token", NODE_ENV: "development" });
    expect((await call(GET, { path: "/api/metrics", token: DEV_METRICS_TOKEN })).status).toBe(401);
  });

  it("tells a development server's operator which token to use, and says nothing in production or with METRICS_TOKEN", () => {
    expect(devMetricsTokenNotice({ metricsToken: undefined, isProduction: false })).toContain(`Bearer ${DEV_METRICS_TOKEN}`);
    expect(devMetricsTokenNotice({ metricsToken: undefined, isProduction: true })).toBeUndefined();
    expect(devMetricsTokenNotice({ metricsToken: "set", isProduction: false })).toBeUndefined();
  });

  it("reads database-backed gauges from registered providers at scrape time", async () => {
    setEnv({ METRICS_TOKEN: undefined });
    const off = [
      registerGaugeProvider("webhook_backlog", async () => ({ mercadopago: { depth: 3, oldestAgeSeconds: 42 } })),
      registerGaugeProvider("email_outbox", async () => ({ depth: 5, oldestAgeSeconds: 7 })),
    ];
    try {
      const exp = parseExposition((await call(GET, { path: "/api/metrics", token: DEV_METRICS_TOKEN })).text);
      expect(seriesValue(exp, "onlywave_webhook_unprocessed_notifications", { provider: "mercadopago" })).toBe(3);
      expect(seriesValue(exp, "onlywave_webhook_oldest_unprocessed_age_seconds", { provider: "mercadopago" })).toBe(42);
      expect(seriesValue(exp, "onlywave_email_outbox_messages")).toBe(5);
      expect(seriesValue(exp, "onlywave_email_outbox_oldest_age_seconds")).toBe(7);
    } finally {
      for (const f of off) f();
    }
  });

  it("reads the outbox gauges from the database on every scrape, with no outbox worker in the process", async () => {
    setEnv({ METRICS_TOKEN: "s3cret-token" });
    const db = await getDb();
    const hourAgo = new Date(Date.now() - 3_600_000);
    // Queued an hour ago and not due for a day, so no other suite's outbox pass sends it meanwhile.
    const [row] = await db
      .insert(schema.emailOutbox)
      .values({
        template: "welcome",
        to: `outbox-gauge-${Date.now()}@example.com`,
        props: { name: "Marina" },
        createdAt: hourAgo,
        nextAttemptAt: new Date(Date.now() + 86_400_000),
      })
      .returning({ id: schema.emailOutbox.id });
    try {
      // A test override and its removal put the database provider back.
      registerGaugeProvider("email_outbox", async () => ({ depth: 0, oldestAgeSeconds: 0 }))();
      const exp = parseExposition((await call(GET, { path: "/api/metrics", token: "s3cret-token" })).text);
      expect(seriesValue(exp, "onlywave_email_outbox_messages")).toBeGreaterThanOrEqual(1);
      expect(seriesValue(exp, "onlywave_email_outbox_oldest_age_seconds")).toBeGreaterThanOrEqual(3_600);
    } finally {
      await db.delete(schema.emailOutbox).where(eq(schema.emailOutbox.id, row!.id));
    }
  });

  it("keeps the scrape alive when a provider fails, showing the gauge as unknown (NaN) and counting the failure", async () => {
    setEnv({ METRICS_TOKEN: undefined });
    const off = registerGaugeProvider("email_outbox", async () => {
      throw new Error("relation email_outbox does not exist");
    });
    try {
      const res = await call(GET, { path: "/api/metrics", token: DEV_METRICS_TOKEN });
      expect(res.status).toBe(200);
      const exp = parseExposition(res.text);
      expect(seriesValue(exp, "onlywave_email_outbox_messages")).toBeNaN();
      // Families are rendered concurrently, so the failure counter shows from the next scrape on.
      const next = parseExposition((await call(GET, { path: "/api/metrics", token: DEV_METRICS_TOKEN })).text);
      expect(seriesValue(next, "onlywave_metrics_provider_errors_total", { provider: "email_outbox" })).toBeGreaterThanOrEqual(1);
    } finally {
      off();
    }
  });

  it("passes promtool check metrics apart from prom-client's known default-metric findings", async () => {
    setEnv({ METRICS_TOKEN: undefined });
    const { text } = await call(GET, { path: "/api/metrics", token: DEV_METRICS_TOKEN });
    const r = checkMetrics(text);
    expect(r.status, r.unexpected.join("\n")).not.toBe(1); // 1 = the exposition does not parse
    expect(r.unexpected).toEqual([]);
  });
});
