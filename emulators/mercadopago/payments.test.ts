/** `GET /v1/payments/{id}`, `GET /v1/payments/search`, `PUT /v1/payments/{id}`, merchant orders. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { MercadoPagoEmulator } from "./index";
import { call, createPreference, payWith, startTestEmulator } from "./test-helpers";

let emu: MercadoPagoEmulator;

beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(() => emu.close());
beforeEach(() => emu.reset());

const MP_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}-04:00$/;

describe("GET /v1/payments/{id}", () => {
  it("returns the documented payment object", async () => {
    const pref = await createPreference(emu, {
      payer: { email: "ana@example.com" },
      metadata: { order_id: "abc" },
      statement_descriptor: "ONLYWAVE",
      notification_url: "https://shop.test/hook",
    });
    const paid = await payWith(emu, pref.id, "APRO", { installments: 3, paymentMethodId: "visa" });
    const answer = await call(emu, "GET", `/v1/payments/${paid.id}`);
    expect(answer.status).toBe(200);
    const p = answer.body;
    expect(p).toEqual(paid);
    expect(p).toMatchObject({
      id: paid.id,
      status: "approved",
      status_detail: "accredited",
      transaction_amount: 199.9,
      transaction_amount_refunded: 0,
      currency_id: "BRL",
      external_reference: "order-123",
      payment_method_id: "visa",
      payment_type_id: "credit_card",
      installments: 3,
      collector_id: emu.userId,
      live_mode: false,
      captured: true,
      operation_type: "regular_payment",
      description: "Prancha 6'2 Epoxy",
      statement_descriptor: "ONLYWAVE",
      notification_url: "https://shop.test/hook",
      metadata: { order_id: "abc" },
      payer: { email: "ana@example.com", identification: { type: "CPF", number: "12345678909" } },
      refunds: [],
      transaction_details: { total_paid_amount: 199.9, installment_amount: 66.63 },
      card: { first_six_digits: "423564", last_four_digits: "5682" },
      additional_info: { items: [{ title: "Prancha 6'2 Epoxy", quantity: "1", unit_price: "199.9" }] },
    });
    expect(typeof p.id).toBe("number");
    expect(p.date_created).toMatch(MP_DATE);
    expect(p.date_approved).toMatch(MP_DATE);
    expect(p.date_last_updated).toMatch(MP_DATE);
    expect(p.order).toEqual({ id: expect.stringMatching(/^\d+$/), type: "mercadopago" });
    expect(p.fee_details[0]).toMatchObject({ type: "mercadopago_fee", fee_payer: "collector" });
    expect(p.transaction_details.net_received_amount).toBeCloseTo(199.9 - p.fee_details[0].amount, 2);
  });

  it("keeps date_approved null and hides the payer's e-mail until the payment is approved", async () => {
    const pref = await createPreference(emu);
    const rejected = await payWith(emu, pref.id, "OTHE");
    expect(rejected).toMatchObject({ status: "rejected", date_approved: null, payer: { email: null } });
    const pending = await payWith(emu, pref.id, "CONT");
    expect(pending).toMatchObject({ status: "in_process", status_detail: "pending_contingency", date_approved: null });
  });

  it("answers 404 in Mercado Pago's shape for unknown and non-numeric ids", async () => {
    for (const id of ["999", "abc"]) {
      const answer = await call(emu, "GET", `/v1/payments/${id}`);
      expect(answer.status).toBe(404);
      expect(answer.body).toMatchObject({ message: "Payment not found", error: "not_found", status: 404, cause: [{ code: 2000, description: "Payment not found" }] });
      expect(answer.body.cause[0].data).toMatch(/;[0-9a-f-]{36}$/);
    }
  });
});

describe("GET /v1/payments/search", () => {
  async function seed() {
    const a = await createPreference(emu, { external_reference: "order-a" });
    const b = await createPreference(emu, { external_reference: "order-b" });
    return [
      await payWith(emu, a.id, "OTHE"),
      await payWith(emu, a.id, "APRO"),
      await payWith(emu, b.id, "APRO"),
      await payWith(emu, b.id, "CONT"),
    ];
  }

  it("filters by external_reference and status, answering paging + results", async () => {
    const [rejected, approvedA, approvedB] = await seed();
    const byRef = await call(emu, "GET", "/v1/payments/search?external_reference=order-a");
    expect(byRef.status).toBe(200);
    expect(byRef.body.paging).toEqual({ total: 2, limit: 30, offset: 0 });
    expect(byRef.body.results.map((p: { id: number }) => p.id)).toEqual([rejected.id, approvedA.id]);
    const approved = await call(emu, "GET", "/v1/payments/search?status=approved");
    expect(approved.body.results.map((p: { id: number }) => p.id)).toEqual([approvedA.id, approvedB.id]);
    const both = await call(emu, "GET", "/v1/payments/search?status=approved&external_reference=order-b");
    expect(both.body.results.map((p: { id: number }) => p.id)).toEqual([approvedB.id]);
    expect((await call(emu, "GET", "/v1/payments/search?external_reference=none")).body).toEqual({ paging: { total: 0, limit: 30, offset: 0 }, results: [] });
  });

  it("sorts and pages", async () => {
    const payments = await seed();
    const ids = payments.map((p) => p.id);
    const desc = await call(emu, "GET", "/v1/payments/search?sort=id&criteria=desc");
    expect(desc.body.results.map((p: { id: number }) => p.id)).toEqual([...ids].reverse());
    const page = await call(emu, "GET", "/v1/payments/search?sort=date_created&criteria=asc&limit=2&offset=1");
    expect(page.body.paging).toEqual({ total: 4, limit: 2, offset: 1 });
    expect(page.body.results.map((p: { id: number }) => p.id)).toEqual(ids.slice(1, 3));
    const byApproval = await call(emu, "GET", "/v1/payments/search?sort=date_approved&criteria=desc");
    expect(byApproval.body.results.slice(2).map((p: { date_approved: null }) => p.date_approved)).toEqual([null, null]);
  });

  it("filters by a date range (relative and ISO)", async () => {
    await seed();
    expect((await call(emu, "GET", "/v1/payments/search?range=date_created&begin_date=NOW-1DAYS&end_date=NOW")).body.paging.total).toBe(4);
    expect((await call(emu, "GET", "/v1/payments/search?begin_date=NOW-3DAYS&end_date=NOW-2DAYS")).body.paging.total).toBe(0);
    const iso = new Date(Date.now() + 60_000).toISOString();
    expect((await call(emu, "GET", `/v1/payments/search?begin_date=${iso}&end_date=NOW%2B1DAYS`)).body.paging.total).toBe(0);
    expect((await call(emu, "GET", "/v1/payments/search?range=date_approved&begin_date=NOW-1DAYS&end_date=NOW")).body.paging.total).toBe(2);
  });

  it("rejects invalid sort, criteria and paging values", async () => {
    for (const query of ["sort=price", "criteria=up", "limit=-1", "limit=abc", "offset=1.5", "range=weird&begin_date=NOW-1DAYS"]) {
      const answer = await call(emu, "GET", `/v1/payments/search?${query}`);
      expect(answer.status, query).toBe(400);
      expect(answer.body.error).toBe("bad_request");
    }
  });

  it("matches nothing for point-of-sale filters", async () => {
    await seed();
    expect((await call(emu, "GET", "/v1/payments/search?store_id=1")).body.paging.total).toBe(0);
  });
});

describe("PUT /v1/payments/{id}", () => {
  it("cancels a pending payment and refuses to cancel an approved one", async () => {
    const pref = await createPreference(emu);
    const pix = await payWith(emu, pref.id, "", { paymentMethodId: "pix" });
    expect(pix.status).toBe("pending");
    const cancelled = await call(emu, "PUT", `/v1/payments/${pix.id}`, { status: "cancelled" });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: "cancelled", status_detail: "by_collector" });
    const approved = await payWith(emu, pref.id);
    const refused = await call(emu, "PUT", `/v1/payments/${approved.id}`, { status: "cancelled" });
    expect(refused.status).toBe(400);
    expect(refused.body.cause[0].code).toBe(2063);
    expect((await call(emu, "PUT", "/v1/payments/1", { status: "cancelled" })).status).toBe(404);
    expect((await call(emu, "PUT", `/v1/payments/${approved.id}`, { description: "x" })).status).toBe(400);
  });

  it("captures an authorized payment", async () => {
    const pref = await createPreference(emu);
    const payment = await payWith(emu, pref.id, "CONT");
    await call(emu, "POST", `/__emulator/payments/${payment.id}/status`, { status: "authorized" });
    const captured = await call(emu, "PUT", `/v1/payments/${payment.id}`, { capture: true });
    expect(captured.body).toMatchObject({ status: "approved", status_detail: "accredited" });
  });
});

describe("merchant orders", () => {
  it("groups the payments of a preference", async () => {
    const pref = await createPreference(emu);
    const rejected = await payWith(emu, pref.id, "OTHE");
    const approved = await payWith(emu, pref.id, "APRO");
    expect(rejected.order.id).toBe(approved.order.id);
    const order = await call(emu, "GET", `/merchant_orders/${approved.order.id}`);
    expect(order.status).toBe(200);
    expect(order.body).toMatchObject({
      id: Number(approved.order.id),
      preference_id: pref.id,
      external_reference: "order-123",
      status: "closed",
      order_status: "paid",
      total_amount: 199.9,
      paid_amount: 199.9,
      refunded_amount: 0,
    });
    expect(order.body.payments.map((p: { id: number }) => p.id)).toEqual([rejected.id, approved.id]);
    const search = await call(emu, "GET", `/merchant_orders/search?preference_id=${pref.id}`);
    expect(search.body).toMatchObject({ total: 1, next_offset: 1 });
    expect(search.body.elements[0].id).toBe(Number(approved.order.id));
    expect((await call(emu, "GET", "/merchant_orders/1")).status).toBe(404);
  });
});
