import { expect, type Page, test } from "@playwright/test";
import { signIn, signInAsAdmin, signUp } from "./support/auth";
import { e2eEnv } from "./support/env";

interface CaughtMail {
  subject: string;
  text: string | null;
  to: string[];
}

/** Mail the local SMTP server really received for `to` (the e2e server's catcher, over its HTTP API). */
async function caughtMail(to: string): Promise<CaughtMail[]> {
  const base = e2eEnv().SMTP_CATCHER_URL;
  if (!base) throw new Error("SMTP_CATCHER_URL missing from the e2e env file (scripts/lib/stack.ts)");
  const res = await fetch(`${base}/messages?to=${encodeURIComponent(to)}`);
  return (await res.json()) as CaughtMail[];
}

async function waitForMail(to: string, subject: RegExp): Promise<CaughtMail> {
  let found: CaughtMail | undefined;
  await expect
    .poll(
      async () => {
        found = (await caughtMail(to)).find((m) => subject.test(m.subject));
        return Boolean(found);
      },
      { timeout: 30_000, message: `no "${subject}" email for ${to}` },
    )
    .toBe(true);
  return found!;
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sair" }).click();
  await expect(page.getByRole("link", { name: "Entrar" })).toBeVisible();
}

test.describe("email", () => {
  test("sign up → the welcome email is in the admin outbox, sent through the local SMTP server", async ({ page }) => {
    const { email } = await signUp(page, "Caio Boas-Vindas");
    await signOut(page);
    await signInAsAdmin(page);

    await page.goto(`/admin/emails?recipient=${encodeURIComponent(email)}`);
    const row = page.getByTestId("email-row").filter({ hasText: email });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText("welcome");
    // The worker sends it in the background; the page shows it once the provider accepted it.
    await expect(async () => {
      await page.reload();
      await expect(page.getByTestId("email-row").filter({ hasText: email })).toContainText("Enviado", { timeout: 1_000 });
    }).toPass({ timeout: 30_000 });

    const mail = await waitForMail(email, /Boas-vindas|Caio/);
    expect(mail.to).toEqual([email]);

    await page.getByTestId("email-row").filter({ hasText: email }).getByRole("link").click();
    await expect(page.getByTestId("email-status")).toContainText("Enviado");
    await expect(page.getByText("smtp", { exact: true })).toBeVisible();
    await expect(page.getByTestId("email-events")).toContainText("Aceito pelo provedor");
    const preview = page.frameLocator('iframe[title="Pré-visualização do e-mail"]');
    await expect(preview.getByRole("heading", { name: /Caio Boas-Vindas/ })).toBeVisible();
    await expect(page.locator("iframe[sandbox='']")).toHaveCount(1);
  });

  test("forgot password → the link from the captured email sets a new password; the old one stops working", async ({ page }) => {
    const { email, password: oldPassword } = await signUp(page, "Lia Esquecida");
    await signOut(page);

    await page.goto("/login");
    await page.getByRole("link", { name: "Esqueci minha senha" }).click();
    // The login page has an "E-mail" field too: wait for the client-side navigation to land.
    await expect(page.getByRole("heading", { level: 1, name: "Esqueci minha senha" })).toBeVisible();
    await page.getByLabel("E-mail").fill(email);
    await page.getByRole("button", { name: "Enviar link" }).click();
    await expect(page.getByTestId("forgot-password-sent")).toContainText("Se existir uma conta com este e-mail");

    const mail = await waitForMail(email, /Redefinição de senha/);
    const link = /https?:\/\/\S+\/reset-password\/[A-Za-z0-9_-]+/.exec(mail.text ?? "")?.[0];
    expect(link, `reset link in:\n${mail.text}`).toBeTruthy();

    const newPassword = "ondas-novas-2027";
    await page.goto(link!);
    await expect(page.getByRole("heading", { level: 1, name: "Criar nova senha" })).toBeVisible();
    await page.getByLabel("Nova senha", { exact: true }).fill(newPassword);
    await page.getByLabel("Repita a nova senha").fill(newPassword);
    await page.getByRole("button", { name: "Salvar nova senha" }).click();
    await expect(page).toHaveURL(/\/login/);

    await page.getByLabel("E-mail").fill(email);
    await page.getByLabel("Senha").fill(oldPassword);
    await page.getByRole("button", { name: "Entrar" }).click();
    await expect(page.getByTestId("login-error")).toHaveText("E-mail ou senha inválidos.");

    await signIn(page, email, newPassword);
    await expect(page.getByTestId("account-link")).toContainText("Olá, Lia");

    // The link is single-use.
    await page.goto(link!);
    await page.getByLabel("Nova senha", { exact: true }).fill("mais-uma-senha-1");
    await page.getByLabel("Repita a nova senha").fill("mais-uma-senha-1");
    await page.getByRole("button", { name: "Salvar nova senha" }).click();
    await expect(page.getByTestId("reset-link-error")).toContainText("inválido");
  });
});
