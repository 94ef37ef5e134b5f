import { createHmac, randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as createOrderRoute, GET as listOrdersRoute } from "@/app/api/orders/route";
import { POST as refundRoute } from "@/app/api/payments/[id]/refunds/route";
import { GET as getPaymentRoute } from "@/app/api/payments/[id]/route";
import { POST as createPaymentRoute, GET as listPaymentsRoute } from "@/app/api/payments/route";
import { POST as webhookRoute } from "@/app/api/webhooks/mercadopago/route";
import { resetConfig } from "@/lib/config";
import { getDb, schema } from "@/lib/db";
import { makeProduct, makeUser, type TestUser } from "@/lib/testing/fixtures";
import { call } from "@/lib/testing/http";
import { type PaymentsHarness, startPaymentsHarness } from "@/lib/testing/mercadopago";
import { applyMercadoPagoPayment } from "./apply-payment";
import { processNotifications, RETRY_DELAYS_MS } from "./process-notifications";
import { expireStaleOrders, reconcileOrders } from "./reconcile";
import { retryPendingRefunds } from "./refund";
import { drainWebhookWorker } from "./worker";

let h: PaymentsHarness;
let buyer: TestUser;
let admin: TestUser;

beforeAll(async () => {
  h = await startPaymentsHarness();
  buyer = await makeUser({ name: "Bruna Compradora" });
  admin = await makeUser({ role: "admin", name: "Ana Admin" });
});
afterAll(async () => {
  await h?.close();
});

async function db() {
  return getDb();
}

async function orderFor(user: TestUser, opts: { priceCents?: number; stock?: number; quantity?: number } = {}) {
  const product = await makeProduct({ priceCents: opts.priceCents ?? 15_990, stock: opts.stock ?? 10 });
  const res = await call(createOrderRoute, { token: user.token, body: { items: [{ productId: product.id, quantity: opts.quantity ?? 2 }] } });
  expect(res.status).toBe(201);
  return { order: res.json, product };
}

async function payFor(orderId: string, user = buyer) {
  const res = await call(createPaymentRoute, { token: user.token, body: { orderId } });
  expect([200, 201]).toContain(res.status);
  return res.json;
}

/** Waits for the emulator's deliveries to reach our webhook, then runs the worker. */
async function settle() {
  await h.emulator.notificationsSettled();
  await drainWebhookWorker();
}

/** An order of one unit, paid with APRO at the emulator and settled through the webhook worker. */
async function approved(priceCents = 20_000) {
  const { order } = await orderFor(buyer, { priceCents, quantity: 1 });
  const payment = await payFor(order.id);
  await h.control(`/preferences/${payment.preferenceId}/pay`, { cardholderName: "APRO" });
  await settle();
  return { order, payment };
}

async function orderRow(id: string) {
  const [o] = await (await db()).select().from(schema.orders).where(eq(schema.orders.id, id));
  return o!;
}

async function paymentRow(id: string) {
  const [p] = await (await db()).select().from(schema.payments).where(eq(schema.payments.id, id));
  return p!;
}

async function emailsFor(key: string) {
  return (await db()).select().from(schema.emailOutbox).where(eq(schema.emailOutbox.dedupeKey, key));
}

function signedNotification(mpPaymentId: string, opts: { ts?: number; secret?: string; id?: number; action?: string } = {}) {
  const requestId = randomUUID();
  const ts = String(opts.ts ?? Date.now());
  const manifest = `id:${mpPaymentId};request-id:${requestId};ts:${ts};`;
  const v1 = createHmac("sha256", opts.secret ?? h.emulator.webhookSecret).update(manifest).digest("hex");
  return {
    path: `/api/webhooks/mercadopago?data.id=${mpPaymentId}&type=payment`,
    headers: { "x-signature": `ts=${ts},v1=${v1}`, "x-request-id": requestId, "content-type": "application/json" },
    body: {
      id: opts.id ?? Math.floor(Math.random() * 1e12),
      live_mode: false,
      type: "payment",
      date_created: new Date().toISOString(),
      user_id: 123,
      api_version: "v1",
      action: opts.action ?? "payment.updated",
      data: { id: mpPaymentId },
    },
  };
}

