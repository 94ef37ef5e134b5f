/** `GET /__emulator`: what happened — preferences, payments, refunds, notifications, API calls. */
import type { EmulatorContext } from "./context";
import { esc, page } from "./html";
import { formatBrl } from "./money";
import type { NotificationRecord } from "./types";

function table(caption: string, headers: string[], rows: string[][], empty: string): string {
  const body = rows.length
    ? rows.map((cells) => `<tr>${cells.map((c) => `<td>${c}</td>`).join("")}</tr>`).join("")
    : `<tr><td colspan="${headers.length}">${esc(empty)}</td></tr>`;
  return `<section class="card"><h2>${esc(caption)}</h2><table><thead><tr>${headers.map((h) => `<th>${esc(h)}</th>`).join("")}</tr></thead><tbody>${body}</tbody></table></section>`;
}

function attempts(n: NotificationRecord): string {
  if (!n.attempts.length) return "—";
  return n.attempts
    .map((a) => {
      const answer = a.statusCode !== null ? `HTTP ${a.statusCode}` : esc(a.error);
      const body = a.responseBody ? `<details><summary>resposta</summary><pre>${esc(a.responseBody)}</pre></details>` : "";
      return `<div>#${a.attempt} ${esc(a.at)} → <strong>${answer}</strong> (${a.durationMs} ms)${body}</div>`;
    })
    .join("");
}

export function renderAdminPage(ctx: EmulatorContext): string {
  const { store, config } = ctx;
  const prefs = [...store.preferences.values()].reverse().map((p) => [
    `<code>${esc(p.id)}</code>`,
    esc(p.data.external_reference || "—"),
    esc(p.data.items.map((i) => `${i.title} × ${i.quantity}`).join(", ")),
    formatBrl(p.totalCents),
    esc(p.data.date_created),
    `<a href="${esc(p.data.init_point)}">abrir checkout</a>`,
  ]);
  const payments = [...store.payments.values()].reverse().map((p) => [
    `<code>${p.id}</code>`,
    `<strong>${esc(p.status)}</strong><br><code>${esc(p.statusDetail)}</code>`,
    formatBrl(p.amountCents),
    formatBrl(p.refundedCents),
    esc(p.externalReference ?? "—"),
    esc(`${p.paymentMethodId} (${p.cardholderName ?? "—"})`),
    esc(p.dateCreated),
    `<a href="/__emulator/payments/${p.id}">JSON</a>`,
  ]);
  const refunds = store.allRefunds().reverse().map((r) => [`<code>${r.id}</code>`, `<code>${r.paymentId}</code>`, formatBrl(r.amountCents), esc(r.sourceType), esc(r.dateCreated)]);
  const notifications = [...store.notifications].reverse().map((n) => [
    `#${n.seq}`,
    esc(`${n.style} · ${n.action || n.topic}`),
    `<code>${esc(n.url)}</code><details><summary>corpo</summary><pre>${esc(JSON.stringify(n.body, null, 2))}</pre></details>`,
    `<strong>${esc(n.state)}</strong>${n.nextAttemptAt ? `<br>próxima: ${esc(n.nextAttemptAt)}` : ""}${n.note ? `<br>${esc(n.note)}` : ""}`,
    attempts(n),
  ]);
  const requests = store.requests.slice(-100).reverse().map((r) => [
    esc(r.at),
    esc(`${r.method} ${r.path}${r.query ? `?${r.query}` : ""}`),
    `${r.status}${r.replayed ? " (replay)" : ""}${r.fault ? " (falha simulada)" : ""}`,
    `${r.durationMs} ms`,
    esc(r.idempotencyKey ?? "—"),
  ]);
  const body = `<section class="card"><h1>Emulador do Mercado Pago</h1>
<p>API: <code>${esc(config.publicUrl)}</code> · collector/user_id: <code>${config.userId}</code> · notificações ${ctx.notifier.paused ? "<strong>pausadas</strong>" : "ativas"} · <a href="/__emulator">atualizar</a> · <a href="/__emulator/state">estado em JSON</a></p>
<form method="post" action="/__emulator/reset"><button type="submit" style="width:auto;padding:6px 14px;font-size:14px">Limpar estado</button></form></section>
${table("Preferências", ["id", "external_reference", "itens", "total", "criada em", ""], prefs, "Nenhuma preferência criada.")}
${table("Pagamentos", ["id", "status", "valor", "estornado", "external_reference", "meio (titular)", "criado em", ""], payments, "Nenhum pagamento.")}
${table("Estornos", ["id", "pagamento", "valor", "origem", "criado em"], refunds, "Nenhum estorno.")}
${table("Notificações enviadas", ["#", "tipo", "URL", "estado", "tentativas (resposta)"], notifications, "Nenhuma notificação.")}
${table("Chamadas recebidas na API (últimas 100)", ["quando", "requisição", "status", "duração", "X-Idempotency-Key"], requests, "Nenhuma chamada.")}`;
  return page("Emulador do Mercado Pago", body);
}
