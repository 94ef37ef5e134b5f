import Link from "next/link";
import { emailTemplateNames } from "@/emails";
import { formatDateTime, OUTBOX_STATUS } from "@/lib/email/outbox/labels";
import { listEmails } from "@/lib/email/outbox/list-emails";
import { API_EMAIL_STATUSES, type ApiEmailStatus } from "@/lib/email/outbox/status";
import { Badge, buttonClass, Card, PageTitle, Table, Td, Th } from "../../_components/ui";
import { TestEmailForm } from "./test-form";
import { requireAdmin } from "@/lib/auth/session";

export const metadata = { title: "E-mails" };

type Search = Promise<Record<string, string | undefined>>;

const inputClass = "mt-1 w-full rounded-lg border border-slate-300 px-2 py-2";

function pick<T extends string>(value: string | undefined, allowed: readonly T[]): T | undefined {
  return allowed.includes(value as T) ? (value as T) : undefined;
}

/** The outbox: what was sent, to whom, through which provider and how far delivery got. */
export default async function AdminEmailsPage({ searchParams }: { searchParams: Search }) {
  // Every admin page checks by itself: an RSC request can render a page without its layout.
  await requireAdmin("/admin/emails");
  const sp = await searchParams;
  const status = pick<ApiEmailStatus>(sp.status, API_EMAIL_STATUSES);
  const template = pick(sp.template, emailTemplateNames);
  const recipient = sp.recipient?.trim().slice(0, 254) || undefined;
  let page: Awaited<ReturnType<typeof listEmails>>;
  try {
    page = await listEmails({ limit: 25, cursor: sp.cursor, status, template, recipient });
  } catch {
    // A stale or hand-edited cursor: start from the first page rather than failing the page.
    page = await listEmails({ limit: 25, status, template, recipient });
  }
  const keep = new URLSearchParams(Object.entries({ status, template, recipient }).filter(([, v]) => v) as [string, string][]);
  return (
    <div>
      <PageTitle subtitle="Fila de saída: cada e-mail é enviado por um processo em segundo plano, com novas tentativas.">E-mails</PageTitle>
      <form className="mb-6 grid gap-3 rounded-2xl border border-sand-200 bg-white p-4 md:grid-cols-4" aria-label="Filtros">
        <label className="text-sm">
          <span className="block font-medium">Situação</span>
          <select name="status" defaultValue={status ?? ""} className={inputClass}>
            <option value="">Todas</option>
            {API_EMAIL_STATUSES.map((s) => (
              <option key={s} value={s}>
                {OUTBOX_STATUS[s].label}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          <span className="block font-medium">Modelo</span>
          <select name="template" defaultValue={template ?? ""} className={inputClass}>
            <option value="">Todos</option>
            {emailTemplateNames.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          <span className="block font-medium">Destinatário</span>
          <input name="recipient" defaultValue={recipient} placeholder="cliente@..." className={inputClass} />
        </label>
        <div className="flex items-end">
          <button type="submit" className={buttonClass("secondary", "w-full")}>
            Filtrar
          </button>
        </div>
      </form>
      {page.data.length === 0 ? (
        <p className="rounded-2xl bg-white p-8 text-center text-slate-600">Nenhum e-mail encontrado.</p>
      ) : (
        <Table caption="E-mails da fila de saída">
          <thead>
            <tr>
              <Th>Criado em</Th>
              <Th>Destinatário</Th>
              <Th>Modelo</Th>
              <Th>Situação</Th>
              <Th>Provedor</Th>
              <Th>Tentativas</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-sand-200">
            {page.data.map((e) => {
              const s = OUTBOX_STATUS[e.outboxStatus];
              return (
                <tr key={e.id} data-testid="email-row">
                  <Td>
                    <Link href={`/admin/emails/${e.id}`} className="text-ocean-700 hover:underline">
                      {formatDateTime(e.createdAt)}
                    </Link>
                  </Td>
                  <Td>{e.to}</Td>
                  <Td>
                    <span className="font-mono text-xs">{e.template}</span>
                    {e.subject ? <span className="block text-xs text-slate-500">{e.subject}</span> : null}
                  </Td>
                  <Td>
                    <Badge tone={s.tone}>{s.label}</Badge>
                  </Td>
                  <Td>{e.provider ?? "—"}</Td>
                  <Td>{e.attempts}</Td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      )}
      {page.nextCursor ? (
        <Link href={`/admin/emails?${new URLSearchParams([...keep, ["cursor", page.nextCursor]])}`} className="mt-6 inline-block font-semibold text-ocean-700 hover:underline">
          Próxima página →
        </Link>
      ) : null}
      <Card className="mt-10">
        <h2 className="text-lg font-semibold text-ocean-900">Enviar e-mail de teste</h2>
        <p className="mt-1 text-sm text-slate-600">Envia qualquer modelo, com dados de exemplo, pelo mesmo caminho dos e-mails reais.</p>
        <TestEmailForm templates={emailTemplateNames} />
      </Card>
    </div>
  );
}
