/**
 * The official `mercadopago` SDK (v3.6.1) against the emulator, unchanged apart from the base URL
 * (mercadopago.md §6: `Object.assign(AppConfig, { BASE_URL })`).
 */
import MercadoPagoConfig, {
  MercadoPagoError,
  MerchantOrder,
  MPAuthenticationError,
  MPBadRequestError,
  MPIdempotencyError,
  MPNotFoundError,
  Payment,
  PaymentRefund,
  Preference,
} from "mercadopago";
import { AppConfig } from "mercadopago/dist/utils/config";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { MercadoPagoEmulator } from "./index";
import { call, payWith, startTestEmulator } from "./test-helpers";

let emu: MercadoPagoEmulator;
const originalBaseUrl = AppConfig.BASE_URL;

/** A fresh config per use: the SDK merges request options into its config permanently. */
const config = (accessToken = emu.accessToken, options: Record<string, unknown> = {}) =>
  new MercadoPagoConfig({ accessToken, options: { maxRetries: 0, timeout: 5_000, ...options } });

const body = {
  items: [{ id: "board-62", title: "Prancha 6'2 Epoxy", quantity: 2, unit_price: 99.95, currency_id: "BRL" }],
  external_reference: "sdk-order-1",
  back_urls: { success: "https://shop.test/ok", failure: "https://shop.test/fail", pending: "https://shop.test/wait" },
  auto_return: "approved",
  notification_url: "https://shop.test/api/webhooks/mercadopago",
  metadata: { order_id: 1 },
};

beforeAll(async () => {
  emu = await startTestEmulator();
  Object.assign(AppConfig, { BASE_URL: emu.url });
});
afterAll(async () => {
  Object.assign(AppConfig, { BASE_URL: originalBaseUrl });
  await emu.close();
});
beforeEach(() => emu.reset());

describe("Preference client", () => {
  it("creates, reads, updates and searches preferences", async () => {
    const created = await new Preference(config()).create({ body });
    expect(created.api_response.status).toBe(201);
    expect(created.id).toMatch(new RegExp(`^${emu.userId}-`));
    expect(created.init_point).toContain(`pref_id=${created.id}`);
    expect(created.items?.[0]).toMatchObject({ title: "Prancha 6'2 Epoxy", unit_price: 99.95 });

    const read = await new Preference(config()).get({ preferenceId: created.id! });
    expect(read).toMatchObject({ id: created.id, external_reference: "sdk-order-1", auto_return: "approved" });

    const updated = await new Preference(config()).update({ id: created.id!, updatePreferenceRequest: { ...body, external_reference: "sdk-order-2" } });
    expect(updated.external_reference).toBe("sdk-order-2");

    const found = await new Preference(config()).search({ options: { external_reference: "sdk-order-2" } });
    expect(found.total).toBe(1);
    expect(found.elements?.[0].id).toBe(created.id);
  });

  it("surfaces validation errors as MPBadRequestError with Mercado Pago's error key", async () => {
    const error = await new Preference(config()).create({ body: { ...body, back_urls: undefined } }).catch((e) => e);
    expect(error).toBeInstanceOf(MPBadRequestError);
    expect(error).toBeInstanceOf(MercadoPagoError);
    expect(error).toMatchObject({ status: 400, error: "invalid_auto_return", message: "auto_return invalid. back_url.success must be defined" });
  });

  it("surfaces a wrong access token as MPAuthenticationError", async () => {
    const error = await new Preference(config("APP_USR-wrong")).create({ body }).catch((e) => e);
    expect(error).toBeInstanceOf(MPAuthenticationError);
    expect(error.status).toBe(401);
  });
});

