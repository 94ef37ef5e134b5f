/** The hosted checkout pages (pt-BR): payment form, result page and "left the checkout" page. */
import { CARDHOLDER_OUTCOMES, type PaymentMethodOption } from "./cardholders";
import { esc, page } from "./html";
import { formatBrl, toCents } from "./money";
import type { PaymentRecord, PreferenceRecord } from "./types";

export interface FormState {
  methods: PaymentMethodOption[];
  maxInstallments: number;
  leaveUrl: string;
  error?: string | null;
  values?: Record<string, string>;
}

function summary(pref: PreferenceRecord): string {
  const items = pref.data.items
    .map((item) => {
      const line = (toCents(item.unit_price) ?? 0) * item.quantity;
      return `<li><span>${esc(item.title)} × ${item.quantity}</span><span>${formatBrl(line)}</span></li>`;
    })
    .join("");
  const shippingCost = typeof pref.data.shipments.cost === "number" ? (toCents(pref.data.shipments.cost) ?? 0) : 0;
  const shipping = shippingCost > 0 ? `<li><span>Frete</span><span>${formatBrl(shippingCost)}</span></li>` : "";
  return `<section class="card" aria-labelledby="resumo"><h1 id="resumo">Resumo da compra</h1>
<ul class="items">${items}${shipping}</ul>
<p class="total"><span>Total</span><strong data-testid="total">${formatBrl(pref.totalCents)}</strong></p></section>`;
}

function hint(): string {
  const rows = CARDHOLDER_OUTCOMES.map((o) => `<tr><td><code>${o.name}</code></td><td>${esc(o.label)}</td><td><code>${o.status}/${o.statusDetail}</code></td></tr>`).join("");
  return `<details class="hint"><summary>Nomes de titular de teste: <code>APRO</code> aprova, <code>OTHE</code> recusa, <code>CONT</code> fica pendente (ver todos)</summary>
<table><thead><tr><th>Nome</th><th>Resultado</th><th>status/status_detail</th></tr></thead><tbody>${rows}</tbody></table></details>`;
}

export function checkoutFormPage(pref: PreferenceRecord, state: FormState): string {
  const v = state.values ?? {};
  const selected = v.payment_method_id || pref.data.payment_methods.default_payment_method_id || state.methods[0]?.id;
  const radios = state.methods
    .map((m) => `<label><input type="radio" name="payment_method_id" value="${m.id}"${m.id === selected ? " checked" : ""}> ${esc(m.label)}</label>`)
    .join("");
  const installments = Array.from({ length: state.maxInstallments }, (_, i) => i + 1)
    .map((n) => `<option value="${n}"${String(n) === v.installments ? " selected" : ""}>${n}x de ${formatBrl(Math.round(pref.totalCents / n))} sem juros</option>`)
    .join("");
  const names = CARDHOLDER_OUTCOMES.map((o) => `<option value="${o.name}">${esc(o.label)}</option>`).join("");
  const email = v.email ?? ((pref.data.payer.email as string) || "test_user_123456@testuser.com");
  const error = state.error ? `<p class="error" role="alert">${esc(state.error)}</p>` : "";
  const body = `${summary(pref)}
<section class="card" aria-labelledby="pagar"><h2 id="pagar">Como você prefere pagar?</h2>${error}
<form method="post" action="/checkout/v1/pay">
<input type="hidden" name="pref_id" value="${esc(pref.id)}">
<fieldset><legend>Forma de pagamento</legend>${radios}</fieldset>
<label for="card_number">Número do cartão</label>
<input type="text" id="card_number" name="card_number" inputmode="numeric" autocomplete="off" placeholder="5031 4332 1540 6351" value="${esc(v.card_number ?? "")}">
<label for="cardholder_name">Nome do titular</label>
<input type="text" id="cardholder_name" name="cardholder_name" list="nomes-de-teste" autocomplete="off" value="${esc(v.cardholder_name ?? "")}">
<datalist id="nomes-de-teste">${names}</datalist>
${hint()}
<label for="identification_number">CPF do titular</label>
<input type="text" id="identification_number" name="identification_number" inputmode="numeric" value="${esc(v.identification_number ?? "12345678909")}">
<label for="email">E-mail</label>
<input type="email" id="email" name="email" value="${esc(email)}">
<label for="installments">Parcelas</label>
<select id="installments" name="installments">${installments}</select>
<p class="hint">Cartões de teste: Mastercard 5031 4332 1540 6351, Visa 4235 6477 2802 5682, Elo débito 5067 7667 8388 8311 (CVV 123, validade 11/30). Pix e boleto ficam pendentes até serem aprovados pela API de controle.</p>
<button type="submit">Pagar</button>
</form>
<p><a href="${esc(state.leaveUrl)}">Voltar para a loja</a></p></section>`;
  return page("Mercado Pago — Pagar", body);
}

export function messagePage(title: string, message: string, link?: { href: string; label: string }): string {
  const a = link ? `<p><a class="button" href="${esc(link.href)}">${esc(link.label)}</a></p>` : "";
  return page(title, `<section class="card"><h1>${esc(title)}</h1><p>${esc(message)}</p>${a}</section>`);
}

const RESULT_TEXT: Record<string, { title: string; css: string }> = {
  approved: { title: "Pronto! Seu pagamento foi aprovado", css: "ok" },
  in_process: { title: "Estamos processando o pagamento", css: "warn" },
  pending: { title: "Pagamento pendente", css: "warn" },
  authorized: { title: "Pagamento autorizado", css: "warn" },
  rejected: { title: "Seu pagamento foi recusado", css: "bad" },
};

export interface ResultLinks {
  backUrl: string | null;
  retryUrl: string | null;
  autoReturnSeconds: number | null;
}

export function resultPage(payment: PaymentRecord, links: ResultLinks): string {
  const text = RESULT_TEXT[payment.status] ?? { title: `Pagamento ${payment.status}`, css: "warn" };
  const outcome = CARDHOLDER_OUTCOMES.find((o) => o.statusDetail === payment.statusDetail);
  const detail = payment.status === "rejected" && outcome ? `<p>${esc(outcome.label)}.</p>` : "";
  const auto =
    links.backUrl && links.autoReturnSeconds !== null
      ? `<p class="hint">Você será redirecionado para o site em ${links.autoReturnSeconds} segundo(s).</p>`
      : "";
  const back = links.backUrl ? `<a class="button" href="${esc(links.backUrl)}">Voltar para o site</a> ` : "";
  const retry = links.retryUrl ? `<a class="button" href="${esc(links.retryUrl)}">Tentar novamente</a>` : "";
  const head =
    links.backUrl && links.autoReturnSeconds !== null
      ? `<meta http-equiv="refresh" content="${links.autoReturnSeconds};url=${esc(links.backUrl)}">`
      : "";
  const body = `<section class="card"><h1 class="${text.css}">${esc(text.title)}</h1>${detail}
<p>Pagamento nº <strong data-testid="payment-id">${payment.id}</strong> — ${formatBrl(payment.amountCents)}</p>
<p class="hint">status: <code>${payment.status}</code>, status_detail: <code>${esc(payment.statusDetail)}</code></p>
${auto}<p>${back}${retry}</p></section>`;
  return page("Mercado Pago — Resultado do pagamento", body, head);
}
