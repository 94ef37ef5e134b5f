import { eq } from "drizzle-orm";
import { notFound } from "next/navigation";
import { getDb, schema } from "@/lib/db";
import { formatMoney } from "@/lib/money";
import { ATTENTION, formatDateTime, orderStatus, paymentStatus } from "@/lib/payments/labels";
import { listRefunds } from "@/lib/payments/refund";
import { paymentTimeline } from "@/lib/payments/get-payment";
import { Badge, Card, PageTitle } from "../../../_components/ui";
import { RefundForm } from "./refund-form";
import { requireAdmin } from "@/lib/auth/session";

export const metadata = { title: "Pagamento" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function AdminPaymentPage({ params }: { params: Promise<{ id: string }> }) {
  // Every admin page checks by itself: an RSC request can render a page without its layout.
  await requireAdmin("/admin/payments");
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const db = await getDb();
  const [row] = await db
    .select({ payment: schema.payments, order: schema.orders, buyer: schema.users })
    .from(schema.payments)
    .innerJoin(schema.orders, eq(schema.orders.id, schema.payments.orderId))
    .innerJoin(schema.users, eq(schema.users.id, schema.orders.userId))
    .where(eq(schema.payments.id, id));
  if (!row) notFound();
  const { payment, order, buyer } = row;
  const [items, refunds, timeline] = await Promise.all([
    db.select().from(schema.orderItems).where(eq(schema.orderItems.orderId, order.id)),
    listRefunds(payment.id),
    paymentTimeline(payment.id),
  ]);
  const ps = paymentStatus(payment.status);
  const os = orderStatus(order.status);
  const pending = refunds.filter((r) => r.status !== "failed").reduce((n, r) => n + r.amountCents, 0);
  const refundable = payment.amountCents - Math.max(pending, payment.refundedCents);
  const mp = (payment.providerData ?? {}) as Record<string, unknown>;
  const fields: [string, unknown][] = [
    ["ID no Mercado Pago", payment.mpPaymentId],
    ["Preferência", payment.preferenceId],
    ["Situação no MP", `${mp.status ?? payment.status}${mp.status_detail ? ` (${mp.status_detail})` : ""}`],
    ["Meio de pagamento", `${mp.payment_method_id ?? payment.paymentMethod ?? "—"} · ${mp.payment_type_id ?? ""}`],
    ["Parcelas", mp.installments],
    ["Valor da transação", mp.transaction_amount],
    ["Reembolsado no MP", mp.transaction_amount_refunded],
    ["Pagador", (mp.payer as { email?: string } | undefined)?.email ?? payment.payerEmail],
    ["Criado no MP", mp.date_created],
    ["Aprovado em", mp.date_approved],
    ["Modo", mp.live_mode === false ? "teste" : mp.live_mode ? "produção" : undefined],
  ];
  return (
    <div className="space-y-6">
      <PageTitle subtitle={`${buyer.name} · ${buyer.email}`}>Pagamento {payment.id.slice(0, 8)}</PageTitle>
      {order.attention ? (
        <p className="rounded-xl border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900" role="status">
          {ATTENTION[order.attention] ?? order.attention}
        </p>
      ) : null}
      <div className="grid gap-4 md:grid-cols-2">
        <Card className="space-y-3">
          <h2 className="font-semibold text-ocean-900">Pagamento</h2>
          <p className="flex items-center gap-2">
            <Badge tone={ps.tone}>
              <span data-testid="payment-status">{ps.label}</span>
            </Badge>
            <span className="text-sm text-slate-600">atualizado {formatDateTime(payment.updatedAt)}</span>
          </p>
          <p className="text-2xl font-bold">{formatMoney(payment.amountCents, payment.currency)}</p>
          <p className="text-sm">
            Reembolsado: <strong data-testid="refunded-amount">{formatMoney(payment.refundedCents, payment.currency)}</strong>
          </p>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            {fields
              .filter(([, v]) => v !== undefined && v !== null && v !== "")
              .map(([k, v]) => (
                <div key={k} className="contents">
                  <dt className="text-slate-500">{k}</dt>
                  <dd className="break-all font-mono text-xs">{String(v)}</dd>
                </div>
              ))}
          </dl>
        </Card>
        <Card className="space-y-3">
          <h2 className="font-semibold text-ocean-900">Pedido {order.id.slice(0, 8)}</h2>
          <p>
            <Badge tone={os.tone}>
              <span data-testid="admin-order-status">{os.label}</span>
            </Badge>
          </p>
          <ul className="text-sm">
            {items.map((i) => (
              <li key={i.id}>
                {i.quantity}× {i.name} — {formatMoney(i.unitPriceCents * i.quantity, order.currency)}
              </li>
            ))}
          </ul>
          <p className="font-semibold">Total {formatMoney(order.totalCents, order.currency)}</p>
        </Card>
      </div>
      <Card>
        <h2 className="font-semibold text-ocean-900">Reembolso</h2>
        {refunds.length ? (
          <ul className="mt-2 space-y-1 text-sm">
            {refunds.map((r) => (
              <li key={r.id}>
                {formatDateTime(r.createdAt)} · {formatMoney(r.amountCents, payment.currency)} · {r.status}
                {r.mpRefundId ? ` · MP ${r.mpRefundId}` : ""}
              </li>
            ))}
          </ul>
        ) : null}
        {["approved", "in_mediation"].includes(payment.status) && refundable > 0 ? (
          <RefundForm paymentId={payment.id} refundableCents={refundable} currency={payment.currency} />
        ) : (
          <p className="mt-2 text-sm text-slate-600">Nada a reembolsar.</p>
        )}
      </Card>
      <Card>
        <h2 className="font-semibold text-ocean-900">Linha do tempo</h2>
        <ol className="mt-3 space-y-3 border-l-2 border-ocean-100 pl-4" data-testid="timeline">
          {timeline.map((e, i) => (
            <li key={`${e.kind}-${i}`} className="text-sm">
              <span className="text-xs text-slate-500">{formatDateTime(e.at)}</span>
              <p className="font-medium">{e.title}</p>
              {e.detail ? <p className="text-slate-600">{e.detail}</p> : null}
            </li>
          ))}
        </ol>
      </Card>
    </div>
  );
}
