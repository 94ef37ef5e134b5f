import Link from "next/link";
import type { Product } from "@/lib/catalog/products";
import { formatMoney } from "@/lib/money";
import { ProductImg } from "./product-image";
import { Badge } from "./ui";

export function ProductCard({ product }: { product: Product }) {
  const image = product.images[0];
  return (
    <Link
      href={`/products/${product.slug}`}
      className="group flex flex-col overflow-hidden rounded-2xl border border-sand-200 bg-white shadow-sm transition hover:-translate-y-0.5 hover:shadow-md"
      data-testid="product-card"
    >
      <div className="aspect-[4/3] bg-ocean-50">
        {image ? (
          <ProductImg
            image={image}
            alt=""
            loading="lazy"
            sizes="(min-width: 1024px) 25vw, (min-width: 640px) 50vw, 100vw"
            className="h-full w-full object-cover transition group-hover:scale-[1.02]"
          />
        ) : null}
      </div>
      <div className="flex flex-1 flex-col gap-2 p-4">
        <div className="flex items-center gap-2">
          <Badge tone={product.kind === "digital" ? "ocean" : "neutral"}>{product.kind === "digital" ? "Digital" : product.categoryName}</Badge>
          {product.kind === "physical" && product.stock === 0 ? <Badge tone="danger">Esgotado</Badge> : null}
        </div>
        <h3 className="font-semibold text-slate-900 group-hover:text-ocean-700">{product.name}</h3>
        <p className="mt-auto text-lg font-bold text-ocean-800">{formatMoney(product.priceCents, product.currency)}</p>
      </div>
    </Link>
  );
}