describe("orders", () => {
  it("prices from the database, ignoring any price the client sends", async () => {
    const product = await makeProduct({ priceCents: 25_000, stock: 3 });
    const res = await call(createOrderRoute, {
      token: buyer.token,
      body: { items: [{ productId: product.id, quantity: 2, unitPriceCents: 1, priceCents: 1 }], totalCents: 2 },
    });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ status: "pending_payment", totalCents: 50_000, currency: "BRL" });
    expect(res.json.items[0]).toMatchObject({ productId: product.id, unitPriceCents: 25_000, quantity: 2 });
  });

  it("20 concurrent orders for a product with 5 in stock give exactly 5 orders", async () => {
    const product = await makeProduct({ stock: 5 });
    const results = await Promise.all(
      Array.from({ length: 20 }, () => call(createOrderRoute, { token: buyer.token, body: { items: [{ productId: product.id, quantity: 1 }] } })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([...Array(5).fill(201), ...Array(15).fill(422)]);
    expect(results.filter((r) => r.status === 422).map((r) => r.json.error.code)).toEqual(Array(15).fill("insufficient_stock"));
    const [p] = await (await db()).select().from(schema.products).where(eq(schema.products.id, product.id));
    expect(p!.stock).toBe(0);
  });

  it("caps the unpaid orders one account can hold", async () => {
    const previous = process.env.MAX_OPEN_ORDERS;
    process.env.MAX_OPEN_ORDERS = "2";
    try {
      const shopper = await makeUser();
      const product = await makeProduct({ stock: 10 });
      const order = () => call(createOrderRoute, { token: shopper.token, body: { items: [{ productId: product.id, quantity: 1 }] } });
      expect((await order()).status).toBe(201);
      expect((await order()).status).toBe(201);
      const third = await order();
      expect(third.status).toBe(422);
      expect(third.json.error.code).toBe("too_many_open_orders");
    } finally {
      process.env.MAX_OPEN_ORDERS = previous;
    }
  });

  it("a forged list cursor is a 422, never a 500", async () => {
    const forged = Buffer.from(JSON.stringify(["not-a-date", "not-a-uuid"])).toString("base64url");
    expect((await call(listOrdersRoute, { token: buyer.token, path: `/api/orders?cursor=${forged}` })).status).toBe(422);
    expect((await call(listPaymentsRoute, { token: buyer.token, path: `/api/payments?cursor=${forged}` })).status).toBe(422);
  });

  it("rejects unknown products, bad quantities and empty orders with 422", async () => {
    const product = await makeProduct();
    expect((await call(createOrderRoute, { token: buyer.token, body: { items: [{ productId: randomUUID(), quantity: 1 }] } })).json.error.code).toBe("unknown_product");
    expect((await call(createOrderRoute, { token: buyer.token, body: { items: [{ productId: product.id, quantity: 100 }] } })).status).toBe(422);
    expect((await call(createOrderRoute, { token: buyer.token, body: { items: [{ productId: product.id, quantity: 0 }] } })).status).toBe(422);
    expect((await call(createOrderRoute, { token: buyer.token, body: { items: [] } })).status).toBe(422);
    expect((await call(createOrderRoute, { body: { items: [{ productId: product.id, quantity: 1 }] } })).status).toBe(401);
  });
});

describe("checkout with Mercado Pago", () => {
  it("creates one preference per order and answers it again while valid", async () => {
    const { order } = await orderFor(buyer);
    const first = await call(createPaymentRoute, { token: buyer.token, body: { orderId: order.id } });
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ orderId: order.id, status: "created", amountCents: order.totalCents });
    expect(first.json.initPoint).toContain(h.emulator.url);
    const again = await call(createPaymentRoute, { token: buyer.token, body: { orderId: order.id } });
    expect(again.status).toBe(200);
    expect(again.json.id).toBe(first.json.id);
    const prefs = await h.control<any[]>("/preferences", undefined, "GET");
    const pref = prefs.find((p) => p.id === first.json.preferenceId);
    expect(pref).toMatchObject({ external_reference: order.id, auto_return: "approved", statement_descriptor: "ONLYWAVE" });
    expect(pref.notification_url).toBe(`${h.appUrl}/api/webhooks/mercadopago?source_news=webhooks`);
    expect(pref.items[0].unit_price).toBe(159.9);
    // Someone else's order is a 404.
    const other = await makeUser();
    expect((await call(createPaymentRoute, { token: other.token, body: { orderId: order.id } })).status).toBe(404);
  });

  it("APRO: webhook → worker → order paid, one approval email; a paid order refuses a new payment", async () => {
    const { order } = await orderFor(buyer);
    const payment = await payFor(order.id);
    const paid = await h.control(`/preferences/${payment.preferenceId}/pay`, { cardholderName: "APRO" });
    expect(paid.status).toBe("approved");
    await settle();
    expect(h.acks.every((s) => s === 200)).toBe(true);
    const p = await paymentRow(payment.id);
    expect(p).toMatchObject({ status: "approved", mpPaymentId: String(paid.id), amountCents: order.totalCents });
    const o = await orderRow(order.id);
    expect(o).toMatchObject({ status: "paid", reservation: "confirmed" });
    expect(await emailsFor(`payment-approved:${payment.id}`)).toHaveLength(1);
    const view = await call(getPaymentRoute, { token: buyer.token, params: { id: payment.id } });
    expect(view.json).toMatchObject({ status: "approved", mpPaymentId: String(paid.id) });
    expect((await call(createPaymentRoute, { token: buyer.token, body: { orderId: order.id } })).status).toBe(409);
  });

  it("OTHE: rejected → order payment_failed and stock released", async () => {
    const { order, product } = await orderFor(buyer, { stock: 4, quantity: 3 });
    const payment = await payFor(order.id);
    await h.control(`/preferences/${payment.preferenceId}/pay`, { cardholderName: "OTHE" });
    await settle();
    expect((await paymentRow(payment.id)).status).toBe("rejected");
    expect((await orderRow(order.id)).status).toBe("payment_failed");
    const [prod] = await (await db()).select().from(schema.products).where(eq(schema.products.id, product.id));
    expect(prod!.stock).toBe(4);
    expect(await emailsFor(`payment-rejected:${payment.id}`)).toHaveLength(1);
  });

  it("CONT: pending, later approved through the control API", async () => {
    const { order } = await orderFor(buyer);
    const payment = await payFor(order.id);
    const mp = await h.control(`/preferences/${payment.preferenceId}/pay`, { cardholderName: "CONT" });
    await settle();
    expect((await paymentRow(payment.id)).status).toMatch(/pending|in_process/);
    expect((await orderRow(order.id)).status).toBe("pending_payment");
    await h.control(`/payments/${mp.id}/status`, { status: "approved", status_detail: "accredited" });
    await settle();
    expect((await paymentRow(payment.id)).status).toBe("approved");
    expect((await orderRow(order.id)).status).toBe("paid");
  });
});

