import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { AppError } from "@/lib/http/errors";
import { formatMoney } from "@/lib/money";
import { getOrderFor } from "@/lib/orders/get-order";
import { orderStatus } from "@/lib/payments/labels";
import { syncOrderFromMercadoPago } from "@/lib/payments/reconcile";
import { logger } from "@/lib/observability/logger";
import { Badge, ButtonLink, Card, PageTitle } from "../_components/ui";

type Search = Promise<Record<string, string | string[] | undefined>>;

const HEADLINES: Record<string, { title: string; text: string }> = {
  paid: { title: "Pagamento aprovado!", text: "Recebemos seu pagamento. Você vai receber a confirmação por e-mail." },
  pending_payment: { title: "Pagamento em processamento", text: "Assim que o Mercado Pago confirmar, avisamos por e-mail." },
  payment_failed: { title: "Pagamento não aprovado", text: "Nada foi cobrado. Você pode tentar de novo com outro meio de pagamento." },
};

/**
 * The back_urls page. It never trusts its query string: it shows the order status we hold, and
 * if the webhook has not arrived yet it asks Mercado Pago itself before answering.
 */
export async function ReturnView({ searchParams }: { searchParams: Search }) {
  const sp = await searchParams;
  const orderId = String(sp.order ?? sp.external_reference ?? "");
  const caller = await requireUser(`/orders`);
  const load = () =>
    getOrderFor(caller, orderId).catch((err) => {
      if (err instanceof AppError && (err.status === 404 || err.status === 422)) notFound();
      throw err;
    });
  if (!/^[0-9a-f-]{36}$/i.test(orderId)) notFound();
  let order = await load();
  if (order.status === "pending_payment" || order.status === "payment_failed") {
    try {
      await syncOrderFromMercadoPago(order.id, "return page");
      order = await load();
    } catch (err) {
      logger().warn({ err, orderId }, "return page: Mercado Pago lookup failed; showing what we hold");
    }
  }
  const status = orderStatus(order.status);
  const headline = HEADLINES[order.status] ?? { title: "Situação do pedido", text: "" };
  return (
    <div className="mx-auto max-w-2xl">
      <PageTitle>{headline.title}</PageTitle>
      <Card className="space-y-4">
        <p className="text-slate-700">{headline.text}</p>
        <p className="flex items-center gap-2">
          <span className="text-sm text-slate-600">Pedido {order.id.slice(0, 8)}:</span>
          <Badge tone={status.tone}>
            <span data-testid="order-status">{status.label}</span>
          </Badge>
        </p>
        <p className="text-lg font-semibold">{formatMoney(order.totalCents, order.currency)}</p>
        <div className="flex flex-wrap gap-3">
          <ButtonLink href={`/orders/${order.id}`}>Ver pedido</ButtonLink>
          {order.status === "payment_failed" ? (
            <ButtonLink href={`/checkout/${order.id}`} variant="secondary">
              Tentar novamente
            </ButtonLink>
          ) : null}
          <Link href="/products" className="self-center text-sm font-semibold text-ocean-700 hover:underline">
            Continuar comprando
          </Link>
        </div>
      </Card>
    </div>
  );
}
