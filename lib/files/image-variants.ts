/**
 * Responsive copies of product images. When a product image upload completes, the image is decoded
 * once (which also proves the bytes are a real image, beyond the magic number) and resized to a few
 * standard widths as WebP. Each copy sits next to the original under a key derived from it
 * (`public/2026/12/<uuid>.jpg` → `public/2026/12/<uuid>.w640.webp`), with the original's
 * immutable Cache-Control, so the CDN serves them like the original. Which copies exist follows
 * from the width stored on the file row: nothing else needs to be recorded.
 *
 * The storefront offers them in `srcset` and the browser picks the smallest one that fills the slot.
 */
import sharp from "sharp";
import type { StorageProvider } from "@/lib/integrations/s3";

/** Widths, in pixels, of the WebP copies made of each product image (only those below its own width). */
export const VARIANT_WIDTHS: readonly number[] = [320, 640, 960, 1280, 1920];

/**
 * Largest image decoded, in pixels (a 48 MP phone photo fits). A file within the 10 MB upload limit
 * can still declare a huge canvas (a decompression bomb); sharp refuses it before allocating.
 */
const MAX_INPUT_PIXELS = 50_000_000;

const WEBP_QUALITY = 80;

/** Pixel size as displayed (EXIF orientation applied). */
export interface ImageSize {
  width: number;
  height: number;
}

/** A decoded image: its size and the WebP copies to store. */
export interface RenderedImage extends ImageSize {
  variants: { width: number; body: Uint8Array }[];
}

/** The variant widths an image of `width` pixels has: every standard width strictly below it. */
export function variantWidths(width: number | null | undefined): number[] {
  if (!width) return [];
  return VARIANT_WIDTHS.filter((w) => w < width);
}

/** The key of the `width` copy of the object at `key`. */
export function variantKey(key: string, width: number): string {
  return `${key.replace(/\.[a-z0-9]+$/, "")}.w${width}.webp`;
}

/** Every variant key of a file (none for files without a recorded width). */
export function variantKeys(file: { key: string; width: number | null }): string[] {
  return variantWidths(file.width).map((w) => variantKey(file.key, w));
}

/**
 * Variant URLs of an image served at `url` from `key` (CDN or storage base + key): the same base
 * with the variant's key. Empty when the URL does not end with the key (an image shipped with the
 * app, or a URL from elsewhere).
 */
export function variantUrls(image: { url: string; key: string | null; width: number | null }): { width: number; url: string }[] {
  const { url, key, width } = image;
  if (!key || !url.endsWith(key)) return [];
  const base = url.slice(0, url.length - key.length);
  return variantWidths(width).map((w) => ({ width: w, url: base + variantKey(key, w) }));
}

/**
 * Decodes an image and renders its variants. Null when the bytes are not an image that decodes
 * completely (corrupt, truncated, or over the pixel limit): such a file must not be served.
 */
export async function renderVariants(bytes: Uint8Array): Promise<RenderedImage | null> {
  try {
    // Apply the EXIF orientation, as browsers do when showing the original.
    const image = sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: "error" }).autoOrient();
    const oriented = (await image.metadata()).autoOrient;
    if (!oriented.width || !oriented.height) return null;
    const widths = variantWidths(oriented.width);
    const variants = await Promise.all(
      widths.map(async (w) => ({ width: w, body: new Uint8Array(await image.clone().resize({ width: w }).webp({ quality: WEBP_QUALITY }).toBuffer()) })),
    );
    // Too small for any variant: decode it anyway, so a truncated file is still caught.
    if (variants.length === 0) await image.clone().raw().toBuffer();
    return { width: oriented.width, height: oriented.height, variants };
  } catch {
    return null;
  }
}

/**
 * Stores the variants next to the object at `key`. On failure the ones already written are
 * removed again before the error propagates (the caller leaves the upload pending).
 */
export async function storeVariants(storage: StorageProvider, key: string, rendered: RenderedImage, cacheControl: string): Promise<void> {
  try {
    await Promise.all(rendered.variants.map((v) => storage.put(variantKey(key, v.width), v.body, { contentType: "image/webp", cacheControl })));
  } catch (err) {
    await deleteVariants(storage, { key, width: rendered.width });
    throw err;
  }
}

/** Copies a file's variants to follow its object to `toKey` (visibility changes). */
export async function copyVariants(storage: StorageProvider, file: { key: string; width: number | null }, toKey: string, cacheControl: string): Promise<void> {
  await Promise.all(
    variantWidths(file.width).map((w) => storage.copy(variantKey(file.key, w), variantKey(toKey, w), { contentType: "image/webp", cacheControl })),
  );
}

/** Deletes a file's variants (idempotent, like every S3 delete). */
export async function deleteVariants(storage: StorageProvider, file: { key: string; width: number | null }): Promise<void> {
  await Promise.all(variantKeys(file).map((k) => storage.delete(k)));
}
