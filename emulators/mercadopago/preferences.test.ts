/** `POST/GET/PUT /checkout/preferences` and `GET /checkout/preferences/search`. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { MercadoPagoEmulator } from "./index";
import { call, createPreference, payWith, preferenceBody, startTestEmulator } from "./test-helpers";

let emu: MercadoPagoEmulator;

beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(() => emu.close());
beforeEach(() => emu.reset());

const MP_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}-04:00$/;

describe("POST /checkout/preferences", () => {
  it("answers 201 with the documented fields", async () => {
    const body = preferenceBody({
      payer: { email: "buyer@example.com", name: "Ana" },
      back_urls: { success: "https://shop.test/ok", pending: "https://shop.test/wait", failure: "https://shop.test/fail" },
      auto_return: "approved",
      notification_url: "https://shop.test/api/webhooks/mercadopago",
      statement_descriptor: "ONLYWAVE",
      metadata: { order_id: 42 },
      binary_mode: true,
      payment_methods: { installments: 6, excluded_payment_types: [{ id: "ticket" }] },
    });
    const answer = await call(emu, "POST", "/checkout/preferences", body);
    expect(answer.status).toBe(201);
    const pref = answer.body;
    expect(pref.id).toMatch(new RegExp(`^${emu.userId}-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`));
    expect(pref.init_point).toBe(`${emu.url}/checkout/v1/redirect?pref_id=${pref.id}`);
    expect(pref.sandbox_init_point).toBe(pref.init_point);
    expect(pref).toMatchObject({
      collector_id: emu.userId,
      client_id: "1234567890123456",
      site_id: "MLB",
      operation_type: "regular_payment",
      marketplace: "NONE",
      auto_return: "approved",
      back_urls: body.back_urls,
      notification_url: body.notification_url,
      external_reference: "order-123",
      statement_descriptor: "ONLYWAVE",
      metadata: { order_id: 42 },
      binary_mode: true,
      expires: false,
      expiration_date_from: null,
      expiration_date_to: null,
      payer: { email: "buyer@example.com", name: "Ana", surname: "" },
      payment_methods: { installments: 6, excluded_payment_types: [{ id: "ticket" }], excluded_payment_methods: [] },
      items: [{ id: "board-62", title: "Prancha 6'2 Epoxy", quantity: 1, unit_price: 199.9, currency_id: "BRL", description: "" }],
    });
    expect(pref.date_created).toMatch(MP_DATE);
  });

  it("fills Mercado Pago's defaults for absent fields", async () => {
    const pref = await createPreference(emu, { external_reference: undefined });
    expect(pref).toMatchObject({
      auto_return: "",
      back_urls: { success: "", pending: "", failure: "" },
      external_reference: "",
      notification_url: null,
      binary_mode: false,
      metadata: {},
      statement_descriptor: null,
    });
  });

  it("accepts the documented limits exactly", async () => {
    const url = `https://shop.test/${"a".repeat(248 - "https://shop.test/".length)}`;
    expect(url).toHaveLength(248);
    const answer = await call(emu, "POST", "/checkout/preferences", preferenceBody({
      external_reference: `${"A1_-".repeat(16)}`,
      notification_url: url,
      statement_descriptor: "X".repeat(16),
      payment_methods: { installments: 36, default_installments: 36 },
    }));
    expect(answer.status).toBe(201);
  });

  const item = { title: "Prancha", quantity: 1, unit_price: 10, currency_id: "BRL" };
  const INVALID: [string, Record<string, unknown>, string][] = [
    ["no items", { items: undefined }, "invalid_items"],
    ["empty items", { items: [] }, "invalid_items"],
    ["item without title", { items: [{ ...item, title: "" }] }, "invalid_items"],
    ["quantity 0", { items: [{ ...item, quantity: 0 }] }, "invalid_items"],
    ["fractional quantity", { items: [{ ...item, quantity: 1.5 }] }, "invalid_items"],
    ["missing unit_price", { items: [{ ...item, unit_price: undefined }] }, "invalid_items"],
    ["negative unit_price", { items: [{ ...item, unit_price: -1 }] }, "invalid_items"],
    ["string unit_price", { items: [{ ...item, unit_price: "10" }] }, "invalid_items"],
    ["unit_price with 3 decimals", { items: [{ ...item, unit_price: 10.001 }] }, "invalid_items"],
    ["missing currency_id", { items: [{ ...item, currency_id: undefined }] }, "invalid_items"],
    ["unknown currency_id", { items: [{ ...item, currency_id: "XYZ" }] }, "invalid_items"],
    ["currency of another site", { items: [{ ...item, currency_id: "ARS" }] }, "invalid_items"],
    ["auto_return without back_urls", { auto_return: "approved" }, "invalid_auto_return"],
    ["auto_return without success", { auto_return: "all", back_urls: { failure: "https://shop.test/f" } }, "invalid_auto_return"],
    ["unknown auto_return", { auto_return: "always", back_urls: { success: "https://shop.test/ok" } }, "invalid_auto_return"],
    ["back_url not a URL", { back_urls: { success: "not a url" } }, "invalid_back_urls"],
    ["back_urls not an object", { back_urls: "https://shop.test" }, "invalid_back_urls"],
    ["notification_url over 248 chars", { notification_url: `https://shop.test/${"a".repeat(231)}` }, "invalid_notification_url"],
    ["notification_url not a URL", { notification_url: "shop.test/hook" }, "invalid_notification_url"],
    ["external_reference over 64 chars", { external_reference: "a".repeat(65) }, "invalid_external_reference"],
    ["external_reference with a space", { external_reference: "order 1" }, "invalid_external_reference"],
    ["external_reference not a string", { external_reference: 123 }, "invalid_external_reference"],
    ["statement_descriptor over 16 chars", { statement_descriptor: "X".repeat(17) }, "invalid_statement_descriptor"],
    ["expiration_date_to before from", { expires: true, expiration_date_from: "2030-01-02T00:00:00.000-03:00", expiration_date_to: "2030-01-01T00:00:00.000-03:00" }, "invalid_expiration_date_to"],
    ["bad expiration_date_from", { expires: true, expiration_date_from: "tomorrow" }, "invalid_expiration_date_from"],
    ["bad expiration_date_to", { expires: true, expiration_date_to: "2030-13-45" }, "invalid_expiration_date_to"],
    ["bad date_of_expiration", { date_of_expiration: "soon" }, "invalid_date"],
    ["binary_mode not boolean", { binary_mode: "yes" }, "invalid_binary_mode"],
    ["installments 0", { payment_methods: { installments: 0 } }, "invalid_payment_methods"],
    ["installments 37", { payment_methods: { installments: 37 } }, "invalid_payment_methods"],
    ["default over max installments", { payment_methods: { installments: 3, default_installments: 4 } }, "invalid_payment_methods"],
    ["excluding account_money", { payment_methods: { excluded_payment_methods: [{ id: "account_money" }] } }, "invalid_payment_methods"],
    ["unknown payment type", { payment_methods: { excluded_payment_types: [{ id: "barter" }] } }, "invalid_payment_methods"],
    ["metadata array", { metadata: [1] }, "invalid_metadata"],
    ["negative marketplace_fee", { marketplace_fee: -1 }, "invalid_marketplace_fee"],
    ["unknown operation_type", { operation_type: "gift" }, "invalid_operation_type"],
    ["negative shipment cost", { shipments: { cost: -5 } }, "invalid_shipments"],
    ["bad payer e-mail", { payer: { email: "nope" } }, "invalid_payer"],
  ];

  it.each(INVALID)("rejects %s with 400 %s", async (_name, overrides, error) => {
    const answer = await call(emu, "POST", "/checkout/preferences", preferenceBody(overrides));
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error, status: 400, message: expect.any(String), cause: [] });
    expect(emu.state.preferences.size).toBe(0);
  });

  it("uses Mercado Pago's message for auto_return without back_urls.success", async () => {
    const answer = await call(emu, "POST", "/checkout/preferences", preferenceBody({ auto_return: "approved" }));
    expect(answer.body.message).toBe("auto_return invalid. back_url.success must be defined");
  });

  it("rejects a body that is not an object", async () => {
    expect((await call(emu, "POST", "/checkout/preferences", [1, 2])).status).toBe(400);
    expect((await call(emu, "POST", "/checkout/preferences", "")).body.error).toBe("invalid_items");
  });

  it("sums items in integer cents (no float drift) and adds the shipment cost", async () => {
    const pref = await createPreference(emu, {
      items: [
        { title: "Parafina", quantity: 3, unit_price: 0.1, currency_id: "BRL" },
        { title: "Deck", quantity: 1, unit_price: 0.2, currency_id: "BRL" },
        { title: "Leash", quantity: 3, unit_price: 19.99, currency_id: "BRL" },
      ],
      shipments: { mode: "custom", cost: 15.5 },
    });
    const payment = await payWith(emu, pref.id);
    expect(payment.transaction_amount).toBe(75.97);
  });
});

describe("GET /checkout/preferences/{id}", () => {
  it("returns the stored preference", async () => {
    const pref = await createPreference(emu);
    const answer = await call(emu, "GET", `/checkout/preferences/${pref.id}`);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual(pref);
  });

  it("answers 404 for an unknown id", async () => {
    const answer = await call(emu, "GET", `/checkout/preferences/${emu.userId}-00000000-0000-0000-0000-000000000000`);
    expect(answer.status).toBe(404);
    expect(answer.body).toMatchObject({ status: 404, message: "preference_id not found" });
  });
});

describe("PUT /checkout/preferences/{id}", () => {
  it("updates fields, keeps the id, validates again", async () => {
    const pref = await createPreference(emu);
    const updated = await call(emu, "PUT", `/checkout/preferences/${pref.id}`, { external_reference: "order-456", back_urls: { success: "https://shop.test/ok" } });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ id: pref.id, external_reference: "order-456", date_created: pref.date_created, items: pref.items });
    expect(updated.body.last_updated).toMatch(MP_DATE);
    const invalid = await call(emu, "PUT", `/checkout/preferences/${pref.id}`, { auto_return: "approved", back_urls: {} });
    expect(invalid.status).toBe(400);
    expect((await call(emu, "GET", `/checkout/preferences/${pref.id}`)).body.external_reference).toBe("order-456");
    expect((await call(emu, "PUT", "/checkout/preferences/unknown", {})).status).toBe(404);
  });
});

describe("GET /checkout/preferences/search", () => {
  it("filters by external_reference and pages with elements/next_offset/total", async () => {
    await createPreference(emu, { external_reference: "a" });
    const b1 = await createPreference(emu, { external_reference: "b" });
    const b2 = await createPreference(emu, { external_reference: "b" });
    const all = await call(emu, "GET", "/checkout/preferences/search?external_reference=b");
    expect(all.body.total).toBe(2);
    expect(all.body.elements.map((e: { id: string }) => e.id)).toEqual([b2.id, b1.id]);
    expect(all.body.elements[0]).toMatchObject({ external_reference: "b", items: ["Prancha 6'2 Epoxy"], site_id: "MLB" });
    const page = await call(emu, "GET", "/checkout/preferences/search?limit=1&offset=1");
    expect(page.body).toMatchObject({ total: 3, next_offset: 2 });
    expect(page.body.elements).toHaveLength(1);
  });
});
