import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getProductBySlug, type Product } from "@/lib/catalog/products";
import { AppError } from "@/lib/http/errors";
import { formatMoney } from "@/lib/money";
import { ProductImg } from "../../_components/product-image";
import { Badge } from "../../_components/ui";
import { AddToCart } from "./add-to-cart";

export const dynamic = "force-dynamic";

async function load(slug: string): Promise<Product> {
  try {
    return await getProductBySlug(slug);
  } catch (err) {
    if (err instanceof AppError && err.status === 404) notFound();
    throw err;
  }
}

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  const product = await load((await params).slug);
  return { title: product.name, description: product.description.slice(0, 160) };
}

export default async function ProductPage({ params }: { params: Promise<{ slug: string }> }) {
  const product = await load((await params).slug);
  const soldOut = product.kind === "physical" && product.stock === 0;
  return (
    <article className="grid gap-10 md:grid-cols-2">
      <div className="space-y-3">
        {product.images.length ? (
          product.images.map((img, i) => (
            <ProductImg
              key={img.url}
              image={img}
              alt={i === 0 ? product.name : ""}
              sizes="(min-width: 768px) 50vw, 100vw"
              className="w-full rounded-2xl border border-sand-200 bg-ocean-50 object-cover"
            />
          ))
        ) : (
          <div className="aspect-square rounded-2xl bg-ocean-50" />
        )}
      </div>
      <div>
        <div className="flex gap-2">
          <Badge tone="ocean">{product.categoryName}</Badge>
          {product.kind === "digital" ? <Badge tone="success">Download imediato</Badge> : null}
        </div>
        <h1 className="mt-3 text-3xl font-extrabold text-ocean-900">{product.name}</h1>
        <p className="mt-4 text-3xl font-bold text-ocean-800" data-testid="product-price">
          {formatMoney(product.priceCents, product.currency)}
        </p>
        <p className="mt-1 text-sm text-slate-600">ou em até 6x sem juros no cartão pelo Mercado Pago</p>
        <div className="mt-6 whitespace-pre-line leading-relaxed text-slate-700">{product.description}</div>
        <div className="mt-8">
          {soldOut ? (
            <p className="font-semibold text-red-700">Esgotado no momento.</p>
          ) : (
            <AddToCart
              product={{
                productId: product.id,
                slug: product.slug,
                name: product.name,
                priceCents: product.priceCents,
                // The cart shows it at 80 px: the narrowest variant is plenty.
                image: product.images[0]?.variants[0]?.url ?? product.images[0]?.url,
                kind: product.kind,
              }}
              maxQuantity={product.kind === "digital" ? 1 : Math.min(99, product.stock)}
            />
          )}
          {product.kind === "physical" && product.stock > 0 && product.stock <= 5 ? (
            <p className="mt-3 text-sm text-amber-700">Últimas {product.stock} unidades!</p>
          ) : null}
        </div>
      </div>
    </article>
  );
}
