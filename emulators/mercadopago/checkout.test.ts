/** The hosted checkout page at init_point, exercised over HTTP like a browser (form posts, redirects). */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { MercadoPagoEmulator } from "./index";
import { call, createPreference, type Receiver, startReceiver, startTestEmulator, submitCheckout } from "./test-helpers";

let emu: MercadoPagoEmulator;
let receiver: Receiver;

const BACK = { success: "https://shop.test/checkout/ok?order=7", pending: "https://shop.test/checkout/wait", failure: "https://shop.test/checkout/fail" };

beforeAll(async () => {
  receiver = await startReceiver();
  emu = await startTestEmulator();
});
afterAll(async () => {
  await emu.close();
  await receiver.close();
});
beforeEach(() => emu.reset());

async function openPage(initPoint: string) {
  const response = await fetch(initPoint);
  return { status: response.status, html: await response.text() };
}

function payFields(prefId: string, name: string, extra: Record<string, string> = {}) {
  return { pref_id: prefId, payment_method_id: "master", cardholder_name: name, card_number: "5031 4332 1540 6351", identification_number: "12345678909", email: "buyer@example.com", installments: "1", ...extra };
}

describe("checkout page", () => {
  it("shows the items, the pt-BR total, the labelled fields, the test names and a Pagar button", async () => {
    const pref = await createPreference(emu, {
      items: [
        { title: "Prancha 6'2 Epoxy", quantity: 1, unit_price: 150, currency_id: "BRL" },
        { title: "Quilha <FCS>", quantity: 2, unit_price: 24.95, currency_id: "BRL" },
      ],
    });
    const page = await openPage(pref.init_point);
    expect(page.status).toBe(200);
    expect(page.html).toContain('<html lang="pt-BR">');
    expect(page.html).toContain("Prancha 6&#39;2 Epoxy × 1");
    expect(page.html).toContain("Quilha &lt;FCS&gt; × 2");
    expect(page.html).toContain("R$ 49,90");
    expect(page.html).toContain('<strong data-testid="total">R$ 199,90</strong>');
    expect(page.html).toMatch(/<label for="cardholder_name">Nome do titular<\/label>/);
    expect(page.html).toContain('<button type="submit">Pagar</button>');
    for (const name of ["APRO", "OTHE", "CONT", "CALL", "FUND", "SECU", "EXPI", "FORM"]) expect(page.html).toContain(`<code>${name}</code>`);
    expect(page.html).toContain(`/checkout/v1/cancel?pref_id=${encodeURIComponent(pref.id)}`);
    expect(page.html).toContain("Voltar para a loja");
  });

  it("answers 404 for an unknown preference", async () => {
    expect((await openPage(`${emu.url}/checkout/v1/redirect?pref_id=nope`)).status).toBe(404);
  });

  it("hides excluded payment types and pending methods under binary_mode", async () => {
    const noCards = await createPreference(emu, { payment_methods: { excluded_payment_types: [{ id: "credit_card" }] } });
    const html = (await openPage(noCards.init_point)).html;
    expect(html).not.toContain('value="master"');
    expect(html).toContain('value="pix"');
    const binary = await createPreference(emu, { binary_mode: true });
    const binaryHtml = (await openPage(binary.init_point)).html;
    expect(binaryHtml).toContain('value="master"');
    expect(binaryHtml).not.toContain('value="pix"');
    expect(binaryHtml).not.toContain('value="bolbradesco"');
  });
});

