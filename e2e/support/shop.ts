import { expect, type Page } from "@playwright/test";

/** Adds a product to the cart from its page and checks out up to Mercado Pago's page. */
export async function buyUntilMercadoPago(page: Page, productName: RegExp | string): Promise<string> {
  await page.goto("/products");
  await page.getByRole("link", { name: productName }).first().click();
  await page.getByRole("button", { name: "Adicionar ao carrinho" }).click();
  await expect(page.getByTestId("cart-count")).toBeVisible();
  await page.getByTestId("cart-link").click();
  await page.getByRole("link", { name: "Finalizar compra" }).click();
  await page.getByRole("button", { name: "Confirmar pedido" }).click();
  await expect(page.getByRole("heading", { name: "Resumo do pedido" })).toBeVisible();
  const orderId = page.url().split("/checkout/")[1]!.split(/[?#]/)[0]!;
  await page.getByRole("button", { name: "Pagar com Mercado Pago" }).click();
  await expect(page.getByLabel("Nome do titular")).toBeVisible();
  return orderId;
}

export async function payAs(page: Page, cardholder: string): Promise<void> {
  await page.getByLabel("Nome do titular").fill(cardholder);
  await page.getByRole("button", { name: "Pagar" }).click();
}
