import { eq } from "drizzle-orm";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { getDb, schema } from "@/lib/db";
import { AppError } from "@/lib/http/errors";
import { formatMoney } from "@/lib/money";
import { MONEY_TAKEN } from "@/lib/orders/cancel-order";
import { getOrderFor } from "@/lib/orders/get-order";
import { formatDateTime, orderStatus, paymentStatus } from "@/lib/payments/labels";
import { Badge, ButtonLink, Card, PageTitle } from "../../_components/ui";
import { CancelOrderButton } from "./cancel-order-button";

export const metadata = { title: "Pedido" };

export default async function OrderPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const caller = await requireUser(`/orders/${id}`);
  const order = await getOrderFor({ ...caller, user: { ...caller.user, role: "customer" } }, id).catch((err) => {
    if (err instanceof AppError && (err.status === 404 || err.status === 422)) notFound();
    throw err;
  });
  const db = await getDb();
  const [payments, items] = await Promise.all([
    db.select().from(schema.payments).where(eq(schema.payments.orderId, order.id)).orderBy(schema.payments.createdAt),
    db.select().from(schema.orderItems).where(eq(schema.orderItems.orderId, order.id)),
  ]);
  const status = orderStatus(order.status);
  const paid = ["paid", "partially_refunded"].includes(order.status);
  // The same rule the API applies (lib/orders/cancel-order.ts): unpaid, and no payment approved.
  const cancellable = order.status === "pending_payment" && !payments.some((p) => MONEY_TAKEN.includes(p.status));
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageTitle subtitle={`Criado em ${formatDateTime(order.createdAt)}`}>Pedido {order.id.slice(0, 8)}</PageTitle>
      <Card className="space-y-4">
        <p className="flex items-center gap-2">
          <span className="text-sm text-slate-600">Situação:</span>
          <Badge tone={status.tone}>
            <span data-testid="order-status">{status.label}</span>
          </Badge>
        </p>
        <ul className="divide-y divide-sand-200">
          {items.map((i) => (
            <li key={i.id} className="flex items-center justify-between gap-4 py-3">
              <span>
                {i.quantity}× {i.name}
              </span>
              <span className="flex items-center gap-4">
                {paid && i.kind === "digital" && i.downloadFileId ? (
                  <Link href={`/files/${i.downloadFileId}`} className="text-sm font-semibold text-ocean-700 hover:underline">
                    Baixar
                  </Link>
                ) : null}
                <span className="font-semibold">{formatMoney(i.unitPriceCents * i.quantity, order.currency)}</span>
              </span>
            </li>
          ))}
        </ul>
        <p className="flex justify-between text-lg">
          <span>Total</span>
          <span className="font-bold">{formatMoney(order.totalCents, order.currency)}</span>
        </p>
        <div className="flex flex-wrap items-start gap-3">
          {["pending_payment", "payment_failed", "expired"].includes(order.status) ? (
            <ButtonLink href={`/checkout/${order.id}`}>{order.status === "pending_payment" ? "Pagar agora" : "Tentar novamente"}</ButtonLink>
          ) : null}
          {cancellable ? <CancelOrderButton orderId={order.id} /> : null}
        </div>
      </Card>
      {payments.length ? (
        <Card>
          <h2 className="mb-3 font-semibold text-ocean-900">Pagamentos</h2>
          <ul className="space-y-2 text-sm">
            {payments.map((p) => {
              const s = paymentStatus(p.status);
              return (
                <li key={p.id} className="flex flex-wrap items-center gap-3">
                  <Badge tone={s.tone}>{s.label}</Badge>
                  <span>{formatDateTime(p.updatedAt)}</span>
                  {p.paymentMethod ? <span className="text-slate-600">{p.paymentMethod}</span> : null}
                  {p.refundedCents ? <span className="text-slate-600">reembolsado {formatMoney(p.refundedCents, p.currency)}</span> : null}
                </li>
              );
            })}
          </ul>
        </Card>
      ) : null}
    </div>
  );
}
