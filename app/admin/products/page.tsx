import Link from "next/link";
import { listProducts } from "@/lib/catalog/products";
import { formatMoney } from "@/lib/money";
import { Badge, ButtonLink, PageTitle, Table, Td, Th } from "../../_components/ui";
import { requireAdmin } from "@/lib/auth/session";

export const metadata = { title: "Produtos" };

export default async function AdminProductsPage({ searchParams }: { searchParams: Promise<{ cursor?: string; q?: string }> }) {
  // Every admin page checks by itself: an RSC request can render a page without its layout.
  await requireAdmin("/admin/products");
  const sp = await searchParams;
  const page = await listProducts({ limit: 50, cursor: sp.cursor, q: sp.q, includeInactive: true });
  return (
    <div>
      <div className="flex items-start justify-between">
        <PageTitle>Produtos</PageTitle>
        <ButtonLink href="/admin/products/new">Novo produto</ButtonLink>
      </div>
      <Table caption="Produtos">
        <thead>
          <tr>
            <Th>Produto</Th>
            <Th>Categoria</Th>
            <Th>Tipo</Th>
            <Th>Preço</Th>
            <Th>Estoque</Th>
            <Th>Situação</Th>
          </tr>
        </thead>
        <tbody className="divide-y divide-sand-200">
          {page.data.map((p) => (
            <tr key={p.id}>
              <Td>
                <Link href={`/admin/products/${p.id}`} className="font-medium text-ocean-700 hover:underline">
                  {p.name}
                </Link>
                <span className="block font-mono text-xs text-slate-500">{p.slug}</span>
              </Td>
              <Td>{p.categoryName}</Td>
              <Td>{p.kind === "digital" ? "digital" : "físico"}</Td>
              <Td>{formatMoney(p.priceCents, p.currency)}</Td>
              <Td>{p.stock}</Td>
              <Td>{p.active ? <Badge tone="success">ativo</Badge> : <Badge>inativo</Badge>}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
      {page.nextCursor ? (
        <Link href={`/admin/products?cursor=${page.nextCursor}`} className="mt-6 inline-block font-semibold text-ocean-700 hover:underline">
          Próxima página →
        </Link>
      ) : null}
    </div>
  );
}