describe("webhook", () => {
  it("rejects a forged or stale signature and changes nothing", async () => {
    const { order } = await orderFor(buyer);
    const payment = await payFor(order.id);
    await h.control("/notifications/pause");
    const mp = await h.control(`/preferences/${payment.preferenceId}/pay`, { cardholderName: "APRO" });
    const forged = signedNotification(String(mp.id), { secret: "not-the-secret" });
    const res = await call(webhookRoute, { ...forged });
    expect(res.status).toBe(401);
    expect(res.json.error.code).toBe("invalid_signature");
    const stale = signedNotification(String(mp.id), { ts: Date.now() - 6 * 60_000 });
    expect((await call(webhookRoute, { ...stale })).status).toBe(401);
    const unsigned = signedNotification(String(mp.id));
    expect((await call(webhookRoute, { ...unsigned, headers: { "content-type": "application/json" } })).status).toBe(401);
    const recorded = await (await db()).select().from(schema.webhookNotifications).where(eq(schema.webhookNotifications.resourceId, String(mp.id)));
    expect(recorded).toHaveLength(0);
    await drainWebhookWorker();
    expect((await paymentRow(payment.id)).status).toBe("created");
    await h.control("/notifications/resume");
    await settle();
  });

  it("legacy IPN: accepted without a verifiable signature, one queue row per payment, numeric ids only", async () => {
    const { order } = await orderFor(buyer);
    const payment = await payFor(order.id);
    await h.control("/notifications/pause");
    const mp = await h.control(`/preferences/${payment.preferenceId}/pay`, { cardholderName: "APRO" });
    const ipn = { path: `/api/webhooks/mercadopago?topic=payment&id=${mp.id}`, headers: { "x-signature": "ts=1,v1=unverifiable" }, rawBody: "" };
    const first = await call(webhookRoute, ipn);
    const again = await call(webhookRoute, { ...ipn, headers: { "x-request-id": randomUUID() } });
    expect(first.status).toBe(200);
    expect(again.json.duplicate).toBe(true);
    const rows = await (await db()).select().from(schema.webhookNotifications).where(eq(schema.webhookNotifications.resourceId, String(mp.id)));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.verification).toBe("unverified_ipn");
    await drainWebhookWorker();
    expect((await paymentRow(payment.id)).status).toBe("approved");
    expect((await call(webhookRoute, { path: "/api/webhooks/mercadopago?topic=payment&id=abc", rawBody: "" })).status).toBe(400);
    await h.control("/notifications/resume");
    await settle();
  });

  it("refuses oversized notifications before parsing them", async () => {
    const n = signedNotification("123");
    const res = await call(webhookRoute, { path: n.path, headers: n.headers, rawBody: JSON.stringify({ ...n.body, pad: "x".repeat(70_000) }) });
    expect(res.status).toBe(413);
  });

  it("answers 400 to malformed JSON", async () => {
    const n = signedNotification("123");
    const res = await call(webhookRoute, { path: n.path, headers: n.headers, rawBody: "{not json" });
    expect(res.status).toBe(400);
  });

  it("the same notification 20 times concurrently: one record, one state change, one email", async () => {
    const { order } = await orderFor(buyer);
    const payment = await payFor(order.id);
    await h.control("/notifications/pause");
    const mp = await h.control(`/preferences/${payment.preferenceId}/pay`, { cardholderName: "APRO" });
    const n = signedNotification(String(mp.id), { id: Date.now() });
    const results = await Promise.all(Array.from({ length: 20 }, () => call(webhookRoute, { ...n })));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(results.filter((r) => r.json.duplicate === false)).toHaveLength(1);
    await Promise.all([processNotifications(), processNotifications(), drainWebhookWorker()]);
    const events = await (await db())
      .select()
      .from(schema.paymentEvents)
      .where(and(eq(schema.paymentEvents.paymentId, payment.id), eq(schema.paymentEvents.kind, "status_changed")));
    expect(events).toHaveLength(1);
    expect(await emailsFor(`payment-approved:${payment.id}`)).toHaveLength(1);
    await h.control("/notifications/resume");
    await settle();
    // The emulator's own notifications arrive later: still one state change.
    const after = await (await db())
      .select()
      .from(schema.paymentEvents)
      .where(and(eq(schema.paymentEvents.paymentId, payment.id), eq(schema.paymentEvents.kind, "status_changed")));
    expect(after).toHaveLength(1);
  });

  it("an out-of-order pending after approved leaves it approved", async () => {
    const { order } = await orderFor(buyer);
    const payment = await payFor(order.id);
    const mp = await h.control(`/preferences/${payment.preferenceId}/pay`, { cardholderName: "APRO" });
    await settle();
    const stale = await applyMercadoPagoPayment({ ...mp, status: "pending", status_detail: "pending_contingency" }, "test");
    expect(stale.outcome).toBe("stale");
    expect((await paymentRow(payment.id)).status).toBe("approved");
    expect((await orderRow(order.id)).status).toBe("paid");
  });

  it("a dispute (in_mediation) won by the seller returns to approved without redoing effects", async () => {
    const { order } = await orderFor(buyer);
    const payment = await payFor(order.id);
    const mp = await h.control(`/preferences/${payment.preferenceId}/pay`, { cardholderName: "APRO" });
    await settle();
    expect((await applyMercadoPagoPayment({ ...mp, status: "in_mediation" }, "test")).outcome).toBe("applied");
    expect((await applyMercadoPagoPayment({ ...mp, status: "approved" }, "test")).outcome).toBe("applied");
    expect((await paymentRow(payment.id)).status).toBe("approved");
    expect(await orderRow(order.id)).toMatchObject({ status: "paid", attention: null });
  });

  it("Mercado Pago failing for the next 3 calls delays processing but loses nothing", async () => {
    const { order } = await orderFor(buyer);
    const payment = await payFor(order.id);
    await h.control("/notifications/pause");
    const mp = await h.control(`/preferences/${payment.preferenceId}/pay`, { cardholderName: "APRO" });
    const n = signedNotification(String(mp.id));
    expect((await call(webhookRoute, { ...n })).status).toBe(200);
    await h.control("/faults", { count: 3, status: 503, method: "GET", path: "/v1/payments" });
    for (let i = 0; i < 6; i++) {
      await drainWebhookWorker();
      // Time travel instead of sleeping through the back-off.
      await (await db()).update(schema.webhookNotifications).set({ nextAttemptAt: new Date(0) }).where(eq(schema.webhookNotifications.resourceId, String(mp.id)));
    }
    const [row] = await (await db()).select().from(schema.webhookNotifications).where(eq(schema.webhookNotifications.resourceId, String(mp.id)));
    expect(row).toMatchObject({ status: "processed", attempts: 4 });
    expect((await orderRow(order.id)).status).toBe("paid");
    await h.control("/notifications/resume");
    await settle();
  });

  it("a notification for an unknown payment or a mismatched amount is recorded and flagged, not applied", async () => {
    const unknown = signedNotification("999000111");
    expect((await call(webhookRoute, { ...unknown })).status).toBe(200);
    await drainWebhookWorker();
    const [u] = await (await db()).select().from(schema.webhookNotifications).where(eq(schema.webhookNotifications.resourceId, "999000111"));
    expect(u!.status).toBe("flagged");

    const { order } = await orderFor(buyer, { priceCents: 10_000, quantity: 1 });
    // A preference made behind our back for our order, at the wrong price.
    const res = await fetch(`${h.emulator.url}/checkout/preferences`, {
      method: "POST",
      headers: { authorization: `Bearer ${h.emulator.accessToken}`, "content-type": "application/json" },
      body: JSON.stringify({
        items: [{ id: "x", title: "Barato", quantity: 1, unit_price: 1, currency_id: "BRL" }],
        external_reference: order.id,
        notification_url: `${h.appUrl}/api/webhooks/mercadopago`,
      }),
    });
    const pref = await res.json();
    const mp = await h.control(`/preferences/${pref.id}/pay`, { cardholderName: "APRO" });
    await settle();
    const [n] = await (await db()).select().from(schema.webhookNotifications).where(eq(schema.webhookNotifications.resourceId, String(mp.id)));
    expect(n!.status).toBe("flagged");
    expect(n!.lastError).toContain("amount_mismatch");
    expect((await orderRow(order.id))).toMatchObject({ status: "pending_payment", attention: "amount_mismatch" });
  });
});

