/**
 * Responsive variants of product images: the pure key/URL rules, the decoding, and the whole life
 * of the copies in a real s3rver (made at completion, served with the original's caching, listed
 * on the product, moved with the visibility, gone with the file).
 */
import { randomUUID } from "node:crypto";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as createProduct } from "@/app/api/products/route";
import { GET as getProduct } from "@/app/api/products/[slug]/route";
import { DELETE as removeFile, PATCH as patchFile } from "@/app/api/files/[id]/route";
import type { S3Emulator } from "@/emulators/s3";
import { seedCatalog } from "@/lib/catalog/seed";
import { getDb, schema } from "@/lib/db";
import { makeUser, type TestUser } from "@/lib/testing/fixtures";
import { call } from "@/lib/testing/http";
import { eq } from "drizzle-orm";
import { renderVariants, VARIANT_WIDTHS, variantKey, variantUrls, variantWidths } from "./image-variants";
import { fileStorage } from "./storage";
import { keyOf, PNG, readyFile, startTestStorage, uploadThroughApi } from "./testing/harness";

/** A photo-like JPEG of the given size (a gradient, so it does not compress to nothing). */
async function jpeg(width: number, height: number, orientation?: number): Promise<Uint8Array> {
  const raw = Buffer.alloc(width * height * 3);
  for (let i = 0; i < raw.length; i += 3) {
    const px = i / 3;
    raw[i] = (px % width) % 256;
    raw[i + 1] = Math.floor(px / width) % 256;
    raw[i + 2] = 128;
  }
  const img = sharp(raw, { raw: { width, height, channels: 3 } }).jpeg({ quality: 85 });
  return new Uint8Array(await (orientation ? img.withMetadata({ orientation }) : img).toBuffer());
}

describe("variant rules", () => {
  it("makes only the standard widths below the image's own", () => {
    expect(variantWidths(1500)).toEqual([320, 640, 960, 1280]);
    expect(variantWidths(640)).toEqual([320]);
    expect(variantWidths(320)).toEqual([]);
    expect(variantWidths(null)).toEqual([]);
    expect(variantWidths(10_000)).toEqual([...VARIANT_WIDTHS]);
  });

  it("derives variant keys and URLs from the original's", () => {
    const key = "public/2026/12/0b6f1d1e-8d0c-4a7e-9a53-3f1f6f0b8a11.jpg";
    expect(variantKey(key, 640)).toBe("public/2026/12/0b6f1d1e-8d0c-4a7e-9a53-3f1f6f0b8a11.w640.webp");
    expect(variantUrls({ url: `https://cdn.onlywave.test/${key}`, key, width: 700 })).toEqual([
      { width: 320, url: "https://cdn.onlywave.test/public/2026/12/0b6f1d1e-8d0c-4a7e-9a53-3f1f6f0b8a11.w320.webp" },
      { width: 640, url: "https://cdn.onlywave.test/public/2026/12/0b6f1d1e-8d0c-4a7e-9a53-3f1f6f0b8a11.w640.webp" },
    ]);
    // Images shipped with the app, or a URL that is not the key's: no variants.
    expect(variantUrls({ url: "/products/prancha.svg", key: null, width: null })).toEqual([]);
    expect(variantUrls({ url: "https://elsewhere.test/a.jpg", key, width: 700 })).toEqual([]);
  });
});

describe("renderVariants", () => {
  it("renders WebP copies at each width, keeping the aspect ratio", async () => {
    const rendered = await renderVariants(await jpeg(1500, 1000));
    expect(rendered).toMatchObject({ width: 1500, height: 1000 });
    const made = await Promise.all(rendered!.variants.map(async (v) => ({ width: v.width, meta: await sharp(v.body).metadata() })));
    expect(made.map((m) => [m.width, m.meta.format, m.meta.width, m.meta.height])).toEqual([
      [320, "webp", 320, 213],
      [640, "webp", 640, 427],
      [960, "webp", 960, 640],
      [1280, "webp", 1280, 853],
    ]);
  });

  it("applies the EXIF orientation, as browsers do with the original", async () => {
    // Stored 800×400 and tagged "rotate 90°": shown (and measured) as 400×800.
    const rendered = await renderVariants(await jpeg(800, 400, 6));
    expect(rendered).toMatchObject({ width: 400, height: 800 });
    expect(rendered!.variants.map((v) => v.width)).toEqual([320]);
    expect(await sharp(rendered!.variants[0]!.body).metadata()).toMatchObject({ width: 320, height: 640 });
  });

  it("refuses bytes that are not a whole image: a bare PNG header, a truncated JPEG, a decompression bomb", async () => {
    expect(await renderVariants(PNG.subarray(0, 33))).toBeNull();
    const whole = await jpeg(900, 600);
    expect(await renderVariants(whole.subarray(0, Math.floor(whole.length / 2)))).toBeNull();
    // A tiny file that decodes to 56 million pixels (over the 50 MP limit).
    const bomb = await sharp({ create: { width: 8000, height: 7000, channels: 3, background: "#08f" } }).png({ compressionLevel: 9 }).toBuffer();
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(await renderVariants(new Uint8Array(bomb))).toBeNull();
  });

  it("checks small images too, though they get no variants", async () => {
    expect(await renderVariants(PNG)).toEqual({ width: 1, height: 1, variants: [] });
  });
});

