/**
 * The Mercado Pago emulator's hosted checkout in a real browser. Self-contained: it starts the
 * emulator in-process and a tiny local server standing in for the shop (back URLs + webhook),
 * so it does not need the app.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { type MercadoPagoEmulator, startMercadoPagoEmulator } from "../emulators/mercadopago/index";

interface Webhook {
  query: URLSearchParams;
  body: { action: string; data: { id: string } };
}

let emulator: MercadoPagoEmulator;
let shop: Server;
let shopUrl = "";
const webhooks: Webhook[] = [];

test.beforeAll(async () => {
  shop = createServer((req, res) => {
    const url = new URL(req.url ?? "/", shopUrl);
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      if (req.method === "POST") {
        webhooks.push({ query: url.searchParams, body: JSON.parse(Buffer.concat(chunks).toString("utf8")) });
        res.writeHead(200).end("ok");
        return;
      }
      const heading = url.pathname.endsWith("/sucesso") ? "Pedido confirmado" : url.pathname.endsWith("/falha") ? "Pagamento não concluído" : "Loja";
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(`<!doctype html><html lang="pt-BR"><meta charset="utf-8"><title>Loja</title><h1>${heading}</h1></html>`);
    });
  });
  await new Promise<void>((resolve) => shop.listen(0, "127.0.0.1", resolve));
  shopUrl = `http://127.0.0.1:${(shop.address() as AddressInfo).port}`;
  emulator = await startMercadoPagoEmulator({ port: 0, autoReturnDelayMs: 0, notificationRetryDelaysMs: [50] });
});

test.afterAll(async () => {
  await emulator?.close();
  await new Promise<void>((resolve) => {
    shop.close(() => resolve());
    shop.closeAllConnections();
  });
});

async function createPreference(overrides: Record<string, unknown> = {}) {
  const response = await fetch(`${emulator.url}/checkout/preferences`, {
    method: "POST",
    headers: { authorization: `Bearer ${emulator.accessToken}`, "content-type": "application/json" },
    body: JSON.stringify({
      items: [{ id: "prancha-62", title: "Prancha 6'2 Epoxy", quantity: 1, unit_price: 199.9, currency_id: "BRL" }],
      external_reference: "pedido-e2e-1",
      back_urls: { success: `${shopUrl}/pedido/sucesso?pedido=1`, pending: `${shopUrl}/pedido/pendente`, failure: `${shopUrl}/pedido/falha` },
      notification_url: `${shopUrl}/api/webhooks/mercadopago`,
      ...overrides,
    }),
  });
  expect(response.status).toBe(201);
  return (await response.json()) as { id: string; init_point: string };
}

test("pays an init_point with APRO and lands on the success back URL with Mercado Pago's parameters", async ({ page }) => {
  const preference = await createPreference({ auto_return: "approved" });
  await page.goto(preference.init_point);
  await expect(page.getByRole("heading", { name: "Resumo da compra" })).toBeVisible();
  await expect(page.getByText("Prancha 6'2 Epoxy × 1")).toBeVisible();
  await expect(page.getByTestId("total")).toHaveText("R$ 199,90");

  await page.getByLabel("Nome do titular").fill("APRO");
  await page.getByRole("button", { name: "Pagar" }).click();

  await page.waitForURL((url) => url.pathname === "/pedido/sucesso");
  await expect(page.getByRole("heading", { name: "Pedido confirmado" })).toBeVisible();
  const params = new URL(page.url()).searchParams;
  const paymentId = params.get("payment_id");
  expect(paymentId).toMatch(/^\d+$/);
  expect(Object.fromEntries(params)).toEqual({
    pedido: "1",
    collection_id: paymentId,
    collection_status: "approved",
    payment_id: paymentId,
    status: "approved",
    external_reference: "pedido-e2e-1",
    payment_type: "credit_card",
    merchant_order_id: expect.stringMatching(/^\d+$/),
    preference_id: preference.id,
    site_id: "MLB",
    processing_mode: "aggregator",
    merchant_account_id: "null",
  });

  const payment = await fetch(`${emulator.url}/v1/payments/${paymentId}`, { headers: { authorization: `Bearer ${emulator.accessToken}` } });
  expect(await payment.json()).toMatchObject({ status: "approved", status_detail: "accredited", transaction_amount: 199.9, external_reference: "pedido-e2e-1" });
  await expect.poll(() => webhooks.filter((w) => w.body.data.id === paymentId).map((w) => w.body.action)).toEqual(["payment.created"]);
});

test("without auto_return shows the result and 'Voltar para o site' carries the same parameters", async ({ page }) => {
  const preference = await createPreference();
  await page.goto(preference.init_point);
  await page.getByLabel("Nome do titular").fill("OTHE");
  await page.getByRole("button", { name: "Pagar" }).click();
  await expect(page.getByRole("heading", { name: "Seu pagamento foi recusado" })).toBeVisible();
  await page.getByRole("link", { name: "Voltar para o site" }).click();
  await page.waitForURL((url) => url.pathname === "/pedido/falha");
  const params = new URL(page.url()).searchParams;
  expect(params.get("status")).toBe("rejected");
  expect(params.get("preference_id")).toBe(preference.id);
});

test("'Voltar para a loja' leaves without paying", async ({ page }) => {
  const preference = await createPreference();
  await page.goto(preference.init_point);
  await page.getByRole("link", { name: "Voltar para a loja" }).click();
  await page.waitForURL((url) => url.pathname === "/pedido/falha");
  const params = new URL(page.url()).searchParams;
  expect(params.get("payment_id")).toBe("null");
  expect(params.get("status")).toBe("null");
  expect(params.get("external_reference")).toBe("pedido-e2e-1");
});
