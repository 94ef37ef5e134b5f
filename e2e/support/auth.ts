import { expect, type Page } from "@playwright/test";
import { e2eEnv, uniqueEmail } from "./env";

export async function signUp(page: Page, name = "Bia Surfista"): Promise<{ email: string; password: string }> {
  const email = uniqueEmail("shopper");
  const password = "ondas-perfeitas-1";
  await page.goto("/signup");
  await page.getByLabel("Nome").fill(name);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Senha").fill(password);
  await page.getByRole("button", { name: "Criar conta" }).click();
  await expect(page.getByTestId("account-link")).toContainText(`Olá, ${name.split(" ")[0]}`);
  return { email, password };
}

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Senha").fill(password);
  await page.getByRole("button", { name: "Entrar" }).click();
  await expect(page.getByTestId("account-link")).toBeVisible();
}

export async function signInAsAdmin(page: Page): Promise<void> {
  const env = e2eEnv();
  await signIn(page, env.ADMIN_EMAIL!, env.ADMIN_PASSWORD!);
}