describe("paying on the page", () => {
  it("APRO with auto_return=approved redirects at once to back_urls.success with MP's parameters", async () => {
    const pref = await createPreference(emu, { back_urls: BACK, auto_return: "approved" });
    const answer = await submitCheckout(emu, payFields(pref.id, "APRO"));
    expect(answer.status).toBe(303);
    const target = new URL(answer.location!);
    expect(`${target.origin}${target.pathname}`).toBe("https://shop.test/checkout/ok");
    const q = Object.fromEntries(target.searchParams);
    const payment = (await call(emu, "GET", `/v1/payments/${q.payment_id}`)).body;
    expect(q).toEqual({
      order: "7",
      collection_id: String(payment.id),
      collection_status: "approved",
      payment_id: String(payment.id),
      status: "approved",
      external_reference: "order-123",
      payment_type: "credit_card",
      merchant_order_id: payment.order.id,
      preference_id: pref.id,
      site_id: "MLB",
      processing_mode: "aggregator",
      merchant_account_id: "null",
    });
    expect(payment).toMatchObject({ status: "approved", status_detail: "accredited", transaction_amount: 199.9, payment_method_id: "master" });
    expect(payment.card).toMatchObject({ first_six_digits: "503143", last_four_digits: "6351", cardholder: { name: "APRO" } });
  });

  it("without auto_return shows a result page whose 'Voltar para o site' link carries the same parameters", async () => {
    const pref = await createPreference(emu, { back_urls: BACK });
    const answer = await submitCheckout(emu, payFields(pref.id, "APRO"));
    expect(answer.status).toBe(303);
    expect(answer.location).toMatch(/^\/checkout\/v1\/result\?payment_id=\d+$/);
    const result = await fetch(`${emu.url}${answer.location}`);
    const html = await result.text();
    expect(html).toContain("Voltar para o site");
    const href = /<a class="button" href="([^"]+)">Voltar para o site/.exec(html)![1].replace(/&amp;/g, "&");
    const link = new URL(href);
    expect(link.searchParams.get("status")).toBe("approved");
    expect(link.searchParams.get("payment_id")).toBe(answer.location!.split("=")[1]);
    expect(html).not.toContain("http-equiv=\"refresh\"");
  });

  it("auto_return waits autoReturnDelayMs on the result page (meta refresh)", async () => {
    const slow = await startTestEmulator({ autoReturnDelayMs: 3000 });
    try {
      const pref = await createPreference(slow, { back_urls: BACK, auto_return: "approved" });
      const answer = await submitCheckout(slow, payFields(pref.id, "APRO"));
      expect(answer.location).toMatch(/^\/checkout\/v1\/result/);
      const html = await (await fetch(`${slow.url}${answer.location}`)).text();
      expect(html).toMatch(/<meta http-equiv="refresh" content="3;url=https:\/\/shop\.test\/checkout\/ok\?order=7&amp;collection_id=/);
    } finally {
      await slow.close();
    }
  });

  it.each([
    ["OTHE", "rejected", "cc_rejected_other_reason", "failure"],
    ["CALL", "rejected", "cc_rejected_call_for_authorize", "failure"],
    ["FUND", "rejected", "cc_rejected_insufficient_amount", "failure"],
    ["SECU", "rejected", "cc_rejected_bad_filled_security_code", "failure"],
    ["EXPI", "rejected", "cc_rejected_bad_filled_date", "failure"],
    ["FORM", "rejected", "cc_rejected_bad_filled_other", "failure"],
    ["CONT", "in_process", "pending_contingency", "pending"],
  ])("%s → %s/%s, and auto_return=all sends the buyer to back_urls.%s", async (name, status, detail, key) => {
    const pref = await createPreference(emu, { back_urls: BACK, auto_return: "all" });
    const answer = await submitCheckout(emu, payFields(pref.id, name));
    expect(answer.status).toBe(303);
    const target = new URL(answer.location!);
    expect(target.pathname).toBe(new URL(BACK[key as keyof typeof BACK]).pathname);
    expect(target.searchParams.get("status")).toBe(status);
    expect(target.searchParams.get("collection_status")).toBe(status);
    const payment = (await call(emu, "GET", `/v1/payments/${target.searchParams.get("payment_id")}`)).body;
    expect(payment).toMatchObject({ status, status_detail: detail });
  });

  it("auto_return=approved does not redirect a rejected payment; the result page offers retry and the failure link", async () => {
    const pref = await createPreference(emu, { back_urls: BACK, auto_return: "approved" });
    const answer = await submitCheckout(emu, payFields(pref.id, "OTHE"));
    expect(answer.location).toMatch(/^\/checkout\/v1\/result/);
    const html = await (await fetch(`${emu.url}${answer.location}`)).text();
    expect(html).toContain("Seu pagamento foi recusado");
    expect(html).toContain("Tentar novamente");
    expect(html).toContain("https://shop.test/checkout/fail?collection_id=");
    // Retrying creates a second payment on the same preference and merchant order.
    const retry = await submitCheckout(emu, payFields(pref.id, "APRO"));
    const payments = (await call(emu, "GET", "/v1/payments/search?external_reference=order-123")).body.results;
    expect(payments.map((p: { status: string }) => p.status)).toEqual(["rejected", "approved"]);
    expect(payments[0].order.id).toBe(payments[1].order.id);
    expect(new URL(retry.location!).searchParams.get("status")).toBe("approved");
  });

  it("binary_mode turns CONT into a rejection", async () => {
    const pref = await createPreference(emu, { binary_mode: true, back_urls: BACK, auto_return: "all" });
    const answer = await submitCheckout(emu, payFields(pref.id, "CONT"));
    expect(new URL(answer.location!).searchParams.get("status")).toBe("rejected");
  });

  it("Pix leaves the payment pending and goes to back_urls.pending", async () => {
    const pref = await createPreference(emu, { back_urls: BACK, auto_return: "all" });
    const answer = await submitCheckout(emu, payFields(pref.id, "", { payment_method_id: "pix" }));
    const target = new URL(answer.location!);
    expect(target.pathname).toBe("/checkout/wait");
    expect(target.searchParams.get("payment_type")).toBe("bank_transfer");
    const payment = (await call(emu, "GET", `/v1/payments/${target.searchParams.get("payment_id")}`)).body;
    expect(payment).toMatchObject({ status: "pending", status_detail: "pending_waiting_transfer", payment_method_id: "pix", card: {} });
  });

  it("re-renders the form with an error for an unknown cardholder name, creating nothing", async () => {
    const pref = await createPreference(emu, { back_urls: BACK });
    const answer = await submitCheckout(emu, payFields(pref.id, "João Silva"));
    expect(answer.status).toBe(400);
    expect(answer.html).toContain('role="alert"');
    expect(answer.html).toContain("Nome do titular inválido");
    expect(answer.html).toContain('value="João Silva"');
    expect(emu.state.payments.size).toBe(0);
  });

  it("refuses a payment method excluded by the preference", async () => {
    const pref = await createPreference(emu, { payment_methods: { excluded_payment_methods: [{ id: "visa" }] } });
    const answer = await submitCheckout(emu, payFields(pref.id, "APRO", { payment_method_id: "visa" }));
    expect(answer.status).toBe(400);
    expect(emu.state.payments.size).toBe(0);
  });

  it("notifies notification_url when the page creates a payment", async () => {
    const pref = await createPreference(emu, { notification_url: `${receiver.url}/hook` });
    const before = receiver.received.length;
    const answer = await submitCheckout(emu, payFields(pref.id, "APRO"));
    const id = new URL(`${emu.url}${answer.location}`).searchParams.get("payment_id");
    const requests = await receiver.waitFor(before + 1);
    const last = requests[requests.length - 1];
    expect(last.url.searchParams.get("data.id")).toBe(id);
    expect(last.body).toMatchObject({ action: "payment.created", type: "payment", data: { id } });
  });
});