describe("refunds", () => {
  it("two concurrent refunds of the full amount produce one refund", async () => {
    const { payment } = await approved();
    const [a, b] = await Promise.all([
      call(refundRoute, { token: admin.token, params: { id: payment.id }, body: {} }),
      call(refundRoute, { token: admin.token, params: { id: payment.id }, body: {} }),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 422]);
    const refunds = await (await db()).select().from(schema.refunds).where(eq(schema.refunds.paymentId, payment.id));
    expect(refunds.filter((r) => r.status === "succeeded")).toHaveLength(1);
    const mpRefunds = await fetch(`${h.emulator.url}/v1/payments/${(await paymentRow(payment.id)).mpPaymentId}/refunds`, {
      headers: { authorization: `Bearer ${h.emulator.accessToken}` },
    }).then((r) => r.json());
    expect(mpRefunds).toHaveLength(1);
  });

  it("half, then the rest: partially_refunded → refunded; more than refundable is 422; customers get 403", async () => {
    const { order, payment } = await approved(20_000);
    expect((await call(refundRoute, { token: buyer.token, params: { id: payment.id }, body: {} })).status).toBe(403);
    const half = await call(refundRoute, { token: admin.token, params: { id: payment.id }, body: { amountCents: 10_000 } });
    expect(half.status).toBe(201);
    expect(half.json).toMatchObject({ amountCents: 10_000, status: "succeeded" });
    expect((await orderRow(order.id)).status).toBe("partially_refunded");
    expect((await paymentRow(payment.id)).refundedCents).toBe(10_000);
    const tooMuch = await call(refundRoute, { token: admin.token, params: { id: payment.id }, body: { amountCents: 10_001 } });
    expect(tooMuch.status).toBe(422);
    const rest = await call(refundRoute, { token: admin.token, params: { id: payment.id }, body: {} });
    expect(rest.json.amountCents).toBe(10_000);
    await settle();
    expect((await paymentRow(payment.id))).toMatchObject({ status: "refunded", refundedCents: 20_000 });
    expect((await orderRow(order.id)).status).toBe("refunded");
    const emails = await (await db()).select().from(schema.emailOutbox).where(eq(schema.emailOutbox.template, "refund-issued"));
    expect(emails.filter((e) => e.dedupeKey?.startsWith(`refund-issued:${payment.id}:`))).toHaveLength(2);
  });

  it("honours Idempotency-Key and reports Mercado Pago errors as 502", async () => {
    const { payment } = await approved(30_000);
    const key = randomUUID();
    const first = await call(refundRoute, { token: admin.token, params: { id: payment.id }, body: { amountCents: 5_000 }, headers: { "idempotency-key": key } });
    const again = await call(refundRoute, { token: admin.token, params: { id: payment.id }, body: { amountCents: 5_000 }, headers: { "idempotency-key": key } });
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.json.id).toBe(first.json.id);
    await h.control("/faults", { count: 1, status: 400, method: "POST", path: `/v1/payments/${(await paymentRow(payment.id)).mpPaymentId}/refunds` });
    const failed = await call(refundRoute, { token: admin.token, params: { id: payment.id }, body: { amountCents: 1_000 } });
    expect(failed.status).toBe(502);
    expect(failed.json.error.code).toBe("upstream_failed");
    // Mercado Pago's own message comes through, not only the provider's name.
    expect(failed.json.error.message).toMatch(/^Mercado Pago: Emulated failure \(fault #\d+\)/);
  });
});

describe("late approval with partial stock", () => {
  it("gives back the units it took for earlier items when a later item is short", async () => {
    const a = await makeProduct({ stock: 5, priceCents: 1_000 });
    const b = await makeProduct({ stock: 1, priceCents: 2_000 });
    const created = await call(createOrderRoute, {
      token: buyer.token,
      body: { items: [{ productId: a.id, quantity: 2 }, { productId: b.id, quantity: 1 }] },
    });
    expect(created.status).toBe(201);
    const payment = await payFor(created.json.id);
    await h.control("/notifications/pause");
    const mp = await h.control(`/preferences/${payment.preferenceId}/pay`, { cardholderName: "APRO" });
    const d = await db();
    await d.update(schema.orders).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(schema.orders.id, created.json.id));
    await expireStaleOrders();
    await d.update(schema.products).set({ stock: 0 }).where(eq(schema.products.id, b.id)); // someone bought the last B
    const fetched = await fetch(`${h.emulator.url}/v1/payments/${mp.id}`, { headers: { authorization: `Bearer ${h.emulator.accessToken}` } });
    await applyMercadoPagoPayment(await fetched.json(), "test");
    expect(await orderRow(created.json.id)).toMatchObject({ status: "expired", attention: "approved_without_stock", reservation: "released" });
    const [stockA] = await d.select().from(schema.products).where(eq(schema.products.id, a.id));
    expect(stockA!.stock).toBe(5);
    await h.control("/notifications/resume");
    await settle();
  });
});