describe("Payment client", () => {
  it("reads, searches (paged and searchAll) and cancels payments", async () => {
    const pref = await new Preference(config()).create({ body });
    const approved = await payWith(emu, pref.id!, "APRO");
    const pix = await payWith(emu, pref.id!, "", { paymentMethodId: "pix" });

    const payment = await new Payment(config()).get({ id: approved.id });
    expect(payment).toMatchObject({ id: approved.id, status: "approved", status_detail: "accredited", transaction_amount: 199.9, external_reference: "sdk-order-1", metadata: { order_id: 1 } });

    const search = await new Payment(config()).search({ options: { external_reference: "sdk-order-1", sort: "date_created", criteria: "desc" } });
    expect(search.paging).toEqual({ total: 2, limit: 30, offset: 0 });
    expect(search.results?.map((p) => p.id)).toEqual([pix.id, approved.id]);

    const all: number[] = [];
    for await (const p of new Payment(config()).searchAll({ options: { status: "approved" } })) all.push(Number(p.id));
    expect(all).toEqual([approved.id]);

    const cancelled = await new Payment(config()).cancel({ id: pix.id });
    expect(cancelled).toMatchObject({ status: "cancelled", status_detail: "by_collector" });
  });

  it("surfaces an unknown payment as MPNotFoundError with cause 2000", async () => {
    const error = await new Payment(config()).get({ id: 42 }).catch((e) => e);
    expect(error).toBeInstanceOf(MPNotFoundError);
    expect(error).toMatchObject({ status: 404, error: "not_found" });
    expect(error.causes[0].code).toBe(2000);
  });

  it("retries a failing API call (fault injection) and succeeds with the same idempotency key", async () => {
    await call(emu, "POST", "/__emulator/faults", { count: 2, status: 503, path: "/checkout/preferences" });
    const retries: number[] = [];
    const created = await new Preference(config(emu.accessToken, { maxRetries: 3, initialDelay: 1, maxDelay: 5, onRetry: (n: number) => retries.push(n) })).create({ body });
    expect(created.id).toBeDefined();
    expect(retries).toEqual([1, 2]);
    const log = (await call(emu, "GET", "/__emulator/requests")).body as { status: number; idempotencyKey: string }[];
    expect(log.map((r) => r.status)).toEqual([503, 503, 201]);
    expect(new Set(log.map((r) => r.idempotencyKey)).size).toBe(1);
  });

  it("times out on a slowed-down API", async () => {
    await call(emu, "POST", "/__emulator/faults", { delayMs: 300 });
    const error = await new Payment(config(emu.accessToken, { timeout: 50 })).search({ options: {} }).catch((e) => e);
    expect(error).toBeInstanceOf(MercadoPagoError);
    expect(error.error).toBe("connection_error");
  });
});

describe("PaymentRefund and MerchantOrder clients", () => {
  it("refunds partially and totally, lists and reads refunds", async () => {
    const pref = await new Preference(config()).create({ body });
    const payment = await payWith(emu, pref.id!, "APRO");
    const partial = await new PaymentRefund(config()).create({ payment_id: payment.id, body: { amount: 50.5 } });
    expect(partial).toMatchObject({ payment_id: payment.id, amount: 50.5, status: "approved" });
    const total = await new PaymentRefund(config()).total({ payment_id: payment.id });
    expect(total.amount).toBe(149.4);
    const list = await new PaymentRefund(config()).list({ payment_id: payment.id });
    expect(list.map((r) => r.id)).toEqual([partial.id, total.id]);
    const one = await new PaymentRefund(config()).get({ payment_id: payment.id, refund_id: partial.id! });
    expect(one.amount).toBe(50.5);
    const after = await new Payment(config()).get({ id: payment.id });
    expect(after).toMatchObject({ status: "refunded", transaction_amount_refunded: 199.9 });
    const order = await new MerchantOrder(config()).get({ merchantOrderId: after.order!.id! });
    expect(order).toMatchObject({ preference_id: pref.id, order_status: "reverted", refunded_amount: 199.9 });
  });

  it("refuses a refund above what remains (MPBadRequestError)", async () => {
    const pref = await new Preference(config()).create({ body });
    const payment = await payWith(emu, pref.id!, "APRO");
    const error = await new PaymentRefund(config()).create({ payment_id: payment.id, body: { amount: 500 } }).catch((e) => e);
    expect(error).toBeInstanceOf(MPBadRequestError);
  });

  it("maps a reused idempotency key with another body to MPIdempotencyError", async () => {
    const pref = await new Preference(config()).create({ body });
    const payment = await payWith(emu, pref.id!, "APRO");
    const requestOptions = { idempotencyKey: "refund-order-1" };
    await new PaymentRefund(config()).create({ payment_id: payment.id, body: { amount: 1 }, requestOptions });
    const replay = await new PaymentRefund(config()).create({ payment_id: payment.id, body: { amount: 1 }, requestOptions });
    expect(replay.amount).toBe(1);
    const error = await new PaymentRefund(config()).create({ payment_id: payment.id, body: { amount: 2 }, requestOptions }).catch((e) => e);
    expect(error).toBeInstanceOf(MPIdempotencyError);
    expect((await new Payment(config()).get({ id: payment.id })).transaction_amount_refunded).toBe(1);
  });
});
