import type { ProductImage } from "@/lib/catalog/products";

/**
 * The `srcset` of an uploaded product image: its WebP width variants plus the original at its own
 * width, so the browser downloads the smallest one that fills the slot `sizes` describes.
 * Undefined for images without variants (the seed's SVGs, small uploads).
 */
export function srcSetOf(image: ProductImage): string | undefined {
  if (!image.width || image.variants.length === 0) return undefined;
  return [...image.variants, { width: image.width, url: image.url }].map((v) => `${v.url} ${v.width}w`).join(", ");
}

/** A product image from storage or the CDN, responsive when it has variants, sized to avoid layout shift. */
export function ProductImg({
  image,
  alt,
  sizes,
  className,
  loading,
}: {
  image: ProductImage;
  alt: string;
  sizes: string;
  className?: string;
  loading?: "lazy" | "eager";
}) {
  return (
    // biome-ignore lint/performance/noImgElement: images come from storage/CDN with their own caching and variants
    <img
      src={image.url}
      srcSet={srcSetOf(image)}
      sizes={sizes}
      width={image.width ?? undefined}
      height={image.height ?? undefined}
      alt={alt}
      loading={loading}
      className={className}
      data-testid="product-image"
    />
  );
}
