import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { AppError } from "@/lib/http/errors";
import { formatMoney } from "@/lib/money";
import { getOrderFor } from "@/lib/orders/get-order";
import { formatDateTime, orderStatus } from "@/lib/payments/labels";
import { Badge, ButtonLink, Card, PageTitle } from "../../_components/ui";
import { PayButton } from "./pay-button";

export const metadata = { title: "Pagamento" };

/** Step 2: the order as the server priced it, and the way to Mercado Pago. */
export default async function PayOrderPage({ params }: { params: Promise<{ orderId: string }> }) {
  const { orderId } = await params;
  const caller = await requireUser(`/checkout/${orderId}`);
  const order = await getOrderFor(caller, orderId).catch((err) => {
    if (err instanceof AppError && err.status === 404) notFound();
    throw err;
  });
  const payable = ["pending_payment", "payment_failed", "expired"].includes(order.status);
  const status = orderStatus(order.status);
  return (
    <div className="mx-auto max-w-3xl">
      <PageTitle subtitle={`Pedido ${order.id.slice(0, 8)} · criado em ${formatDateTime(order.createdAt)}`}>Resumo do pedido</PageTitle>
      <Card className="space-y-6">
        <div className="flex items-center gap-2">
          <span className="text-sm text-slate-600">Situação:</span>
          <Badge tone={status.tone}>{status.label}</Badge>
        </div>
        <ul className="divide-y divide-sand-200">
          {order.items.map((i) => (
            <li key={i.productId} className="flex justify-between py-3">
              <span>
                {i.quantity}× {i.name}
              </span>
              <span className="font-semibold">{formatMoney(i.unitPriceCents * i.quantity, order.currency)}</span>
            </li>
          ))}
        </ul>
        <div className="flex justify-between text-xl">
          <span>Total</span>
          <span className="font-bold" data-testid="order-total">
            {formatMoney(order.totalCents, order.currency)}
          </span>
        </div>
        {payable ? (
          <>
            <p className="text-sm text-slate-600">
              Você será levado ao Mercado Pago para pagar com Pix, cartão ou boleto. Reservamos seus itens até {formatDateTime(order.expiresAt)}.
            </p>
            <PayButton orderId={order.id} />
          </>
        ) : (
          <ButtonLink href={`/orders/${order.id}`} variant="secondary">
            Ver pedido
          </ButtonLink>
        )}
      </Card>
    </div>
  );
}
