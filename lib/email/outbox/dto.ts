import type { OutboxRow } from "./claim-emails";
import type { EmailSummary } from "./schemas";
import { toApiStatus } from "./status";

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** An outbox row as the API shows it (props stay private: they may hold links with secrets). */
export function toEmailSummary(row: OutboxRow): EmailSummary {
  const status = toApiStatus(row.status);
  return {
    id: row.id,
    to: row.to,
    template: row.template,
    category: row.category,
    status,
    outboxStatus: row.status,
    subject: row.subject,
    provider: row.provider === "sendgrid" || row.provider === "smtp" ? row.provider : null,
    providerMessageId: row.providerMessageId,
    attempts: row.attempts,
    lastError: row.lastError,
    nextAttemptAt: status === "queued" ? iso(row.nextAttemptAt) : null,
    createdAt: iso(row.createdAt)!,
    sentAt: iso(row.sentAt),
    updatedAt: iso(row.updatedAt)!,
  };
}
