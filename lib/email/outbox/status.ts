import type { schema } from "@/lib/db";

/** Every status an outbox row can hold (the database enum). */
export type OutboxStatus = (typeof schema.emailStatus.enumValues)[number];

/**
 * The statuses the API contract publishes. `sending` (claimed by a worker) reads as `queued` and
 * `suppressed` (never sent: the address bounced or reported spam) as `failed`, so mobile clients see
 * one closed set; the admin pages show the finer database status.
 */
export const API_EMAIL_STATUSES = ["queued", "sent", "delivered", "opened", "clicked", "bounced", "failed"] as const;
export type ApiEmailStatus = (typeof API_EMAIL_STATUSES)[number];

export function toApiStatus(status: OutboxStatus): ApiEmailStatus {
  if (status === "sending") return "queued";
  if (status === "suppressed") return "failed";
  return status;
}

/** Database statuses behind one API status, for filters. */
export function fromApiStatus(status: ApiEmailStatus): OutboxStatus[] {
  if (status === "queued") return ["queued", "sending"];
  if (status === "failed") return ["failed", "suppressed"];
  return [status];
}

/**
 * Delivery progress. Provider events arrive late, repeated and out of order, so a status only ever
 * moves to a higher rank: a late `delivered` never undoes `clicked`, and bounced/failed are final.
 */
const RANK: Record<OutboxStatus, number> = {
  queued: 0,
  sending: 0,
  sent: 1,
  delivered: 2,
  opened: 3,
  clicked: 4,
  bounced: 5,
  failed: 5,
  suppressed: 5,
};

export function isForward(from: OutboxStatus, to: OutboxStatus): boolean {
  return RANK[to] > RANK[from];
}

/** The status a SendGrid event moves an email to; null for events that only join the timeline. */
export function statusForEvent(event: string): OutboxStatus | null {
  switch (event) {
    case "processed":
      return "sent";
    case "delivered":
      return "delivered";
    case "open":
      return "opened";
    case "click":
      return "clicked";
    case "bounce":
      return "bounced";
    case "dropped":
      return "failed";
    default:
      return null;
  }
}
