import { type Browser, expect, type Page, test } from "@playwright/test";
import { signInAsAdmin, signUp } from "./support/auth";
import { e2eEnv } from "./support/env";
import { buyUntilMercadoPago, payAs } from "./support/shop";

async function adminPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAsAdmin(page);
  return page;
}

async function openAdminPayment(admin: Page, email: string) {
  await admin.goto(`/admin/payments?q=${encodeURIComponent(email)}`);
  await admin.getByTestId("payment-row").first().getByRole("link").click();
  await expect(admin.getByRole("heading", { name: /Pagamento / })).toBeVisible();
}

async function refund(admin: Page, amount: string) {
  await admin.getByLabel(/Valor a reembolsar/).fill(amount);
  await admin.getByRole("button", { name: "Reembolsar" }).click();
  await admin.getByRole("button", { name: "Confirmar reembolso" }).click();
}

test.describe("payments end to end", () => {
  test("APRO: pay, see it paid, admin sees the timeline, refunds half then the rest", async ({ page, browser }) => {
    const { email } = await signUp(page, "Pedro Aprovado");
    const orderId = await buyUntilMercadoPago(page, /Lycra Proteção UV/);
    await payAs(page, "APRO");
    await expect(page).toHaveURL(/\/checkout\/success\?order=/);
    await expect(page.getByTestId("order-status")).toHaveText("pago");

    await page.goto("/orders");
    await expect(page.getByTestId("order-row").filter({ hasText: orderId.slice(0, 8) })).toContainText("pago");

    const admin = await adminPage(browser);
    await openAdminPayment(admin, email);
    await expect(admin.getByTestId("payment-status")).toHaveText("aprovado");
    await expect(admin.getByTestId("timeline")).toContainText("notificação webhook");
    await expect(admin.getByTestId("timeline")).toContainText("assinatura: valid");

    await refund(admin, "64,95");
    await expect(admin.getByTestId("admin-order-status")).toHaveText("reembolsado parcialmente");
    await expect(admin.getByTestId("refunded-amount")).toHaveText(/64,95/);
    await refund(admin, "64,95");
    await expect(admin.getByTestId("admin-order-status")).toHaveText("reembolsado");
    await expect(admin.getByTestId("payment-status")).toHaveText("reembolsado", { timeout: 15_000 });
  });

  test("OTHE: rejected payment shows the failure and lets the shopper try again", async ({ page, browser }) => {
    const { email } = await signUp(page, "Olga Recusada");
    const orderId = await buyUntilMercadoPago(page, /Leash 6/);
    await payAs(page, "OTHE");
    await page.getByRole("link", { name: "Voltar para o site" }).click();
    await expect(page).toHaveURL(/\/checkout\/failure\?order=/);
    await expect(page.getByTestId("order-status")).toHaveText("pagamento recusado");
    await expect(page.getByRole("link", { name: "Tentar novamente" })).toBeVisible();

    await page.goto("/orders");
    await expect(page.getByTestId("order-row").filter({ hasText: orderId.slice(0, 8) })).toContainText("pagamento recusado");

    const admin = await adminPage(browser);
    await openAdminPayment(admin, email);
    await expect(admin.getByTestId("payment-status")).toHaveText("recusado");
    await expect(admin.getByTestId("admin-order-status")).toHaveText("pagamento recusado");
    await expect(admin.getByTestId("timeline")).toContainText("assinatura: valid");
  });

  test("an unpaid order can be cancelled by its shopper and no longer offers payment", async ({ page }) => {
    await signUp(page, "Caio Desistente");
    const orderId = await buyUntilMercadoPago(page, /Leash 6/);
    await page.goto(`/orders/${orderId}`);
    await expect(page.getByTestId("order-status")).toHaveText("aguardando pagamento");
    await page.getByRole("button", { name: "Cancelar pedido" }).click();
    await page.getByRole("button", { name: "Sim, cancelar pedido" }).click();
    await expect(page.getByTestId("order-status")).toHaveText("cancelado");
    await expect(page.getByRole("button", { name: "Cancelar pedido" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Pagar agora" })).toHaveCount(0);
  });

  test("CONT: pending, later approved through the emulator's control API", async ({ page, request, browser }) => {
    const { email } = await signUp(page, "Carla Pendente");
    const orderId = await buyUntilMercadoPago(page, /Parafina/);
    await payAs(page, "CONT");
    await page.getByRole("link", { name: "Voltar para o site" }).click();
    await expect(page).toHaveURL(/\/checkout\/pending\?order=/);
    await expect(page.getByTestId("order-status")).toHaveText("aguardando pagamento");

    const mp = e2eEnv().MERCADOPAGO_API_URL!;
    const payments = await (await request.get(`${mp}/__emulator/payments`)).json();
    const payment = (payments as { id: number; external_reference: string }[]).find((p) => p.external_reference === orderId)!;
    expect(payment).toBeTruthy();
    const moved = await request.post(`${mp}/__emulator/payments/${payment.id}/status`, { data: { status: "approved", status_detail: "accredited" } });
    expect(moved.ok()).toBe(true);

    await expect(async () => {
      await page.goto(`/orders/${orderId}`);
      await expect(page.getByTestId("order-status")).toHaveText("pago", { timeout: 1_000 });
    }).toPass({ timeout: 20_000 });

    const admin = await adminPage(browser);
    await openAdminPayment(admin, email);
    await expect(admin.getByTestId("payment-status")).toHaveText("aprovado");
    await expect(admin.getByTestId("admin-order-status")).toHaveText("pago");
  });

  test("a paid digital guide can be downloaded by its buyer", async ({ page }) => {
    await signUp(page, "Davi Digital");
    const orderId = await buyUntilMercadoPago(page, /Guia Digital: Manobras/);
    await payAs(page, "APRO");
    await expect(page.getByTestId("order-status")).toHaveText("pago");
    await page.goto(`/orders/${orderId}`);
    await page.getByRole("link", { name: "Baixar" }).click();
    await expect(page).toHaveURL(/\/files\//);
    await expect(page.getByText("guia-manobras-basicas.pdf").first()).toBeVisible();
    const res = await page.request.get(`${page.url().replace("/files/", "/api/files/")}/download`, { maxRedirects: 0 });
    expect(res.status()).toBe(302);
  });
});
