/** `POST /v1/payments/{id}/refunds` (full/partial, limits) and `GET /v1/payments/{id}/refunds[/{refund_id}]`. */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { MercadoPagoEmulator } from "./index";
import { call, createPreference, payWith, type Receiver, startReceiver, startTestEmulator } from "./test-helpers";

let emu: MercadoPagoEmulator;

beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(() => emu.close());
beforeEach(() => emu.reset());

const refund = (paymentId: number, body?: unknown) =>
  call(emu, "POST", `/v1/payments/${paymentId}/refunds`, body, { "x-idempotency-key": randomUUID() });
const getPayment = async (id: number) => (await call(emu, "GET", `/v1/payments/${id}`)).body;

async function approvedPayment(unitPrice = 199.9) {
  const pref = await createPreference(emu, { items: [{ title: "Prancha", quantity: 1, unit_price: unitPrice, currency_id: "BRL" }] });
  return payWith(emu, pref.id, "APRO");
}

describe("partial and full refunds", () => {
  it("a partial refund answers the refund object and leaves the payment approved/partially_refunded", async () => {
    const payment = await approvedPayment();
    const answer = await refund(payment.id, { amount: 50 });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({
      id: expect.any(Number),
      payment_id: payment.id,
      amount: 50,
      status: "approved",
      refund_mode: "standard",
      adjustment_amount: 0,
      source: { id: String(emu.userId), type: "collector" },
      unique_sequence_number: null,
      metadata: {},
    });
    expect(answer.body.date_created).toMatch(/-04:00$/);
    const after = await getPayment(payment.id);
    expect(after).toMatchObject({ status: "approved", status_detail: "partially_refunded", transaction_amount: 199.9, transaction_amount_refunded: 50 });
    expect(after.refunds).toEqual([answer.body]);
  });

  it("without amount refunds what remains and makes the payment refunded", async () => {
    const payment = await approvedPayment();
    await refund(payment.id, { amount: 50 });
    await refund(payment.id, { amount: 0.9 });
    const full = await refund(payment.id, {});
    expect(full.status).toBe(201);
    expect(full.body.amount).toBe(149);
    const after = await getPayment(payment.id);
    expect(after).toMatchObject({ status: "refunded", status_detail: "refunded", transaction_amount_refunded: 199.9 });
    expect(after.refunds.map((r: { amount: number }) => r.amount)).toEqual([50, 0.9, 149]);
  });

  it("an empty body (SDK total()) refunds everything at once", async () => {
    const payment = await approvedPayment();
    const full = await refund(payment.id);
    expect(full.body.amount).toBe(199.9);
    expect((await getPayment(payment.id)).status).toBe("refunded");
  });

  it("partial refunds adding up to the total (in cents, no float drift) make it refunded", async () => {
    const payment = await approvedPayment(0.3);
    await refund(payment.id, { amount: 0.1 });
    await refund(payment.id, { amount: 0.2 });
    const after = await getPayment(payment.id);
    expect(after).toMatchObject({ status: "refunded", transaction_amount_refunded: 0.3 });
  });

  it("keeps refund metadata", async () => {
    const payment = await approvedPayment();
    const answer = await refund(payment.id, { amount: 1, metadata: { reason: "troca" } });
    expect(answer.body.metadata).toEqual({ reason: "troca" });
  });
});

describe("refund rules", () => {
  it("refuses more than what remains, changing nothing", async () => {
    const payment = await approvedPayment();
    await refund(payment.id, { amount: 150 });
    const tooMuch = await refund(payment.id, { amount: 49.91 });
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.body).toMatchObject({ error: "bad_request", status: 400, message: expect.stringContaining("49.90") });
    const after = await getPayment(payment.id);
    expect(after.transaction_amount_refunded).toBe(150);
    expect(after.refunds).toHaveLength(1);
    expect((await refund(payment.id, { amount: 49.9 })).status).toBe(201);
  });

  it.each([
    [{ amount: 0 }, 4040],
    [{ amount: -5 }, 4040],
    [{ amount: "10" }, 4041],
    [{ amount: 1.001 }, 4041],
  ])("rejects %j with cause code %i", async (body, code) => {
    const payment = await approvedPayment();
    const answer = await refund(payment.id, body);
    expect(answer.status).toBe(400);
    expect(answer.body.cause[0].code).toBe(code);
  });

  it("refuses refunds of payments that are not approved (code 2063)", async () => {
    const pref = await createPreference(emu);
    for (const name of ["OTHE", "CONT"]) {
      const payment = await payWith(emu, pref.id, name);
      const answer = await refund(payment.id, { amount: 1 });
      expect(answer.status).toBe(400);
      expect(answer.body.cause[0]).toMatchObject({ code: 2063 });
    }
    const payment = await payWith(emu, pref.id, "APRO");
    await refund(payment.id);
    expect((await refund(payment.id)).body.cause[0].code).toBe(2063);
  });

  it("requires X-Idempotency-Key (code 4292)", async () => {
    const payment = await approvedPayment();
    const answer = await call(emu, "POST", `/v1/payments/${payment.id}/refunds`, { amount: 1 });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ message: "Header X-Idempotency-Key can't be null", cause: [{ code: 4292 }] });
  });

  it("answers 404 (code 2000) for an unknown payment", async () => {
    const answer = await refund(123);
    expect(answer.status).toBe(404);
    expect(answer.body.cause[0].code).toBe(2000);
  });
});

describe("listing refunds", () => {
  it("lists refunds as an array and reads one by id", async () => {
    const payment = await approvedPayment();
    const first = (await refund(payment.id, { amount: 10 })).body;
    const second = (await refund(payment.id, { amount: 20 })).body;
    const list = await call(emu, "GET", `/v1/payments/${payment.id}/refunds`);
    expect(list.status).toBe(200);
    expect(list.body).toEqual([first, second]);
    const one = await call(emu, "GET", `/v1/payments/${payment.id}/refunds/${second.id}`);
    expect(one.body).toEqual(second);
    const missing = await call(emu, "GET", `/v1/payments/${payment.id}/refunds/1`);
    expect(missing.status).toBe(404);
    expect(missing.body.cause[0].code).toBe(2032);
    expect((await call(emu, "GET", "/v1/payments/1/refunds")).status).toBe(404);
  });
});

describe("refund notifications", () => {
  let receiver: Receiver;
  beforeAll(async () => {
    receiver = await startReceiver();
  });
  afterAll(() => receiver.close());

  it("sends payment.updated for each refund", async () => {
    const pref = await createPreference(emu, { notification_url: `${receiver.url}/hook` });
    const payment = await payWith(emu, pref.id);
    await refund(payment.id, { amount: 1 });
    await refund(payment.id);
    // Deliveries run concurrently: order them by notification id, not by arrival.
    const received = [...(await receiver.waitFor(3))].sort((a, b) => a.body.id - b.body.id);
    expect(received.map((r) => r.body.action)).toEqual(["payment.created", "payment.updated", "payment.updated"]);
    expect(new Set(received.map((r) => r.body.data.id))).toEqual(new Set([String(payment.id)]));
  });
});
