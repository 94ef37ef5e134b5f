import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import sharp from "sharp";
import { signInAsAdmin } from "./support/auth";

/**
 * Product images end to end: an admin uploads a photo in the product form (the browser posts it
 * straight to storage), the completion makes its WebP width variants, and the storefront's product
 * page offers them in srcset, so a phone-sized browser downloads a narrow copy, not the original.
 */

/** A 1600×1000 JPEG with some detail (a gradient), like a product photo. */
async function photo(): Promise<Buffer> {
  const width = 1600;
  const height = 1000;
  const raw = Buffer.alloc(width * height * 3);
  for (let i = 0; i < raw.length; i += 3) {
    const px = i / 3;
    raw[i] = (px % width) % 256;
    raw[i + 1] = Math.floor(px / width) % 256;
    raw[i + 2] = 160;
  }
  return sharp(raw, { raw: { width, height, channels: 3 } }).jpeg({ quality: 85 }).toBuffer();
}

test("an uploaded product image is shown responsively from its WebP variants", async ({ page, browser }) => {
  await signInAsAdmin(page);
  await page.goto("/admin/products/new");
  const slug = `prancha-foto-${randomUUID().slice(0, 8)}`;
  await page.getByLabel("Nome").fill("Prancha Foto 6'2\"");
  await page.getByLabel("Slug (endereço)").fill(slug);
  await page.getByLabel("Preço (R$)").fill("1.890,00");
  await page.getByLabel("Estoque").fill("3");

  const completed = page.waitForResponse((r) => /\/api\/uploads\/[^/]+\/complete$/.test(r.url()) && r.request().method() === "POST");
  await page.getByTestId("upload-input").first().setInputFiles({ name: "prancha.jpg", mimeType: "image/jpeg", buffer: await photo() });
  expect((await completed).status()).toBe(200);
  await expect(page.getByRole("button", { name: "remover" })).toBeVisible();
  await page.getByRole("button", { name: "Salvar produto" }).click();
  await expect(page).toHaveURL(/\/admin\/products\/[0-9a-f-]{36}$/);

  // A phone: 390 CSS px at 1x, the image spans the viewport (sizes = 100vw below 768 px).
  const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 });
  await phone.goto(`/products/${slug}`);
  const img = phone.getByTestId("product-image").first();
  await expect(img).toHaveAttribute("width", "1600");
  await expect(img).toHaveAttribute("height", "1000");
  const srcset = (await img.getAttribute("srcset")) ?? "";
  expect(srcset.split(", ").map((c) => c.split(" ")[1])).toEqual(["320w", "640w", "960w", "1280w", "1600w"]);

  await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBeGreaterThan(0);
  const shown = await img.evaluate((el: HTMLImageElement) => el.currentSrc);
  // The smallest copy at least 390 px wide: the 640 px WebP, not the 1600 px original.
  expect(shown).toMatch(/\.w640\.webp$/);
  const bytes = await phone.request.get(shown);
  expect(bytes.headers()["content-type"]).toBe("image/webp");
  expect(await sharp(await bytes.body()).metadata()).toMatchObject({ format: "webp", width: 640, height: 400 });
  await phone.close();
});
