/** The `/__emulator/` control API and the admin page. */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { MercadoPagoEmulator } from "./index";
import { call, createPreference, payWith, type Receiver, startReceiver, startTestEmulator, submitCheckout } from "./test-helpers";

let emu: MercadoPagoEmulator;
let receiver: Receiver;

beforeAll(async () => {
  receiver = await startReceiver();
  emu = await startTestEmulator();
});
afterAll(async () => {
  await emu.close();
  await receiver.close();
});
beforeEach(async () => {
  await emu.notificationsSettled();
  emu.reset();
  receiver.received.length = 0;
});

describe("POST /__emulator/preferences/{id}/pay", () => {
  it("answers 201 with the payment object, the same one the API returns", async () => {
    const pref = await createPreference(emu);
    const answer = await call(emu, "POST", `/__emulator/preferences/${pref.id}/pay`, { cardholderName: "APRO" });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ status: "approved", status_detail: "accredited", external_reference: "order-123", transaction_amount: 199.9 });
    expect((await call(emu, "GET", `/v1/payments/${answer.body.id}`)).body).toEqual(answer.body);
  });

  it("accepts the payment method, installments, e-mail and CPF", async () => {
    const pref = await createPreference(emu);
    const payment = await payWith(emu, pref.id, "APRO", { paymentMethodId: "debelo", email: "x@y.com", identification: { type: "CPF", number: "11144477735" } });
    expect(payment).toMatchObject({ payment_method_id: "debelo", payment_type_id: "debit_card", payer: { email: "x@y.com", identification: { number: "11144477735" } } });
    const boleto = await payWith(emu, pref.id, "", { paymentMethodId: "bolbradesco" });
    expect(boleto).toMatchObject({ status: "pending", status_detail: "pending_waiting_payment", payment_type_id: "ticket" });
    expect((await call(emu, "POST", `/__emulator/preferences/${pref.id}/pay`, { cardholderName: "APRO", installments: 13 })).status).toBe(400);
  });

  it("notifies exactly as a payment made on the page", async () => {
    const pref = await createPreference(emu, { notification_url: `${receiver.url}/hook` });
    await payWith(emu, pref.id, "APRO");
    await submitCheckout(emu, { pref_id: pref.id, payment_method_id: "master", cardholder_name: "APRO", installments: "1" });
    const [a, b] = [...(await receiver.waitFor(2))].sort((x, y) => x.body.id - y.body.id);
    const shape = (r: typeof a) => ({
      path: r.url.pathname,
      query: [...r.url.searchParams.keys()],
      keys: Object.keys(r.body).sort(),
      action: r.body.action,
      headers: ["x-request-id", "x-signature", "content-type"].map((h) => typeof r.headers[h]),
    });
    expect(shape(a)).toEqual(shape(b));
  });

  it("refuses unknown preferences, unknown cardholder names and expired preferences", async () => {
    expect((await call(emu, "POST", "/__emulator/preferences/nope/pay", { cardholderName: "APRO" })).status).toBe(404);
    const pref = await createPreference(emu);
    const unknown = await call(emu, "POST", `/__emulator/preferences/${pref.id}/pay`, { cardholderName: "ZZZZ" });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toContain("APRO");
    const expired = await createPreference(emu, { expires: true, expiration_date_to: "2020-01-01T00:00:00.000-03:00" });
    expect((await call(emu, "POST", `/__emulator/preferences/${expired.id}/pay`, { cardholderName: "APRO" })).status).toBe(400);
    expect(emu.state.payments.size).toBe(0);
  });

  it.each([
    ["CARD", "cc_rejected_bad_filled_card_number"],
    ["INST", "cc_rejected_invalid_installments"],
    ["DUPL", "cc_rejected_duplicated_payment"],
    ["LOCK", "cc_rejected_card_disabled"],
    ["CTNA", "cc_rejected_card_type_not_allowed"],
    ["ATTE", "cc_rejected_max_attempts"],
    ["BLAC", "cc_rejected_blacklist"],
  ])("%s is rejected with %s", async (name, detail) => {
    const pref = await createPreference(emu);
    expect(await payWith(emu, pref.id, name)).toMatchObject({ status: "rejected", status_detail: detail });
  });
});

describe("POST /__emulator/payments/{id}/status", () => {
  it("moves a late in_process payment to approved, setting date_approved", async () => {
    const pref = await createPreference(emu);
    const payment = await payWith(emu, pref.id, "CONT");
    const answer = await call(emu, "POST", `/__emulator/payments/${payment.id}/status`, { status: "approved" });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ status: "approved", status_detail: "accredited", date_approved: expect.any(String) });
  });

  it("charges back an approved payment and accepts an explicit status_detail", async () => {
    const pref = await createPreference(emu);
    const payment = await payWith(emu, pref.id);
    const answer = await call(emu, "POST", `/__emulator/payments/${payment.id}/status`, { status: "charged_back", status_detail: "reimbursed" });
    expect(answer.body).toMatchObject({ status: "charged_back", status_detail: "reimbursed" });
    const defaulted = await call(emu, "POST", `/__emulator/payments/${payment.id}/status`, { status: "in_mediation" });
    expect(defaulted.body.status).toBe("in_mediation");
  });

  it("refunding through the control API creates an admin refund", async () => {
    const pref = await createPreference(emu);
    const payment = await payWith(emu, pref.id);
    const answer = await call(emu, "POST", `/__emulator/payments/${payment.id}/status`, { status: "refunded" });
    expect(answer.body).toMatchObject({ status: "refunded", status_detail: "by_admin", transaction_amount_refunded: 199.9 });
    expect(answer.body.refunds[0].source.type).toBe("admin");
  });

  it("can skip the notification, and validates the status", async () => {
    const pref = await createPreference(emu, { notification_url: `${receiver.url}/hook` });
    const payment = await payWith(emu, pref.id, "CONT");
    await call(emu, "POST", `/__emulator/payments/${payment.id}/status`, { status: "approved", notify: false });
    await emu.notificationsSettled();
    expect(emu.state.notifications).toHaveLength(1);
    expect((await call(emu, "POST", `/__emulator/payments/${payment.id}/status`, { status: "paid" })).status).toBe(400);
    expect((await call(emu, "POST", "/__emulator/payments/1/status", { status: "approved" })).status).toBe(404);
  });
});