describe("digital goods", () => {
  it("approval grants the buyer the download file; a full refund revokes it", async () => {
    const d = await db();
    const [file] = await d
      .insert(schema.files)
      .values({
        ownerId: admin.user.id,
        key: `private/${randomUUID()}.pdf`,
        visibility: "private",
        purpose: "digital-good",
        status: "ready",
        filename: "guia.pdf",
        contentType: "application/pdf",
        size: 1234,
        cacheControl: "private, max-age=0",
      })
      .returning();
    const product = await makeProduct({ kind: "digital", priceCents: 4_990, stock: 100, downloadFileId: file!.id });
    const created = await call(createOrderRoute, { token: buyer.token, body: { items: [{ productId: product.id, quantity: 1 }] } });
    const payment = await payFor(created.json.id);
    await h.control(`/preferences/${payment.preferenceId}/pay`, { cardholderName: "APRO" });
    await settle();
    const grants = () => d.select().from(schema.fileGrants).where(and(eq(schema.fileGrants.fileId, file!.id), eq(schema.fileGrants.userId, buyer.user.id)));
    const [grant] = await grants();
    expect(grant).toMatchObject({ reason: "purchase", source: created.json.id, revokedAt: null });
    const [email] = await emailsFor(`payment-approved:${payment.id}`);
    expect(JSON.stringify(email!.props)).toContain(`/files/${file!.id}`);

    expect((await call(refundRoute, { token: admin.token, params: { id: payment.id }, body: {} })).status).toBe(201);
    const [after] = await grants();
    expect(after!.revokedAt).not.toBeNull();
  });
});