describe("product image uploads", () => {
  let emulator: S3Emulator;
  let admin: TestUser;

  beforeAll(async () => {
    emulator = await startTestStorage();
    await seedCatalog();
    admin = await makeUser({ role: "admin" });
  });

  afterAll(async () => {
    await emulator?.close();
  });

  const storage = () => fileStorage().storage;

  it("stores the variants next to the copy, cached like it, and the product lists them for srcset", async () => {
    const image = await readyFile({ token: admin.token, bytes: await jpeg(1400, 700), contentType: "image/jpeg", filename: "prancha.jpg", purpose: "product-image", visibility: "public" });
    const key = await keyOf(image.id);
    const db = await getDb();
    const [row] = await db.select().from(schema.files).where(eq(schema.files.id, image.id));
    expect(row).toMatchObject({ width: 1400, height: 700 });

    for (const w of [320, 640, 960, 1280]) {
      expect(await storage().head(variantKey(key, w))).toMatchObject({ contentType: "image/webp" });
    }
    expect(await storage().head(variantKey(key, 1920))).toBeNull();

    // A category of its own: the seed catalog's listings stay as other test files expect them.
    const tag = randomUUID().slice(0, 6);
    const [category] = await db.insert(schema.categories).values({ slug: `variantes-${tag}`, name: `Variantes ${tag}` }).returning();
    const slug = `prancha-variantes-${tag}`;
    const created = await call(createProduct, {
      token: admin.token,
      body: { slug, name: "Prancha Variantes", category: category!.slug, kind: "physical", priceCents: 150_000, stock: 1, imageFileIds: [image.id] },
    });
    expect(created.status).toBe(201);
    const product = await call(getProduct, { params: { slug } });
    const [img] = product.json.images;
    expect(img).toMatchObject({ fileId: image.id, width: 1400, height: 700 });
    expect(img.url.endsWith(key)).toBe(true);
    expect(img.variants.map((v: { width: number }) => v.width)).toEqual([320, 640, 960, 1280]);

    // Each variant URL is served publicly, as WebP of its width, with the original's immutable caching.
    for (const v of img.variants as { width: number; url: string }[]) {
      const res = await fetch(v.url);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("image/webp");
      expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
      expect((await sharp(Buffer.from(await res.arrayBuffer())).metadata()).width).toBe(v.width);
    }
  });

  it("rejects a product image that does not decode, leaving nothing in storage", async () => {
    const notAnImage = new Uint8Array(4096);
    notAnImage.set(PNG.subarray(0, 33)); // the PNG signature and header, then zeros
    const { completed, id } = await uploadThroughApi({ token: admin.token, bytes: notAnImage, contentType: "image/png", purpose: "product-image", visibility: "public" });
    expect(completed.status).toBe(422);
    expect(completed.json.error.details[0].code).toBe("content-mismatch");
    const db = await getDb();
    const [row] = await db.select().from(schema.files).where(eq(schema.files.id, id));
    expect(row?.status).toBe("deleted");
    expect(await storage().head(row!.key)).toBeNull();
  });

  it("user files are not decoded and get no variants", async () => {
    const { id } = await readyFile({ token: admin.token, bytes: await jpeg(700, 500), contentType: "image/jpeg", visibility: "public" });
    const key = await keyOf(id);
    expect(await storage().head(variantKey(key, 320))).toBeNull();
  });

  it("variants follow a visibility change and go with the file", async () => {
    const image = await readyFile({ token: admin.token, bytes: await jpeg(700, 500), contentType: "image/jpeg", purpose: "product-image", visibility: "public" });
    const publicKey = await keyOf(image.id);
    expect(await storage().head(variantKey(publicKey, 640))).not.toBeNull();

    const hidden = await call(patchFile, { token: admin.token, method: "PATCH", params: { id: image.id }, body: { visibility: "private" } });
    expect(hidden.status).toBe(200);
    const privateKey = await keyOf(image.id);
    expect(privateKey.startsWith("private/")).toBe(true);
    expect(await storage().head(variantKey(publicKey, 640))).toBeNull();
    expect(await storage().head(variantKey(privateKey, 640))).toMatchObject({ contentType: "image/webp" });

    expect((await call(removeFile, { token: admin.token, method: "DELETE", params: { id: image.id } })).status).toBe(204);
    expect(await storage().head(privateKey)).toBeNull();
    expect(await storage().head(variantKey(privateKey, 320))).toBeNull();
    expect(await storage().head(variantKey(privateKey, 640))).toBeNull();
  });
});
