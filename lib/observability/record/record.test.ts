import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { boundedLabel, knownLabel, sanitizeLabel } from "../labels";
import { metrics } from "../metrics";
import { parseExposition, seriesValue } from "../testing/exposition";
import { classifyDbError } from "./db";
import {
  ensureAllMetrics,
  recordEmailEvent,
  recordMercadoPagoCall,
  recordPaymentStatus,
  recordRefund,
  recordUpload,
  recordWebhook,
  setWebhookBacklog,
} from "./index";

async function exposition() {
  ensureAllMetrics();
  return parseExposition(await metrics().registry.metrics());
}

describe("label values stay bounded", () => {
  it("sanitizes, maps unknown values of known sets to 'other' and caps open sets", () => {
    expect(sanitizeLabel(" Too Large! ")).toBe("too_large_");
    expect(sanitizeLabel("")).toBe("unknown");
    expect(knownLabel("APPROVED", ["approved", "rejected"] as const)).toBe("approved");
    expect(knownLabel("weird", ["approved"] as const)).toBe("other");
    const values = Array.from({ length: 40 }, (_, i) => boundedLabel("cap_test_total", "reason", `r${i}`));
    expect(new Set(values).size).toBe(26); // 25 distinct values, then everything is "other"
    expect(values.at(-1)).toBe("other");
    expect(boundedLabel("cap_test_total", "reason", "r3")).toBe("r3"); // known ones keep working
  });
});

describe("recording API", () => {
  it("records Mercado Pago calls by operation and outcome with latency", async () => {
    recordMercadoPagoCall({ operation: "create_preference", outcome: "success", seconds: 0.2 });
    recordMercadoPagoCall({ operation: "create_preference", outcome: "server_error", seconds: 1.2 });
    const exp = await exposition();
    expect(seriesValue(exp, "onlywave_mercadopago_requests_total", { operation: "create_preference" })).toBe(2);
    expect(seriesValue(exp, "onlywave_mercadopago_requests_total", { outcome: "server_error" })).toBe(1);
    expect(seriesValue(exp, "onlywave_mercadopago_request_duration_seconds_sum", { operation: "create_preference" })).toBeCloseTo(1.4);
  });

  it("counts webhook rejections and flags by reason, and duplicates apart", async () => {
    recordWebhook({ event: "rejected", reason: "bad_signature" });
    recordWebhook({ provider: "sendgrid", event: "rejected", reason: "bad_signature" });
    recordWebhook({ event: "flagged", reason: "amount_mismatch" });
    recordWebhook({ event: "duplicate" });
    const exp = await exposition();
    expect(seriesValue(exp, "onlywave_webhook_notifications_rejected_total", { provider: "mercadopago", reason: "bad_signature" })).toBe(1);
    expect(seriesValue(exp, "onlywave_webhook_notifications_rejected_total", { provider: "sendgrid" })).toBe(1);
    expect(seriesValue(exp, "onlywave_webhook_notifications_flagged_total", { reason: "amount_mismatch" })).toBe(1);
    expect(seriesValue(exp, "onlywave_webhook_notifications_duplicate_total", { provider: "mercadopago" })).toBe(1);
  });

  it("exposes zero series for known label sets before anything happens", async () => {
    const exp = await exposition();
    const failed = exp.samples.filter((s) => s.name === "onlywave_webhook_notifications_failed_total");
    expect(failed.map((s) => s.labels.provider).sort()).toEqual(["mercadopago", "sendgrid"]);
    expect(exp.samples.some((s) => s.name === "onlywave_payments_total" && s.labels.status === "charged_back")).toBe(true);
  });

  it("ignores amounts that are not positive integer centavos, and unknown statuses become 'other'", async () => {
    const before = seriesValue(await exposition(), "onlywave_payments_approved_centavos_total");
    recordPaymentStatus("approved", 10.5);
    recordPaymentStatus("approved", -100);
    recordPaymentStatus("rejected", 5000);
    recordPaymentStatus("something_new");
    recordRefund({ outcome: "approved", amountCents: 1500 });
    recordRefund({ outcome: "rejected", amountCents: 900 });
    const exp = await exposition();
    expect(seriesValue(exp, "onlywave_payments_approved_centavos_total")).toBe(before);
    expect(seriesValue(exp, "onlywave_payments_total", { status: "other" })).toBe(1);
    expect(seriesValue(exp, "onlywave_refunds_approved_centavos_total")).toBe(1500);
    expect(seriesValue(exp, "onlywave_refunds_total", { outcome: "rejected" })).toBe(1);
  });

  it("counts upload rejections by reason and bytes only for completed uploads", async () => {
    recordUpload({ event: "rejected", reason: "too-large", bytes: 999_999 });
    recordUpload({ event: "completed", bytes: 10 });
    const exp = await exposition();
    expect(seriesValue(exp, "onlywave_uploads_rejected_total", { reason: "too-large" })).toBe(1);
    expect(seriesValue(exp, "onlywave_upload_bytes_total")).toBe(10);
  });

  it("takes push-style backlog values when no provider is registered", async () => {
    setWebhookBacklog("mercadopago", { depth: 2, oldestAgeSeconds: 90 });
    recordEmailEvent({ provider: "sendgrid", event: "bounce" });
    const exp = await exposition();
    expect(seriesValue(exp, "onlywave_webhook_oldest_unprocessed_age_seconds", { provider: "mercadopago" })).toBe(90);
    expect(seriesValue(exp, "onlywave_email_events_total", { provider: "sendgrid", event: "bounce" })).toBe(1);
  });
});

describe("classifyDbError", () => {
  it("tells connection failures from query errors, and ignores errors that are not from the database", async () => {
    const client = postgres("postgres://nobody@127.0.0.1:9/none", { connect_timeout: 2, max: 1, onnotice: () => {} });
    const db = drizzle(client);
    const err = await db.execute("select 1").then(
      () => undefined,
      (e: unknown) => e,
    );
    await client.end({ timeout: 1 });
    expect(classifyDbError(err)).toBe("connection");
    expect(classifyDbError(Object.assign(new Error("dup"), { code: "23505", severity: "ERROR" }))).toBe("query");
    expect(classifyDbError(Object.assign(new Error("cancel"), { code: "57014", severity: "ERROR" }))).toBe("timeout");
    expect(classifyDbError(Object.assign(new Error("fetch failed"), { cause: { code: "ECONNREFUSED" } }))).toBeUndefined();
    expect(classifyDbError("nope")).toBeUndefined();
  });
});
