/**
 * The hosted checkout at `init_point` (`/checkout/v1/redirect?pref_id=...`): pay with a test
 * cardholder name or leave; afterwards the buyer is sent to the matching `back_urls` entry with
 * the query parameters Mercado Pago appends, automatically when `auto_return` says so.
 */
import { checkoutFormPage, messagePage, resultPage } from "./checkout-page";
import { ApiError } from "./errors";
import { formBody, type Handler, respond, type Router } from "./http";
import { allowedMethods, createPaymentFromPreference, findPayment, maxInstallments } from "./payments";
import { checkoutUrl, unpayableReason } from "./preferences";
import type { PaymentRecord, PreferenceRecord } from "./types";

type BackKey = "success" | "pending" | "failure";

export function backKeyFor(status: string): BackKey {
  if (status === "approved") return "success";
  if (status === "rejected" || status === "cancelled") return "failure";
  return "pending";
}

/** Appends Mercado Pago's return parameters, in the order MP sends them, to a back URL. */
export function backUrlWithParams(base: string, pref: PreferenceRecord, payment: PaymentRecord | null): string {
  const url = new URL(base);
  const id = payment ? String(payment.id) : "null";
  const status = payment ? payment.status : "null";
  const params: [string, string][] = [
    ["collection_id", id],
    ["collection_status", status],
    ["payment_id", id],
    ["status", status],
    ["external_reference", pref.data.external_reference || "null"],
    ["payment_type", payment ? payment.paymentTypeId : "null"],
    ["merchant_order_id", payment ? String(payment.merchantOrderId) : "null"],
    ["preference_id", pref.id],
    ["site_id", pref.data.site_id],
    ["processing_mode", "aggregator"],
    ["merchant_account_id", "null"],
  ];
  for (const [key, value] of params) url.searchParams.append(key, value);
  return url.toString();
}

function autoReturns(pref: PreferenceRecord, payment: PaymentRecord): boolean {
  const mode = pref.data.auto_return;
  return mode === "all" || (mode === "approved" && payment.status === "approved");
}

function leaveUrl(pref: PreferenceRecord): string {
  return `/checkout/v1/cancel?pref_id=${encodeURIComponent(pref.id)}`;
}

function notFound() {
  return respond.html(404, messagePage("Link de pagamento inválido", "Não encontramos esta preferência de pagamento."));
}

function renderForm(pref: PreferenceRecord, status: number, error?: string, values?: Record<string, string>) {
  const reason = unpayableReason(pref.data);
  if (reason) return respond.html(410, messagePage("Pagamento indisponível", reason, { href: leaveUrl(pref), label: "Voltar para a loja" }));
  const methods = allowedMethods(pref);
  const max = Math.max(1, ...methods.map((m) => maxInstallments(pref, m.typeId)));
  return respond.html(status, checkoutFormPage(pref, { methods, maxInstallments: max, leaveUrl: leaveUrl(pref), error, values }));
}

const show: Handler = (req, ctx) => {
  const pref = ctx.store.preferences.get(req.query.get("pref_id") ?? "");
  return pref ? renderForm(pref, 200) : notFound();
};

function friendlyError(error: ApiError): string {
  const message = error.body.message;
  if (message.startsWith("Unknown test cardholder name")) {
    return "Nome do titular inválido: use um dos nomes de teste (APRO, OTHE, CONT, CALL, FUND, SECU, EXPI, FORM, ...).";
  }
  if (message.startsWith("Invalid installments")) return "Número de parcelas inválido para esta forma de pagamento.";
  if (message.startsWith("Payment method")) return "Forma de pagamento indisponível para esta compra.";
  return message;
}

const pay: Handler = (req, ctx) => {
  const form = formBody(req);
  const pref = ctx.store.preferences.get(form.get("pref_id") ?? "");
  if (!pref) return notFound();
  const values = Object.fromEntries(form.entries());
  let payment: PaymentRecord;
  try {
    payment = createPaymentFromPreference(ctx, pref, {
      paymentMethodId: form.get("payment_method_id"),
      cardholderName: form.get("cardholder_name"),
      cardNumber: form.get("card_number"),
      installments: Number(form.get("installments") || "1"),
      email: form.get("email"),
      identification: { type: "CPF", number: (form.get("identification_number") || "12345678909").replace(/\D/g, "") },
    });
  } catch (error) {
    if (error instanceof ApiError) return renderForm(pref, 400, friendlyError(error), values);
    throw error;
  }
  const backUrl = pref.data.back_urls[backKeyFor(payment.status)];
  if (backUrl && autoReturns(pref, payment) && ctx.config.autoReturnDelayMs <= 0) {
    return respond.redirect(backUrlWithParams(backUrl, pref, payment));
  }
  return respond.redirect(`/checkout/v1/result?payment_id=${payment.id}`);
};

const result: Handler = (req, ctx) => {
  const payment = findPayment(ctx, req.query.get("payment_id") ?? "");
  const pref = payment && ctx.store.preferences.get(payment.preferenceId);
  if (!payment || !pref) return respond.html(404, messagePage("Pagamento não encontrado", "Não encontramos este pagamento."));
  const backUrl = pref.data.back_urls[backKeyFor(payment.status)];
  const target = backUrl ? backUrlWithParams(backUrl, pref, payment) : null;
  const seconds = autoReturns(pref, payment) ? Math.ceil(ctx.config.autoReturnDelayMs / 1000) : null;
  const retryUrl = payment.status === "rejected" ? checkoutUrl(ctx, pref.id) : null;
  return respond.html(200, resultPage(payment, { backUrl: target, retryUrl, autoReturnSeconds: seconds }));
};

/** "Voltar para a loja" before paying: Mercado Pago returns to `failure` with null payment data. */
const cancel: Handler = (req, ctx) => {
  const pref = ctx.store.preferences.get(req.query.get("pref_id") ?? "");
  if (!pref) return notFound();
  const target = pref.data.back_urls.failure || pref.data.back_urls.pending;
  if (target) return respond.redirect(backUrlWithParams(target, pref, null), 302);
  return respond.html(200, messagePage("Você saiu do pagamento", "Nenhum pagamento foi feito. Você já pode fechar esta página."));
};

export function registerCheckoutRoutes(router: Router): void {
  router
    .on("GET", "/checkout/v1/redirect", show)
    .on("POST", "/checkout/v1/pay", pay)
    .on("GET", "/checkout/v1/result", result)
    .on("GET", "/checkout/v1/cancel", cancel);
}