describe("pending refunds", () => {
  it("a refund left pending by a Mercado Pago outage is finished by the reconciliation retry, once", async () => {
    const { order } = await orderFor(buyer, { priceCents: 12_000, quantity: 1 });
    const payment = await payFor(order.id);
    await h.control(`/preferences/${payment.preferenceId}/pay`, { cardholderName: "APRO" });
    await settle();
    const mpId = (await paymentRow(payment.id)).mpPaymentId!;
    await h.control("/faults", { count: 1, status: 503, method: "POST", path: `/v1/payments/${mpId}/refunds` });
    const failed = await call(refundRoute, { token: admin.token, params: { id: payment.id }, body: { amountCents: 5_000 } });
    expect(failed.status).toBe(502);
    // Unknown outcome: its own code, so a client retries with the same key instead of a new one.
    expect(failed.json.error.code).toBe("refund_pending");
    const d = await db();
    const [pending] = await d.select().from(schema.refunds).where(eq(schema.refunds.paymentId, payment.id));
    expect(pending!.status).toBe("pending");
    // Pending still counts: a second full refund cannot exceed the balance meanwhile.
    expect((await call(refundRoute, { token: admin.token, params: { id: payment.id }, body: { amountCents: 7_001 } })).status).toBe(422);
    await retryPendingRefunds(0, { paymentId: payment.id });
    const [done] = await d.select().from(schema.refunds).where(eq(schema.refunds.id, pending!.id));
    expect(done!.status).toBe("succeeded");
    expect((await paymentRow(payment.id)).refundedCents).toBe(5_000);
    const mpRefunds = await fetch(`${h.emulator.url}/v1/payments/${mpId}/refunds`, { headers: { authorization: `Bearer ${h.emulator.accessToken}` } }).then((r) => r.json());
    expect(mpRefunds).toHaveLength(1);
  });
});

describe("reconciliation and expiry", () => {
  it("a lost webhook never leaves a paid order unpaid", async () => {
    const { order } = await orderFor(buyer);
    const payment = await payFor(order.id);
    await h.control("/notifications/pause");
    await h.control(`/preferences/${payment.preferenceId}/pay`, { cardholderName: "APRO" });
    await (await db()).update(schema.orders).set({ createdAt: new Date(Date.now() - 10 * 60_000) }).where(eq(schema.orders.id, order.id));
    const r = await reconcileOrders({ olderThanMinutes: 5 });
    expect(r.checked).toBeGreaterThanOrEqual(1);
    expect((await orderRow(order.id)).status).toBe("paid");
    await h.control("/notifications/reset", undefined).catch(() => undefined);
    await h.control("/notifications/resume");
    await settle();
  });

  it("expires stale orders and releases stock; a late approval is honoured when stock allows, else flagged", async () => {
    const { order, product } = await orderFor(buyer, { stock: 2, quantity: 2 });
    const payment = await payFor(order.id);
    await h.control("/notifications/pause");
    const mp = await h.control(`/preferences/${payment.preferenceId}/pay`, { cardholderName: "APRO" });
    await (await db()).update(schema.orders).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(schema.orders.id, order.id));
    expect(await expireStaleOrders()).toBeGreaterThanOrEqual(1);
    expect((await orderRow(order.id))).toMatchObject({ status: "expired", reservation: "released" });
    // Someone else buys the stock meanwhile.
    await (await db()).update(schema.products).set({ stock: 0 }).where(eq(schema.products.id, product.id));
    await applyMercadoPagoPayment(await fetch(`${h.emulator.url}/v1/payments/${mp.id}`, { headers: { authorization: `Bearer ${h.emulator.accessToken}` } }).then((r) => r.json()), "test");
    expect((await orderRow(order.id))).toMatchObject({ status: "expired", attention: "approved_without_stock" });

    const second = await orderFor(buyer, { stock: 2, quantity: 1 });
    const p2 = await payFor(second.order.id);
    const mp2 = await h.control(`/preferences/${p2.preferenceId}/pay`, { cardholderName: "APRO" });
    await (await db()).update(schema.orders).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(schema.orders.id, second.order.id));
    await expireStaleOrders();
    await applyMercadoPagoPayment(await fetch(`${h.emulator.url}/v1/payments/${mp2.id}`, { headers: { authorization: `Bearer ${h.emulator.accessToken}` } }).then((r) => r.json()), "test");
    expect((await orderRow(second.order.id))).toMatchObject({ status: "paid", reservation: "confirmed" });
    await h.control("/notifications/resume");
    await settle();
  });
});

/**
 * Mercado Pago in front of the emulator, for what the emulator never answers: a refund whose
 * `status` is not `approved`. Everything is passed through, except a refund POST while `refunds`
 * says otherwise: `in_process` is made at the emulator and answered with that status; `rejected`
 * is answered without making anything, as Mercado Pago does when it refuses.
 */
async function startRefundStatusProxy(target: string) {
  const state: { refunds: "in_process" | "rejected" | null } = { refunds: null };
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    const refundPost = req.method === "POST" && /^\/v1\/payments\/\d+\/refunds\/?(\?|$)/.test(req.url ?? "");
    if (refundPost && state.refunds === "rejected") {
      const paymentId = Number(req.url!.split("/")[3]);
      const amount = body.length ? JSON.parse(body.toString()).amount : undefined;
      res.writeHead(201, { "content-type": "application/json" });
      res.end(JSON.stringify({ id: Math.floor(Math.random() * 1e9), payment_id: paymentId, amount, status: "rejected", reason: "insufficient_balance" }));
      return;
    }
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string" && !["host", "connection", "content-length"].includes(k)) headers.set(k, v);
    const upstream = await fetch(`${target}${req.url}`, { method: req.method, headers, body: ["GET", "HEAD"].includes(req.method!) ? undefined : body });
    let text = await upstream.text();
    if (refundPost && state.refunds === "in_process" && upstream.ok) text = JSON.stringify({ ...JSON.parse(text), status: "in_process" });
    res.writeHead(upstream.status, { "content-type": upstream.headers.get("content-type") ?? "application/json" });
    res.end(text);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { state, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((r) => server.close(r)) };
}