describe("inspection and reset", () => {
  it("logs received API calls with their idempotency key", async () => {
    await call(emu, "POST", "/checkout/preferences/", { items: [] }, { "x-idempotency-key": "k-1" });
    await call(emu, "GET", "/v1/payments/search?status=approved");
    const log = (await call(emu, "GET", "/__emulator/requests")).body;
    expect(log).toMatchObject([
      { method: "POST", path: "/checkout/preferences", status: 400, idempotencyKey: "k-1", replayed: false },
      { method: "GET", path: "/v1/payments/search", query: "status=approved", status: 200, idempotencyKey: null },
    ]);
  });

  it("dumps the state and lists preferences and payments", async () => {
    const pref = await createPreference(emu);
    const payment = await payWith(emu, pref.id);
    await call(emu, "POST", `/v1/payments/${payment.id}/refunds`, { amount: 5 }, { "x-idempotency-key": "r" });
    const state = (await call(emu, "GET", "/__emulator/state")).body;
    expect(state.preferences.map((p: { id: string }) => p.id)).toEqual([pref.id]);
    expect(state.payments.map((p: { id: number }) => p.id)).toEqual([payment.id]);
    expect(state.refunds).toHaveLength(1);
    expect(state.merchantOrders).toHaveLength(1);
    expect((await call(emu, "GET", "/__emulator/preferences")).body).toHaveLength(1);
    expect((await call(emu, "GET", "/__emulator/payments")).body[0].transaction_amount_refunded).toBe(5);
  });

  it("resets everything", async () => {
    const pref = await createPreference(emu);
    await payWith(emu, pref.id);
    expect((await call(emu, "POST", "/__emulator/reset")).body).toEqual({ reset: true });
    const state = (await call(emu, "GET", "/__emulator/state")).body;
    expect([state.preferences, state.payments, state.notifications, state.requests]).toEqual([[], [], [], []]);
    expect((await call(emu, "GET", `/checkout/preferences/${pref.id}`)).status).toBe(404);
  });

  it("cancels pending retries and un-pauses notifications on reset", async () => {
    const patient = await startTestEmulator({ notificationRetryDelaysMs: [60_000] });
    try {
      receiver.replies.push(500);
      const pref = await createPreference(patient, { notification_url: `${receiver.url}/hook` });
      await payWith(patient, pref.id);
      await receiver.waitFor(1);
      await vi.waitFor(() => expect(patient.state.notifications[0]?.state).toBe("scheduled"));
      await call(patient, "POST", "/__emulator/notifications/pause");
      await call(patient, "POST", "/__emulator/reset");
      await patient.notificationsSettled();
      expect((await call(patient, "GET", "/__emulator/state")).body.notificationsPaused).toBe(false);
      expect(receiver.received).toHaveLength(1);
    } finally {
      await patient.close();
    }
  });

  it("exposes the configuration without secrets", async () => {
    const config = (await call(emu, "GET", "/__emulator/config")).body;
    expect(config).toMatchObject({ url: emu.url, userId: emu.userId, siteId: "MLB" });
    expect(JSON.stringify(config)).not.toContain(emu.accessToken);
    expect(JSON.stringify(config)).not.toContain(emu.webhookSecret);
  });

  it("needs no access token, and is not logged as an API call", async () => {
    expect((await call(emu, "GET", "/__emulator/state", undefined, { authorization: "" })).status).toBe(200);
    expect((await fetch(`${emu.url}/favicon.ico`)).status).toBe(404);
    expect(emu.state.requests).toEqual([]);
  });
});

describe("admin page", () => {
  it("lists preferences, payments, refunds and each notification delivery's answer", async () => {
    receiver.replies.push(500);
    const pref = await createPreference(emu, { notification_url: `${receiver.url}/hook` });
    const payment = await payWith(emu, pref.id);
    await call(emu, "POST", `/v1/payments/${payment.id}/refunds`, { amount: 10 }, { "x-idempotency-key": "admin-r" });
    await receiver.waitFor(3);
    await emu.notificationsSettled();
    const response = await fetch(`${emu.url}/__emulator`);
    const html = await response.text();
    expect(response.headers.get("content-type")).toContain("text/html");
    expect(html).toContain("Emulador do Mercado Pago");
    expect(html).toContain(pref.id);
    expect(html).toContain(String(payment.id));
    expect(html).toContain("R$ 10,00");
    expect(html).toContain("HTTP 500");
    expect(html).toContain("HTTP 200");
    expect(html).toContain(`/__emulator/payments/${payment.id}`);
    expect((await call(emu, "GET", `/__emulator/payments/${payment.id}`, undefined, { authorization: "" })).body.id).toBe(payment.id);
    expect((await fetch(`${emu.url}/`, { redirect: "manual" })).headers.get("location")).toBe("/__emulator");
  });

  it("the reset button sends the person back to the page", async () => {
    const response = await fetch(`${emu.url}/__emulator/reset`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "",
      redirect: "manual",
    });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/__emulator");
  });
});
