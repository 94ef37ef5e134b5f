/** pt-BR labels and badge tones for order and payment statuses, shared by every page. */
type Tone = "neutral" | "ocean" | "success" | "warning" | "danger";

export const ORDER_STATUS: Record<string, { label: string; tone: Tone }> = {
  pending_payment: { label: "aguardando pagamento", tone: "warning" },
  paid: { label: "pago", tone: "success" },
  partially_refunded: { label: "reembolsado parcialmente", tone: "ocean" },
  refunded: { label: "reembolsado", tone: "neutral" },
  payment_failed: { label: "pagamento recusado", tone: "danger" },
  cancelled: { label: "cancelado", tone: "neutral" },
  expired: { label: "expirado", tone: "neutral" },
};

export const PAYMENT_STATUS: Record<string, { label: string; tone: Tone }> = {
  created: { label: "aguardando o comprador", tone: "neutral" },
  pending: { label: "pendente", tone: "warning" },
  in_process: { label: "em análise", tone: "warning" },
  authorized: { label: "autorizado", tone: "ocean" },
  approved: { label: "aprovado", tone: "success" },
  rejected: { label: "recusado", tone: "danger" },
  cancelled: { label: "cancelado", tone: "neutral" },
  in_mediation: { label: "em disputa", tone: "warning" },
  refunded: { label: "reembolsado", tone: "neutral" },
  charged_back: { label: "chargeback", tone: "danger" },
};

export const ATTENTION: Record<string, string> = {
  approved_without_stock: "Pagamento aprovado depois da expiração, sem estoque: estornar ou enviar manualmente.",
  duplicate_payment: "Pedido pago duas vezes: avaliar estorno do pagamento duplicado.",
  amount_mismatch: "Valor pago diferente do total do pedido: não aplicado.",
};

export function orderStatus(s: string) {
  return ORDER_STATUS[s] ?? { label: s, tone: "neutral" as Tone };
}

export function paymentStatus(s: string) {
  return PAYMENT_STATUS[s] ?? { label: s, tone: "neutral" as Tone };
}

const dateTime = new Intl.DateTimeFormat("pt-BR", { dateStyle: "short", timeStyle: "short", timeZone: "America/Sao_Paulo" });
export function formatDateTime(d: Date | string): string {
  return dateTime.format(typeof d === "string" ? new Date(d) : d);
}
