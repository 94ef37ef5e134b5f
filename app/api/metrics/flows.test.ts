/**
 * "Each counter moves by the right amount": scrape /api/metrics before and after a flow and compare.
 *
 * LEAD: the checkout, webhook, upload and email flows are being built in parallel. Until they land,
 * their tests below call the recording API directly (marked `FLOW PENDING`). When a flow lands,
 * replace the direct call with the real request (e.g. POST /api/payments, a signed Mercado Pago
 * notification, POST /api/uploads + complete, an outbox send) and keep the same assertions.
 */
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as listProducts } from "@/app/api/products/route";
import { getDb } from "@/lib/db";
import { defineOperation } from "@/lib/http/operation";
import { route } from "@/lib/http/route";
import { recordEmail, recordPaymentStatus, recordUpload, recordWebhook } from "@/lib/observability/record";
import { type Exposition, seriesValue } from "@/lib/observability/testing/exposition";
import { checkMetrics } from "@/lib/observability/testing/promtool";
import { scrape } from "@/lib/observability/testing/scrape";
import { call } from "@/lib/testing/http";

/** Runs `flow` between two scrapes and returns a reader of how much a series moved. */
async function measure(flow: () => Promise<void>) {
  const before = (await scrape()).exposition;
  await flow();
  const after = await scrape();
  const delta = (name: string, labels: Record<string, string> = {}) =>
    seriesValue(after.exposition, name, labels) - seriesValue(before, name, labels);
  return { delta, after: after.exposition as Exposition, text: after.text };
}

const brokenQueryOp = defineOperation({
  id: "testBrokenQuery",
  method: "GET",
  path: "/api/test/broken-query",
  summary: "Runs a failing query (test only)",
  tags: ["Test"],
  auth: "public",
  responses: { 200: { description: "never" } },
});

beforeAll(async () => {
  await getDb(); // open (and migrate) the database before the first scrape
});

describe("metrics after real flows", () => {
  it("HTTP: one request moves the duration histogram of its route template, method and status class", async () => {
    const { delta } = await measure(async () => {
      expect((await call(listProducts, { path: "/api/products?limit=1" })).status).toBe(200);
    });
    const labels = { route: "/api/products", method: "GET", status_class: "2xx" };
    expect(delta("onlywave_http_request_duration_seconds_count", labels)).toBe(1);
    expect(delta("onlywave_http_request_duration_seconds_bucket", { ...labels, le: "+Inf" })).toBe(1);
    expect(delta("onlywave_http_request_duration_seconds_sum", labels)).toBeGreaterThan(0);
  });

  it("database errors: a failing query inside a request counts once, as a 5xx", async () => {
    const handler = route(brokenQueryOp, async () => {
      await (await getDb()).execute(sql`select * from table_that_does_not_exist`);
      return { status: 200 };
    });
    const { delta } = await measure(async () => {
      expect((await call(handler, { path: "/api/test/broken-query" })).status).toBe(500);
    });
    expect(delta("onlywave_db_query_errors_total", { kind: "query" })).toBe(1);
    expect(delta("onlywave_http_request_duration_seconds_count", { route: "/api/test/broken-query", status_class: "5xx" })).toBe(1);
  });

  it("checkout + approved payment: funnel and approved amount (FLOW PENDING: direct calls)", async () => {
    const { delta } = await measure(async () => {
      recordPaymentStatus("created");
      recordPaymentStatus("approved", 19_990);
    });
    expect(delta("onlywave_payments_total", { status: "created" })).toBe(1);
    expect(delta("onlywave_payments_total", { status: "approved" })).toBe(1);
    expect(delta("onlywave_payments_approved_centavos_total")).toBe(19_990);
  });

  it("approved webhook: received and processed once (FLOW PENDING: direct calls)", async () => {
    const { delta } = await measure(async () => {
      recordWebhook({ provider: "mercadopago", event: "received" });
      recordWebhook({ provider: "mercadopago", event: "processed" });
    });
    expect(delta("onlywave_webhook_notifications_received_total", { provider: "mercadopago" })).toBe(1);
    expect(delta("onlywave_webhook_notifications_processed_total", { provider: "mercadopago" })).toBe(1);
    expect(delta("onlywave_webhook_notifications_failed_total")).toBe(0);
  });

  it("upload: started, completed and its bytes (FLOW PENDING: direct calls)", async () => {
    const { delta } = await measure(async () => {
      recordUpload({ event: "started", bytes: 2048 });
      recordUpload({ event: "completed", bytes: 2048 });
    });
    expect(delta("onlywave_uploads_started_total")).toBe(1);
    expect(delta("onlywave_uploads_completed_total")).toBe(1);
    expect(delta("onlywave_upload_bytes_total")).toBe(2048);
  });

  it("email: one send by template, provider and outcome (FLOW PENDING: direct call)", async () => {
    const { delta, text } = await measure(async () => {
      recordEmail({ template: "order_paid", provider: "smtp", outcome: "sent" });
    });
    expect(delta("onlywave_email_sends_total", { template: "order_paid", provider: "smtp", outcome: "sent" })).toBe(1);
    // The exposition after every flow still passes promtool (apart from prom-client's own findings).
    expect(checkMetrics(text).unexpected).toEqual([]);
  });
});
