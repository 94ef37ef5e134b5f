import Link from "next/link";
import { listCategories, listProducts } from "@/lib/catalog/products";
import { listProductsOp } from "@/lib/api/ops/catalog";
import { ProductCard } from "../_components/product-card";
import { PageTitle } from "../_components/ui";

export const dynamic = "force-dynamic";
export const metadata = { title: "Catálogo" };

export default async function ProductsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const parsed = listProductsOp.query!.safeParse(await searchParams);
  const query = parsed.success ? parsed.data : { limit: 20 };
  const [page, categories] = await Promise.all([listProducts(query), listCategories()]);
  const active = categories.find((c) => c.slug === query.category);
  const q = "q" in query ? query.q : undefined;
  const link = (extra: Record<string, string | undefined>) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries({ q, category: query.category, ...extra })) if (v) p.set(k, v);
    return `/products?${p}`;
  };
  return (
    <div>
      <PageTitle subtitle={q ? `Resultados para “${q}”` : active?.description}>{active?.name ?? "Catálogo"}</PageTitle>
      <nav aria-label="Filtrar por categoria" className="mb-6 flex flex-wrap gap-2">
        <Link href={link({ category: undefined, cursor: undefined })} aria-current={!active ? "page" : undefined} className="rounded-full border border-ocean-200 px-4 py-1.5 text-sm aria-[current=page]:bg-ocean-800 aria-[current=page]:text-white">
          Todos
        </Link>
        {categories.map((c) => (
          <Link key={c.id} href={link({ category: c.slug })} aria-current={active?.id === c.id ? "page" : undefined} className="rounded-full border border-ocean-200 px-4 py-1.5 text-sm aria-[current=page]:bg-ocean-800 aria-[current=page]:text-white">
            {c.name}
          </Link>
        ))}
      </nav>
      {page.data.length === 0 ? (
        <p className="rounded-2xl bg-white p-8 text-center text-slate-600">Nenhum produto encontrado. Tente outra busca.</p>
      ) : (
        <div className="grid grid-cols-1 gap-6 sm:grid-cols-2 lg:grid-cols-4">
          {page.data.map((p) => (
            <ProductCard key={p.id} product={p} />
          ))}
        </div>
      )}
      {page.nextCursor ? (
        <div className="mt-8 text-center">
          <Link href={link({ cursor: page.nextCursor })} className="font-semibold text-ocean-700 hover:underline">
            Mais produtos →
          </Link>
        </div>
      ) : null}
    </div>
  );
}
