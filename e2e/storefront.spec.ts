import { expect, test } from "@playwright/test";
import { signIn, signInAsAdmin, signUp } from "./support/auth";

test.describe("storefront", () => {
  test("home shows the seeded catalog and a product page adds to a cart that survives reloads", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { name: "Tudo para a sua próxima session." })).toBeVisible();
    await expect(page.getByTestId("product-card").first()).toBeVisible();

    await page.getByRole("navigation", { name: "Categorias" }).getByRole("link", { name: "Pranchas" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Pranchas" })).toBeVisible();
    await page.getByRole("link", { name: /Longboard Clássico/ }).click();
    await expect(page.getByTestId("product-price")).toHaveText(/R\$\s?3\.299,00/);
    await page.getByRole("button", { name: "Adicionar ao carrinho" }).click();
    await expect(page.getByTestId("cart-count")).toHaveText("1");

    await page.reload();
    await expect(page.getByTestId("cart-count")).toHaveText("1");
    await page.getByTestId("cart-link").click();
    await expect(page.getByTestId("cart-item")).toHaveCount(1);
    await expect(page.getByTestId("cart-subtotal")).toHaveText(/3\.299,00/);
  });

  test("search finds products by name", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("searchbox", { name: "Buscar produtos" }).fill("parafina");
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("product-card")).toHaveCount(1);
    await expect(page.getByTestId("product-card")).toContainText("Parafina");
  });

  test("sign up, sign out and sign in again; a wrong password shows an error", async ({ page }) => {
    const { email, password } = await signUp(page, "Bia Surfista");
    await page.getByRole("button", { name: "Sair" }).click();
    await expect(page.getByRole("link", { name: "Entrar" })).toBeVisible();

    await page.goto("/login");
    await page.getByLabel("E-mail").fill(email);
    await page.getByLabel("Senha").fill("senha-errada");
    await page.getByRole("button", { name: "Entrar" }).click();
    await expect(page.getByTestId("login-error")).toHaveText("E-mail ou senha inválidos.");

    await signIn(page, email, password);
    await expect(page.getByTestId("account-link")).toHaveText("Olá, Bia");
  });

  test("the seeded admin can sign in and sees the admin link", async ({ page }) => {
    await signInAsAdmin(page);
    await expect(page.getByRole("link", { name: "Admin", exact: true })).toBeVisible();
  });

  test("pages carry security headers and a request id", async ({ request }) => {
    const res = await request.get("/");
    expect(res.status()).toBe(200);
    const h = res.headers();
    expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
    const scriptSrc = h["content-security-policy"]!.split(";").find((d) => d.trim().startsWith("script-src"))!;
    expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(scriptSrc).not.toContain("unsafe-inline");
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(h["x-request-id"]).toBeTruthy();
  });

  test("the API answers JSON errors for unknown routes and malformed JSON on the real server", async ({ request }) => {
    const unknown = await request.get("/api/does-not-exist");
    expect(unknown.status()).toBe(404);
    expect((await unknown.json()).error.code).toBe("not_found");
    const bad = await request.post("/api/users", { data: Buffer.from("{oops"), headers: { "content-type": "application/json" } });
    expect(bad.status()).toBe(400);
    expect((await bad.json()).error.code).toBe("malformed_json");
    expect(bad.headers()["x-request-id"]).toBeTruthy();
    const wrongMethod = await request.put("/api/users", { data: {} });
    expect(wrongMethod.status()).toBe(405);
    expect(wrongMethod.headers()["allow"]).toBe("OPTIONS, POST");
    expect((await wrongMethod.json()).error.code).toBe("method_not_allowed");
    expect(wrongMethod.headers()["x-request-id"]).toBeTruthy();
    const head = await request.head("/api/health");
    expect(head.status()).toBe(200);
  });

  test("a mobile client registers, gets a bearer token, calls /api/me, revokes it and gets 401", async ({ request }) => {
    const email = `mobile-${Date.now()}@example.com`;
    expect((await request.post("/api/users", { data: { name: "App", email, password: "app-senha-123" } })).status()).toBe(201);
    const tok = await request.post("/api/tokens", { data: { email, password: "app-senha-123", deviceName: "iPhone" } });
    expect(tok.status()).toBe(201);
    const { token } = await tok.json();
    const auth = { authorization: `Bearer ${token}` };
    const me = await request.get("/api/me", { headers: auth });
    expect((await me.json()).user.email).toBe(email);
    expect((await request.delete("/api/tokens/current", { headers: auth })).status()).toBe(204);
    expect((await request.get("/api/me", { headers: auth })).status()).toBe(401);
  });
});