describe("refund statuses from Mercado Pago", () => {
  let proxy: Awaited<ReturnType<typeof startRefundStatusProxy>>;
  beforeAll(async () => {
    proxy = await startRefundStatusProxy(h.emulator.url);
    process.env.MERCADOPAGO_API_URL = proxy.url;
    resetConfig();
  });
  afterAll(async () => {
    process.env.MERCADOPAGO_API_URL = h.emulator.url;
    resetConfig();
    await proxy?.close();
  });

  async function mpRefundsOf(paymentId: string) {
    const mpId = (await paymentRow(paymentId)).mpPaymentId;
    return fetch(`${h.emulator.url}/v1/payments/${mpId}/refunds`, { headers: { authorization: `Bearer ${h.emulator.accessToken}` } }).then((r) => r.json());
  }

  it("in_process: the refund stays pending and changes nothing until Mercado Pago approves it", async () => {
    const { order, payment } = await approved(20_000);
    proxy.state.refunds = "in_process";
    const res = await call(refundRoute, { token: admin.token, params: { id: payment.id }, body: { amountCents: 5_000 }, headers: { "idempotency-key": randomUUID() } });
    proxy.state.refunds = null;
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ amountCents: 5_000, status: "pending" });
    expect(res.json.mpRefundId).toEqual(expect.any(String));
    const [row] = await (await db()).select().from(schema.refunds).where(eq(schema.refunds.id, res.json.id));
    expect(row).toMatchObject({ status: "pending", mpRefundId: res.json.mpRefundId });
    expect(await orderRow(order.id)).toMatchObject({ status: "paid" });
    expect((await paymentRow(payment.id)).refundedCents).toBe(0);
    // Still counted against the balance meanwhile.
    expect((await call(refundRoute, { token: admin.token, params: { id: payment.id }, body: { amountCents: 15_001 } })).status).toBe(422);

    // Looked up on the payment (where the emulator reports it approved), not asked for again.
    expect(await retryPendingRefunds(0, { paymentId: payment.id })).toBe(1);
    const [done] = await (await db()).select().from(schema.refunds).where(eq(schema.refunds.id, res.json.id));
    expect(done!.status).toBe("succeeded");
    expect((await paymentRow(payment.id)).refundedCents).toBe(5_000);
    expect((await orderRow(order.id)).status).toBe("partially_refunded");
    expect(await mpRefundsOf(payment.id)).toHaveLength(1);
    await settle();
  });

  it("rejected: 502 with the reason, the ledger says failed, the order is untouched and the balance is free", async () => {
    const { order, payment } = await approved(20_000);
    const key = randomUUID();
    proxy.state.refunds = "rejected";
    const res = await call(refundRoute, { token: admin.token, params: { id: payment.id }, body: { amountCents: 5_000 }, headers: { "idempotency-key": key } });
    // The same key again answers the failure again, never a 200 that reads like success.
    const again = await call(refundRoute, { token: admin.token, params: { id: payment.id }, body: { amountCents: 5_000 }, headers: { "idempotency-key": key } });
    proxy.state.refunds = null;
    expect(res.status).toBe(502);
    expect(res.json.error.message).toContain("rejected");
    expect(again.status).toBe(502);
    const rows = await (await db()).select().from(schema.refunds).where(eq(schema.refunds.paymentId, payment.id));
    expect(rows.map((r) => r.status)).toEqual(["failed"]);
    expect(await orderRow(order.id)).toMatchObject({ status: "paid" });
    expect((await paymentRow(payment.id)).refundedCents).toBe(0);
    const full = await call(refundRoute, { token: admin.token, params: { id: payment.id }, body: {}, headers: { "idempotency-key": randomUUID() } });
    expect(full.status).toBe(201);
    expect(full.json).toMatchObject({ amountCents: 20_000, status: "succeeded" });
    expect((await orderRow(order.id)).status).toBe("refunded");
    await settle();
  });
});

describe("refund idempotency", () => {
  it("a key reused for another amount is a 409 in the contract's error shape", async () => {
    const { payment } = await approved();
    const key = randomUUID();
    const first = await call(refundRoute, { token: admin.token, params: { id: payment.id }, body: { amountCents: 5_000 }, headers: { "idempotency-key": key } });
    expect(first.status).toBe(201);
    const other = await call(refundRoute, { token: admin.token, params: { id: payment.id }, body: { amountCents: 6_000 }, headers: { "idempotency-key": key } });
    expect(other.status).toBe(409);
    expect(other.json.error).toMatchObject({ code: "idempotency_key_reused", message: expect.stringContaining("5000"), requestId: expect.any(String) });
    const rows = await (await db()).select().from(schema.refunds).where(eq(schema.refunds.paymentId, payment.id));
    expect(rows).toHaveLength(1);
    await settle();
  });

  it("after a failed refund the same key answers the failure (502, not 200) and a new key refunds", async () => {
    const { payment } = await approved();
    const mpId = (await paymentRow(payment.id)).mpPaymentId;
    const key = randomUUID();
    await h.control("/faults", { count: 1, status: 400, method: "POST", path: `/v1/payments/${mpId}/refunds` });
    const failed = await call(refundRoute, { token: admin.token, params: { id: payment.id }, body: { amountCents: 5_000 }, headers: { "idempotency-key": key } });
    expect(failed.status).toBe(502);
    expect(failed.json.error.code).toBe("upstream_failed");
    const again = await call(refundRoute, { token: admin.token, params: { id: payment.id }, body: { amountCents: 5_000 }, headers: { "idempotency-key": key } });
    expect(again.status).toBe(502);
    expect(again.json.error.message).toBe(failed.json.error.message);
    const fresh = await call(refundRoute, { token: admin.token, params: { id: payment.id }, body: { amountCents: 5_000 }, headers: { "idempotency-key": randomUUID() } });
    expect(fresh.status).toBe(201);
    expect(fresh.json.status).toBe("succeeded");
    const rows = await (await db()).select().from(schema.refunds).where(eq(schema.refunds.paymentId, payment.id));
    expect(rows.map((r) => r.status).sort()).toEqual(["failed", "succeeded"]);
    await settle();
  });
});

