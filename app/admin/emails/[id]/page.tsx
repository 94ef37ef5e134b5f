import Link from "next/link";
import { notFound } from "next/navigation";
import { getEmail } from "@/lib/email/outbox/get-email";
import { eventLabel, formatDateTime, OUTBOX_STATUS } from "@/lib/email/outbox/labels";
import { MAX_ATTEMPTS } from "@/lib/email/outbox/policy";
import { AppError } from "@/lib/http/errors";
import { Badge, Card, PageTitle } from "../../../_components/ui";
import { requireAdmin } from "@/lib/auth/session";

export const metadata = { title: "E-mail" };

async function load(id: string) {
  try {
    return await getEmail(id);
  } catch (err) {
    if (err instanceof AppError && err.status === 404) notFound();
    throw err;
  }
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-semibold uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-0.5 break-all text-sm text-slate-900">{children}</dd>
    </div>
  );
}

/** One email: as the recipient sees it, who sent it, how many tries, and what the provider reported since. */
export default async function AdminEmailPage({ params }: { params: Promise<{ id: string }> }) {
  // Every admin page checks by itself: an RSC request can render a page without its layout.
  await requireAdmin("/admin/emails");
  const email = await load((await params).id);
  const status = OUTBOX_STATUS[email.outboxStatus];
  return (
    <div className="space-y-6">
      <Link href="/admin/emails" className="text-sm text-ocean-700 hover:underline">
        ← Todos os e-mails
      </Link>
      <PageTitle subtitle={email.subject ?? email.preview?.subject}>
        {email.template} para {email.to}
      </PageTitle>
      <Card>
        <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <Fact label="Situação">
            <span data-testid="email-status">
              <Badge tone={status.tone}>{status.label}</Badge>
            </span>
          </Fact>
          <Fact label="Provedor">{email.provider ?? "—"}</Fact>
          <Fact label="Id da mensagem no provedor">{email.providerMessageId ?? "—"}</Fact>
          <Fact label="Tentativas">
            {email.attempts} de {MAX_ATTEMPTS}
          </Fact>
          <Fact label="Criado em">{formatDateTime(email.createdAt)}</Fact>
          <Fact label="Enviado em">{formatDateTime(email.sentAt)}</Fact>
          <Fact label="Próxima tentativa">{formatDateTime(email.nextAttemptAt)}</Fact>
          <Fact label="Tipo">{email.category === "marketing" ? "Marketing" : "Transacional"}</Fact>
          <Fact label="Chave de deduplicação">{email.dedupeKey ?? "—"}</Fact>
        </dl>
        {email.lastError ? (
          <p className="mt-4 rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="email-last-error">
            Último erro: {email.lastError}
          </p>
        ) : null}
      </Card>

      <section aria-labelledby="preview-title">
        <h2 id="preview-title" className="mb-2 text-lg font-semibold text-ocean-900">
          Como o destinatário vê
        </h2>
        {email.preview ? (
          <>
            {/* sandbox="" : no scripts, no forms, no navigation, no same-origin access to the admin. */}
            <iframe
              title="Pré-visualização do e-mail"
              sandbox=""
              srcDoc={email.preview.html}
              className="h-[640px] w-full rounded-xl border border-sand-200 bg-white"
            />
            <details className="mt-3 rounded-xl border border-sand-200 bg-white p-4">
              <summary className="cursor-pointer text-sm font-semibold">Versão em texto</summary>
              <pre className="mt-3 whitespace-pre-wrap text-sm text-slate-800">{email.preview.text}</pre>
            </details>
          </>
        ) : (
          <p className="rounded-xl bg-white p-6 text-slate-600">Não foi possível montar a pré-visualização deste e-mail.</p>
        )}
      </section>

      <section aria-labelledby="timeline-title">
        <h2 id="timeline-title" className="mb-2 text-lg font-semibold text-ocean-900">
          Linha do tempo
        </h2>
        {email.events.length === 0 ? (
          <p className="rounded-xl bg-white p-6 text-slate-600">Nenhum evento ainda: o e-mail está na fila.</p>
        ) : (
          <ol className="space-y-2" data-testid="email-events">
            {email.events.map((e) => (
              <li key={e.id} className="rounded-xl border border-sand-200 bg-white p-3">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <span className="font-medium text-slate-900">{eventLabel(e.event)}</span>
                  <time dateTime={e.occurredAt} className="text-xs text-slate-500">
                    {formatDateTime(e.occurredAt)}
                  </time>
                </div>
                {e.data ? (
                  <details className="mt-1">
                    <summary className="cursor-pointer text-xs text-slate-500">Detalhes</summary>
                    <pre className="mt-2 overflow-x-auto rounded bg-sand-100 p-2 text-xs">{JSON.stringify(e.data, null, 2)}</pre>
                  </details>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
