import Link from "next/link";
import { formatMoney } from "@/lib/money";
import { dashboardFigures } from "@/lib/payments/dashboard";
import { ATTENTION, formatDateTime, PAYMENT_STATUS, paymentStatus } from "@/lib/payments/labels";
import { Badge, Card, PageTitle } from "../_components/ui";
import { requireAdmin } from "@/lib/auth/session";

export const metadata = { title: "Painel" };

export default async function AdminDashboard() {
  // Every admin page checks by itself: an RSC request can render a page without its layout.
  await requireAdmin("/admin");
  const f = await dashboardFigures();
  const max = Math.max(1, ...f.perDay.map((d) => d.cents));
  return (
    <div className="space-y-6">
      <PageTitle>Painel</PageTitle>
      <div className="grid gap-4 md:grid-cols-3">
        <Card>
          <p className="text-sm text-slate-600">Receita de hoje</p>
          <p className="mt-1 text-2xl font-bold text-ocean-900" data-testid="revenue-today">
            {formatMoney(f.todayCents)}
          </p>
        </Card>
        <Card>
          <p className="text-sm text-slate-600">Receita do mês</p>
          <p className="mt-1 text-2xl font-bold text-ocean-900">{formatMoney(f.monthCents)}</p>
        </Card>
        <Card>
          <p className="text-sm text-slate-600">Webhooks com problema</p>
          <p
            className={`mt-1 text-2xl font-bold ${f.failingWebhookCount || f.stuckWebhooks ? "text-red-700" : "text-emerald-700"}`}
            data-testid="failing-webhooks"
          >
            {f.failingWebhookCount + f.stuckWebhooks}
          </p>
          <p className="text-xs text-slate-500">{f.stuckWebhooks} aguardando há mais de 5 min</p>
        </Card>
      </div>

      <Card>
        <h2 className="font-semibold text-ocean-900">Valor aprovado por dia (30 dias)</h2>
        <svg role="img" aria-label="Gráfico de valor aprovado por dia" viewBox="0 0 600 160" className="mt-4 w-full">
          {f.perDay.map((d, i) => {
            const h = Math.round((d.cents / max) * 130);
            return (
              <g key={d.day}>
                <title>{`${d.day}: ${formatMoney(d.cents)}`}</title>
                <rect x={i * 20 + 2} y={140 - h} width={16} height={Math.max(h, 1)} rx={3} fill={d.cents ? "#136a8f" : "#e9d5b5"} />
              </g>
            );
          })}
          <text x="0" y="156" fontSize="10" fill="#64748b">
            {f.perDay[0]?.day}
          </text>
          <text x="600" y="156" fontSize="10" fill="#64748b" textAnchor="end">
            {f.perDay.at(-1)?.day}
          </text>
        </svg>
      </Card>

      <div className="grid gap-4 md:grid-cols-2">
        <Card>
          <h2 className="font-semibold text-ocean-900">Pagamentos por situação</h2>
          <ul className="mt-3 space-y-2 text-sm">
            {Object.keys(PAYMENT_STATUS).map((s) => (
              <li key={s} className="flex justify-between">
                <Link href={`/admin/payments?status=${s}`} className="hover:underline">
                  <Badge tone={paymentStatus(s).tone}>{paymentStatus(s).label}</Badge>
                </Link>
                <span className="font-semibold">{f.byStatus[s] ?? 0}</span>
              </li>
            ))}
          </ul>
        </Card>
        <Card>
          <h2 className="font-semibold text-ocean-900">Precisa de atenção</h2>
          {f.attention.length === 0 && f.failingWebhooks.length === 0 ? (
            <p className="mt-3 text-sm text-slate-600">Nada pendente. 🌊</p>
          ) : (
            <ul className="mt-3 space-y-3 text-sm">
              {f.attention.map((o) => (
                <li key={o.id}>
                  <Link href={`/admin/payments?q=${o.id}`} className="font-mono text-ocean-700 hover:underline">
                    {o.id.slice(0, 8)}
                  </Link>{" "}
                  {ATTENTION[o.attention ?? ""] ?? o.attention}
                </li>
              ))}
              {f.failingWebhooks.map((n) => (
                <li key={n.id}>
                  Webhook {n.topic} {n.resourceId}: <Badge tone="danger">{n.status}</Badge> {n.lastError} · {formatDateTime(n.receivedAt)}
                </li>
              ))}
              {f.failingWebhookCount > f.failingWebhooks.length ? (
                <li className="text-slate-600">
                  … e mais {f.failingWebhookCount - f.failingWebhooks.length} webhook(s) com problema (mostrando os 10 mais recentes).
                </li>
              ) : null}
            </ul>
          )}
        </Card>
      </div>
    </div>
  );
}
