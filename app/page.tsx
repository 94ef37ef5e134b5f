import Link from "next/link";
import { listCategories, listProducts } from "@/lib/catalog/products";
import { ProductCard } from "./_components/product-card";
import { ButtonLink } from "./_components/ui";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const [featured, categories] = await Promise.all([listProducts({ limit: 8 }), listCategories()]);
  return (
    <div className="space-y-14">
      <section className="relative overflow-hidden rounded-3xl bg-gradient-to-br from-ocean-700 via-ocean-800 to-ocean-900 px-8 py-14 text-white md:px-14">
        <div className="max-w-xl">
          <p className="text-sm font-semibold uppercase tracking-widest text-coral-500">Temporada de swell</p>
          <h1 className="mt-3 text-4xl font-black leading-tight md:text-5xl">Tudo para a sua próxima session.</h1>
          <p className="mt-4 text-lg text-ocean-100">
            Pranchas shapeadas no Brasil, roupas de borracha para água fria e quente, acessórios e guias digitais para evoluir no surf.
          </p>
          <div className="mt-8 flex flex-wrap gap-3">
            <ButtonLink href="/products">Ver catálogo</ButtonLink>
            <ButtonLink href="/products?category=digitais" variant="ghost" className="border-white/40 text-white hover:bg-white/10">
              Guias e aulas em vídeo
            </ButtonLink>
          </div>
        </div>
        <svg aria-hidden="true" className="absolute -bottom-6 right-0 hidden w-1/2 md:block" viewBox="0 0 400 120">
          <path d="M0 80 C 60 20, 120 20, 180 70 S 300 120, 400 40 V120 H0z" fill="#136a8f" opacity="0.6" />
          <path d="M0 100 C 80 60, 160 60, 220 95 S 330 120, 400 80 V120 H0z" fill="#ff6b4a" opacity="0.35" />
        </svg>
      </section>

      <section aria-labelledby="categorias">
        <h2 id="categorias" className="text-2xl font-bold text-ocean-900">
          Categorias
        </h2>
        <ul className="mt-4 grid grid-cols-2 gap-4 md:grid-cols-4">
          {categories.map((c) => (
            <li key={c.id}>
              <Link href={`/products?category=${c.slug}`} className="block rounded-2xl border border-sand-200 bg-white p-5 hover:border-ocean-200 hover:bg-ocean-50">
                <span className="font-semibold text-ocean-800">{c.name}</span>
                <span className="mt-1 block text-sm text-slate-600">{c.description}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="destaques">
        <div className="flex items-end justify-between">
          <h2 id="destaques" className="text-2xl font-bold text-ocean-900">
            Destaques
          </h2>
          <Link href="/products" className="text-sm font-semibold text-ocean-600 hover:underline">
            Ver todos
          </Link>
        </div>
        <div className="mt-4 grid grid-cols-1 gap-6 sm:grid-cols-2 lg:grid-cols-4">
          {featured.data.map((p) => (
            <ProductCard key={p.id} product={p} />
          ))}
        </div>
      </section>
    </div>
  );
}
