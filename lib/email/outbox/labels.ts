import type { OutboxStatus } from "./status";

type Tone = "neutral" | "ocean" | "success" | "warning" | "danger";

/** pt-BR names and badge tones of outbox statuses, for the admin pages. */
export const OUTBOX_STATUS: Record<OutboxStatus, { label: string; tone: Tone }> = {
  queued: { label: "Na fila", tone: "neutral" },
  sending: { label: "Enviando", tone: "ocean" },
  sent: { label: "Enviado", tone: "ocean" },
  delivered: { label: "Entregue", tone: "success" },
  opened: { label: "Aberto", tone: "success" },
  clicked: { label: "Clicado", tone: "success" },
  bounced: { label: "Devolvido", tone: "danger" },
  failed: { label: "Falhou", tone: "danger" },
  suppressed: { label: "Suprimido", tone: "warning" },
};

/** Timeline entries: our own events and SendGrid's Event Webhook names. */
const EVENT_LABELS: Record<string, string> = {
  sent: "Aceito pelo provedor",
  attempt_failed: "Tentativa falhou (nova tentativa agendada)",
  failed: "Falhou definitivamente",
  suppressed: "Não enviado: endereço suprimido",
  processed: "Processado pelo SendGrid",
  deferred: "Adiado pelo servidor de destino",
  delivered: "Entregue",
  open: "Aberto",
  click: "Link clicado",
  bounce: "Devolvido (bounce)",
  dropped: "Descartado pelo SendGrid",
  spamreport: "Marcado como spam",
  unsubscribe: "Descadastrado",
  group_unsubscribe: "Descadastrado do grupo",
  group_resubscribe: "Recadastrado no grupo",
};

export function eventLabel(event: string): string {
  return EVENT_LABELS[event] ?? event;
}

const dateTime = new Intl.DateTimeFormat("pt-BR", {
  dateStyle: "short",
  timeStyle: "medium",
  timeZone: "America/Sao_Paulo",
});

export function formatDateTime(d: Date | string | null): string {
  return d === null ? "—" : dateTime.format(typeof d === "string" ? new Date(d) : d);
}
