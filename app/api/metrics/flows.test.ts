/**
 * "Each counter moves by the right amount": scrape /api/metrics before and after a flow and compare.
 *
 * Checkout, webhook and upload run their real flows (route handlers, the Mercado Pago emulator,
 * s3rver, the outbox worker with a real SMTP session). Scrapes send the bearer token like a local
 * Prometheus does (`scrape()`: the fixed development token, METRICS_TOKEN being unset in tests).
 */
import { createHmac, randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as createOrder } from "@/app/api/orders/route";
import { POST as createPayment } from "@/app/api/payments/route";
import { GET as listProducts } from "@/app/api/products/route";
import { POST as webhook } from "@/app/api/webhooks/mercadopago/route";
import { enqueueEmail } from "@/lib/email/outbox/enqueue";
import { processOutbox } from "@/lib/email/outbox/process-outbox";
import { setEmailEnv } from "@/lib/email/outbox/testing";
import { PDF, readyFile, startTestStorage } from "@/lib/files/testing/harness";
import { startSmtpCatcher } from "../../../emulators/smtp/index";
import { drainWebhookWorker } from "@/lib/payments/worker";
import { makeProduct, makeUser } from "@/lib/testing/fixtures";
import { startPaymentsHarness } from "@/lib/testing/mercadopago";
import { getDb } from "@/lib/db";
import { defineOperation } from "@/lib/http/operation";
import { route } from "@/lib/http/route";
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

  it("checkout + approved webhook: preference call, one notification received and processed, approved amount", async () => {
    const h = await startPaymentsHarness();
    try {
      const buyer = await makeUser();
      const product = await makeProduct({ priceCents: 19_990, stock: 5 });
      await h.control("/notifications/pause");
      const { delta } = await measure(async () => {
        const order = await call(createOrder, { token: buyer.token, body: { items: [{ productId: product.id, quantity: 1 }] } });
        const payment = await call(createPayment, { token: buyer.token, body: { orderId: order.json.id } });
        expect(payment.status).toBe(201);
        const mp = await h.control(`/preferences/${payment.json.preferenceId}/pay`, { cardholderName: "APRO" });
        const ts = String(Date.now());
        const requestId = randomUUID();
        const v1 = createHmac("sha256", h.emulator.webhookSecret).update(`id:${mp.id};request-id:${requestId};ts:${ts};`).digest("hex");
        const ack = await call(webhook, {
          path: `/api/webhooks/mercadopago?data.id=${mp.id}&type=payment`,
          headers: { "x-signature": `ts=${ts},v1=${v1}`, "x-request-id": requestId },
          body: { id: Date.now(), type: "payment", action: "payment.created", data: { id: String(mp.id) } },
        });
        expect(ack.status).toBe(200);
        await drainWebhookWorker();
      });
      expect(delta("onlywave_mercadopago_requests_total", { operation: "create_preference", outcome: "success" })).toBe(1);
      expect(delta("onlywave_webhook_notifications_received_total", { provider: "mercadopago" })).toBe(1);
      expect(delta("onlywave_webhook_notifications_processed_total", { provider: "mercadopago" })).toBe(1);
      expect(delta("onlywave_webhook_notifications_failed_total")).toBe(0);
      expect(delta("onlywave_payments_total", { status: "approved" })).toBe(1);
      expect(delta("onlywave_payments_approved_centavos_total")).toBe(19_990);
    } finally {
      await h.close();
    }
  });

  it("upload: started, completed and its bytes through the real presign → storage → complete flow", async () => {
    const storage = await startTestStorage();
    try {
      const user = await makeUser();
      const bytes = new Uint8Array(PDF);
      const { delta } = await measure(async () => {
        await readyFile({ token: user.token, bytes, contentType: "application/pdf", filename: "guia.pdf" });
      });
      expect(delta("onlywave_uploads_started_total")).toBe(1);
      expect(delta("onlywave_uploads_completed_total")).toBe(1);
      expect(delta("onlywave_upload_bytes_total")).toBe(bytes.length);
    } finally {
      await storage.close();
    }
  });

  it("email: one outbox send by template, provider and outcome, through a real SMTP session", async () => {
    const smtp = await startSmtpCatcher({ port: 0 });
    try {
      await setEmailEnv({ EMAIL_PROVIDER: "smtp", SMTP_URL: smtp.url });
      const to = `metricas-${randomUUID().slice(0, 8)}@example.com`;
      const { delta, text } = await measure(async () => {
        const id = await enqueueEmail({ template: "welcome", to, props: { name: "Marina" }, dedupeKey: `metrics-test:${to}` });
        await processOutbox({ ids: [id!] });
        await smtp.waitFor((m) => m.to.includes(to), 5_000);
      });
      expect(delta("onlywave_email_sends_total", { template: "welcome", provider: "smtp", outcome: "sent" })).toBe(1);
      expect(delta("onlywave_email_sends_total", { template: "welcome", provider: "smtp", outcome: "failed" })).toBe(0);
      // The exposition after every flow still passes promtool (apart from prom-client's own findings).
      expect(checkMetrics(text).unexpected).toEqual([]);
    } finally {
      await setEmailEnv({});
      await smtp.close();
    }
  });
});
