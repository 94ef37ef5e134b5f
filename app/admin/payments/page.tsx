import Link from "next/link";
import { requireAdmin } from "@/lib/auth/session";
import { formatMoney } from "@/lib/money";
import { listPaymentsOrFirstPage } from "@/lib/payments/get-payment";
import { formatDateTime, PAYMENT_STATUS, paymentStatus } from "@/lib/payments/labels";
import { Badge, buttonClass, PageTitle, Table, Td, Th } from "../../_components/ui";

export const metadata = { title: "Pagamentos" };

type Search = Promise<Record<string, string | string[] | undefined>>;

function dayStart(v: string | undefined, end = false): Date | undefined {
  if (!v || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return undefined;
  // Dates typed by staff are São Paulo days (UTC-3).
  return new Date(`${v}T${end ? "23:59:59.999" : "00:00:00.000"}-03:00`);
}

export default async function AdminPaymentsPage({ searchParams }: { searchParams: Search }) {
  const caller = await requireAdmin("/admin/payments");
  // A repeated parameter (?q=a&q=b) arrives as an array: the first one counts.
  const sp = Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])) as Record<string, string | undefined>;
  // A hand-edited or forged ?cursor= shows the first page with a notice, never the error page.
  const page = await listPaymentsOrFirstPage(caller, {
    limit: 25,
    cursor: sp.cursor,
    status: sp.status || undefined,
    from: dayStart(sp.from),
    to: dayStart(sp.to, true),
    q: sp.q || undefined,
  });
  const keep = new URLSearchParams(Object.entries(sp).filter(([k, v]) => k !== "cursor" && v) as [string, string][]);
  return (
    <div>
      <PageTitle>Pagamentos</PageTitle>
      <form className="mb-6 grid gap-3 rounded-2xl border border-sand-200 bg-white p-4 md:grid-cols-5" aria-label="Filtros">
        <label className="text-sm">
          <span className="block font-medium">Situação</span>
          <select name="status" defaultValue={sp.status ?? ""} className="mt-1 w-full rounded-lg border border-slate-300 px-2 py-2">
            <option value="">Todas</option>
            {Object.entries(PAYMENT_STATUS).map(([k, v]) => (
              <option key={k} value={k}>
                {v.label}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          <span className="block font-medium">De</span>
          <input type="date" name="from" defaultValue={sp.from} className="mt-1 w-full rounded-lg border border-slate-300 px-2 py-2" />
        </label>
        <label className="text-sm">
          <span className="block font-medium">Até</span>
          <input type="date" name="to" defaultValue={sp.to} className="mt-1 w-full rounded-lg border border-slate-300 px-2 py-2" />
        </label>
        <label className="text-sm">
          <span className="block font-medium">E-mail ou pedido</span>
          <input name="q" defaultValue={sp.q} placeholder="cliente@... ou id do pedido" className="mt-1 w-full rounded-lg border border-slate-300 px-2 py-2" />
        </label>
        <div className="flex items-end">
          <button type="submit" className={buttonClass("secondary", "w-full")}>
            Filtrar
          </button>
        </div>
      </form>
      {page.cursorRejected ? (
        <p className="mb-4 rounded-xl border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900" role="status" data-testid="cursor-notice">
          O link de paginação é inválido ou expirou. Mostrando a primeira página.
        </p>
      ) : null}
      {page.data.length === 0 ? (
        <p className="rounded-2xl bg-white p-8 text-center text-slate-600">Nenhum pagamento encontrado.</p>
      ) : (
        <Table caption="Pagamentos">
          <thead>
            <tr>
              <Th>Data</Th>
              <Th>Comprador</Th>
              <Th>Pedido</Th>
              <Th>Valor</Th>
              <Th>Reembolsado</Th>
              <Th>Situação</Th>
              <Th>Mercado Pago</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-sand-200">
            {page.data.map((p) => {
              const s = paymentStatus(p.status);
              return (
                <tr key={p.id} data-testid="payment-row">
                  <Td>
                    <Link href={`/admin/payments/${p.id}`} className="text-ocean-700 hover:underline">
                      {formatDateTime(p.createdAt)}
                    </Link>
                  </Td>
                  <Td>
                    {p.buyerName}
                    <span className="block text-xs text-slate-500">{p.buyerEmail}</span>
                  </Td>
                  <Td className="font-mono">{p.orderId.slice(0, 8)}</Td>
                  <Td>{formatMoney(p.amountCents, p.currency)}</Td>
                  <Td>{p.refundedCents ? formatMoney(p.refundedCents, p.currency) : "—"}</Td>
                  <Td>
                    <Badge tone={s.tone}>{s.label}</Badge>
                  </Td>
                  <Td className="font-mono text-xs">{p.mpPaymentId ?? "—"}</Td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      )}
      {page.nextCursor ? (
        <Link href={`/admin/payments?${new URLSearchParams([...keep, ["cursor", page.nextCursor]])}`} className="mt-6 inline-block font-semibold text-ocean-700 hover:underline">
          Próxima página →
        </Link>
      ) : null}
    </div>
  );
}