describe("webhook queue durability", () => {
  async function recordedNotification() {
    const { order } = await orderFor(buyer);
    const payment = await payFor(order.id);
    await h.control("/notifications/pause");
    const mp = await h.control(`/preferences/${payment.preferenceId}/pay`, { cardholderName: "APRO" });
    expect((await call(webhookRoute, { ...signedNotification(String(mp.id)) })).status).toBe(200);
    const where = eq(schema.webhookNotifications.resourceId, String(mp.id));
    const row = async () => (await (await db()).select().from(schema.webhookNotifications).where(where))[0]!;
    return { order, payment, mp, where, row };
  }

  async function alertsFor(notificationId: string) {
    return (await db()).select().from(schema.emailOutbox).where(like(schema.emailOutbox.dedupeKey, `webhook-failed:${notificationId}:%`));
  }

  async function finishUp() {
    await h.control("/faults", undefined, "DELETE");
    await h.control("/notifications/resume");
    await settle();
  }

  it("a notification claimed by a worker that died is processed again once its lease runs out", async () => {
    const { order, where, row } = await recordedNotification();
    const d = await db();
    // A worker claimed it (attempt 1, lease still running) and died before finishing.
    await d.update(schema.webhookNotifications).set({ status: "processing", attempts: 1, nextAttemptAt: new Date(Date.now() + 60_000) }).where(where);
    await drainWebhookWorker();
    expect(await row()).toMatchObject({ status: "processing", attempts: 1 });
    expect((await orderRow(order.id)).status).toBe("pending_payment");
    // The lease runs out (time travel instead of waiting two minutes).
    await d.update(schema.webhookNotifications).set({ nextAttemptAt: new Date(Date.now() - 1_000) }).where(where);
    await drainWebhookWorker();
    expect(await row()).toMatchObject({ status: "processed", attempts: 2, lastError: null });
    expect((await orderRow(order.id)).status).toBe("paid");
    await finishUp();
  });

  it("retries run out: marked failed after the last attempt and each admin alerted once", async () => {
    const { order, mp, where, row } = await recordedNotification();
    const d = await db();
    await h.control("/faults", { count: RETRY_DELAYS_MS.length + 1, status: 503, method: "GET", path: `/v1/payments/${mp.id}` });
    for (let i = 0; i <= RETRY_DELAYS_MS.length; i++) {
      await drainWebhookWorker();
      await d
        .update(schema.webhookNotifications)
        .set({ nextAttemptAt: new Date(0) })
        .where(and(where, eq(schema.webhookNotifications.status, "pending")));
    }
    const failed = await row();
    expect(failed).toMatchObject({ status: "failed", attempts: RETRY_DELAYS_MS.length + 1 });
    expect(failed.lastError).toContain("Emulated failure");
    const alerts = await alertsFor(failed.id);
    expect(alerts.filter((e) => e.to === admin.user.email)).toHaveLength(1);
    expect(alerts.every((e) => e.template === "admin-alert")).toBe(true);
    expect(new Set(alerts.map((e) => e.to)).size).toBe(alerts.length);
    // Failed is final: more passes neither retry it nor alert again.
    await drainWebhookWorker();
    expect(await row()).toMatchObject({ status: "failed", attempts: RETRY_DELAYS_MS.length + 1 });
    expect(await alertsFor(failed.id)).toHaveLength(alerts.length);
    expect((await orderRow(order.id)).status).toBe("pending_payment");
    await finishUp();
  });

  it("a worker whose claim was taken over records no failure and alerts nobody", async () => {
    const { mp, where, row } = await recordedNotification();
    const d = await db();
    // Mercado Pago answers a definitive error, slowly: the lease is taken over meanwhile.
    await h.control("/faults", { count: 1, status: 400, delayMs: 600, method: "GET", path: `/v1/payments/${mp.id}` });
    const slow = drainWebhookWorker();
    for (let i = 0; i < 100 && (await row()).status !== "processing"; i++) await new Promise((r) => setTimeout(r, 10));
    const claimed = await row();
    expect(claimed).toMatchObject({ status: "processing", attempts: 1 });
    // Another worker's claim (its lease ran out for the first one).
    await d.update(schema.webhookNotifications).set({ attempts: 2, nextAttemptAt: new Date(Date.now() + 60_000) }).where(where);
    await slow;
    expect(await row()).toMatchObject({ status: "processing", attempts: 2 });
    expect(await alertsFor(claimed.id)).toHaveLength(0);
    // The new claim's worker goes on to process it normally.
    await d.update(schema.webhookNotifications).set({ nextAttemptAt: new Date(Date.now() - 1_000) }).where(where);
    await drainWebhookWorker();
    expect(await row()).toMatchObject({ status: "processed", attempts: 3 });
    await finishUp();
  });
});