describe("expiry", () => {
  it("refuses an expired preference on the page and on submit", async () => {
    const pref = await createPreference(emu, { back_urls: BACK, expires: true, expiration_date_to: new Date(Date.now() - 60_000).toISOString() });
    const page = await openPage(pref.init_point);
    expect(page.status).toBe(410);
    expect(page.html).toContain("Este link de pagamento expirou.");
    expect(page.html).not.toContain("<form");
    const answer = await submitCheckout(emu, payFields(pref.id, "APRO"));
    expect(answer.status).toBe(410);
    expect(emu.state.payments.size).toBe(0);
  });

  it("refuses a preference that is not valid yet, and accepts one inside its window", async () => {
    const future = await createPreference(emu, { expires: true, expiration_date_from: new Date(Date.now() + 3_600_000).toISOString() });
    expect((await openPage(future.init_point)).status).toBe(410);
    const open = await createPreference(emu, {
      expires: true,
      expiration_date_from: new Date(Date.now() - 60_000).toISOString(),
      expiration_date_to: new Date(Date.now() + 3_600_000).toISOString(),
    });
    expect((await openPage(open.init_point)).status).toBe(200);
  });

  it("ignores expiration dates when expires is false", async () => {
    const pref = await createPreference(emu, { expires: false, expiration_date_to: new Date(Date.now() - 60_000).toISOString() });
    expect((await openPage(pref.init_point)).status).toBe(200);
  });
});

describe("leaving the checkout", () => {
  it("'Voltar para a loja' goes to back_urls.failure with null payment data", async () => {
    const pref = await createPreference(emu, { back_urls: BACK });
    const response = await fetch(`${emu.url}/checkout/v1/cancel?pref_id=${encodeURIComponent(pref.id)}`, { redirect: "manual" });
    expect(response.status).toBe(302);
    const target = new URL(response.headers.get("location")!);
    expect(target.pathname).toBe("/checkout/fail");
    expect(Object.fromEntries(target.searchParams)).toEqual({
      collection_id: "null",
      collection_status: "null",
      payment_id: "null",
      status: "null",
      external_reference: "order-123",
      payment_type: "null",
      merchant_order_id: "null",
      preference_id: pref.id,
      site_id: "MLB",
      processing_mode: "aggregator",
      merchant_account_id: "null",
    });
    expect(emu.state.payments.size).toBe(0);
  });

  it("falls back to back_urls.pending, and shows a page when there is no back URL", async () => {
    const pending = await createPreference(emu, { back_urls: { pending: "https://shop.test/wait" }, external_reference: undefined });
    const response = await fetch(`${emu.url}/checkout/v1/cancel?pref_id=${encodeURIComponent(pending.id)}`, { redirect: "manual" });
    const target = new URL(response.headers.get("location")!);
    expect(target.pathname).toBe("/wait");
    expect(target.searchParams.get("external_reference")).toBe("null");
    const none = await createPreference(emu);
    const page = await fetch(`${emu.url}/checkout/v1/cancel?pref_id=${encodeURIComponent(none.id)}`, { redirect: "manual" });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Você saiu do pagamento");
  });
});
