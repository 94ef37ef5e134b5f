import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { formatMoney } from "@/lib/money";
import { listOrdersFor } from "@/lib/orders/get-order";
import { formatDateTime, orderStatus } from "@/lib/payments/labels";
import { Badge, ButtonLink, Card, PageTitle, Table, Td, Th } from "../_components/ui";

export const metadata = { title: "Meus pedidos" };

export default async function OrdersPage({ searchParams }: { searchParams: Promise<{ cursor?: string }> }) {
  const caller = await requireUser("/orders");
  const { cursor } = await searchParams;
  const page = await listOrdersFor({ ...caller, user: { ...caller.user, role: "customer" } }, { limit: 20, cursor });
  return (
    <div>
      <PageTitle>Meus pedidos</PageTitle>
      {page.data.length === 0 ? (
        <Card className="text-center">
          <p className="text-slate-600">Você ainda não fez pedidos.</p>
          <ButtonLink href="/products" className="mt-4">
            Ver produtos
          </ButtonLink>
        </Card>
      ) : (
        <Table caption="Seus pedidos">
          <thead>
            <tr>
              <Th>Pedido</Th>
              <Th>Data</Th>
              <Th>Itens</Th>
              <Th>Total</Th>
              <Th>Situação</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-sand-200">
            {page.data.map((o) => {
              const s = orderStatus(o.status);
              return (
                <tr key={o.id} data-testid="order-row">
                  <Td>
                    <Link href={`/orders/${o.id}`} className="font-mono text-ocean-700 hover:underline">
                      {o.id.slice(0, 8)}
                    </Link>
                  </Td>
                  <Td>{formatDateTime(o.createdAt)}</Td>
                  <Td>{o.items.map((i) => `${i.quantity}× ${i.name}`).join(", ")}</Td>
                  <Td>{formatMoney(o.totalCents, o.currency)}</Td>
                  <Td>
                    <Badge tone={s.tone}>{s.label}</Badge>
                  </Td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      )}
      {page.nextCursor ? (
        <Link href={`/orders?cursor=${page.nextCursor}`} className="mt-6 inline-block font-semibold text-ocean-700 hover:underline">
          Pedidos mais antigos →
        </Link>
      ) : null}
    </div>
  );
}
