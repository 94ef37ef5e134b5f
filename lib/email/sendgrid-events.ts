import { z } from "zod";

/** Event types SendGrid documents; unknown ones still parse (SendGrid adds types over time). */
export const SENDGRID_EVENT_TYPES = [
  "processed",
  "dropped",
  "delivered",
  "deferred",
  "bounce",
  "open",
  "click",
  "spamreport",
  "unsubscribe",
  "group_unsubscribe",
  "group_resubscribe",
] as const;

export type SendGridEventType = (typeof SENDGRID_EVENT_TYPES)[number];

/** Keys SendGrid itself sets; every other top-level string value is one of our custom args. */
const SENDGRID_KEYS = new Set([
  "email",
  "timestamp",
  "event",
  "sg_event_id",
  "sg_message_id",
  "sg_template_id",
  "sg_template_name",
  "sg_machine_open",
  "sg_content_type",
  "smtp-id",
  "category",
  "reason",
  "type",
  "status",
  "response",
  "attempt",
  "url",
  "url_offset",
  "useragent",
  "ip",
  "tls",
  "cert_err",
  "bounce_classification",
  "asm_group_id",
  "marketing_campaign_id",
  "marketing_campaign_name",
  "marketing_campaign_version",
  "marketing_campaign_split_id",
  "singlesend_id",
  "singlesend_name",
  "template_id",
  "template_name",
  "template_version_id",
  "mc_stats",
  "phase_id",
  "send_at",
  "pool",
  "newsletter",
  "post_type",
]);

const rawEventSchema = z.looseObject({
  event: z.string().min(1),
  email: z.string(),
  timestamp: z.number().int(),
  sg_event_id: z.string().min(1),
  /** Missing on async bounces. */
  sg_message_id: z.string().optional(),
  "smtp-id": z.string().optional(),
  category: z.union([z.string(), z.array(z.string())]).optional(),
  reason: z.string().optional(),
  /** bounce: "bounce" | "blocked". */
  type: z.string().optional(),
  status: z.string().optional(),
  response: z.string().optional(),
  attempt: z.union([z.string(), z.number()]).optional(),
  url: z.string().optional(),
  bounce_classification: z.string().optional(),
});

export interface SendGridEvent {
  event: SendGridEventType | (string & {});
  email: string;
  /** Unix seconds. */
  timestamp: number;
  /** Unique per event: the idempotency key for storing events. */
  sg_event_id: string;
  sg_message_id?: string;
  /**
   * `sg_message_id` up to the first dot: equals the `X-Message-Id` SendGrid
   * returned on send, i.e. our stored `providerMessageId`. Null when absent.
   */
  providerMessageId: string | null;
  smtpId?: string;
  categories: string[];
  reason?: string;
  type?: string;
  status?: string;
  response?: string;
  attempt?: string;
  url?: string;
  bounce_classification?: string;
  /** Our `customArgs` from the send, echoed as top-level keys by SendGrid. */
  customArgs: Record<string, string>;
  /** The event object as received, for storage/debugging. */
  raw: Record<string, unknown>;
}

export interface ParsedSendGridBatch {
  events: SendGridEvent[];
  /**
   * Entries that did not look like events. Reported rather than thrown so one odd
   * entry cannot make SendGrid retry (and re-deliver) the whole batch forever.
   */
  invalid: Array<{ index: number; error: string; raw: unknown }>;
}

export class SendGridEventParseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SendGridEventParseError";
  }
}

function toEvent(parsed: z.infer<typeof rawEventSchema>): SendGridEvent {
  const customArgs: Record<string, string> = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (!SENDGRID_KEYS.has(key) && typeof value === "string") customArgs[key] = value;
  }
  const category = parsed.category;
  return {
    event: parsed.event,
    email: parsed.email,
    timestamp: parsed.timestamp,
    sg_event_id: parsed.sg_event_id,
    sg_message_id: parsed.sg_message_id,
    providerMessageId: parsed.sg_message_id ? (parsed.sg_message_id.split(".")[0] ?? null) : null,
    smtpId: parsed["smtp-id"],
    categories: category === undefined ? [] : Array.isArray(category) ? category : [category],
    reason: parsed.reason,
    type: parsed.type,
    status: parsed.status,
    response: parsed.response,
    attempt: parsed.attempt === undefined ? undefined : String(parsed.attempt),
    url: parsed.url,
    bounce_classification: parsed.bounce_classification,
    customArgs,
    raw: parsed,
  };
}

/**
 * Parses a verified Event Webhook body (a JSON array of events).
 * Throws `SendGridEventParseError` only when the body as a whole is not a JSON array.
 */
export function parseSendGridEvents(rawBody: string | Uint8Array): ParsedSendGridBatch {
  const text = typeof rawBody === "string" ? rawBody : Buffer.from(rawBody).toString("utf8");
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new SendGridEventParseError("Event Webhook body is not JSON");
  }
  if (!Array.isArray(data)) throw new SendGridEventParseError("Event Webhook body is not a JSON array");

  const batch: ParsedSendGridBatch = { events: [], invalid: [] };
  data.forEach((entry, index) => {
    const result = rawEventSchema.safeParse(entry);
    if (result.success) {
      batch.events.push(toEvent(result.data));
    } else {
      const error = result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
      batch.invalid.push({ index, error, raw: entry });
    }
  });
  return batch;
}
