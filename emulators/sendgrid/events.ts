import { randomBytes } from "node:crypto";

/** An Event Webhook event as SendGrid posts it (custom args are extra top-level keys). */
export type EmulatedEvent = {
  event: string;
  email: string;
  timestamp?: number;
  sg_event_id?: string;
  sg_message_id?: string;
} & Record<string, unknown>;

/** What the emulator recorded for one Mail Send call (see `SendGridEmulator.requests`). */
export interface RecordedMailSend {
  id: number;
  receivedAt: string;
  method: string;
  path: string;
  /** Request headers, lower-cased names. */
  headers: Record<string, string>;
  /** Parsed JSON body, or null when it was not JSON. */
  body: Record<string, unknown> | null;
  rawBody: string;
  /** Status the emulator answered with. */
  status: number;
  /** `X-Message-Id` answered on 202, else null. */
  messageId: string | null;
}

export function randomId(bytes = 16): string {
  return randomBytes(bytes).toString("base64url");
}

/**
 * Serialises a batch the way SendGrid does: a JSON array with CRLF after each event
 * and at the end (the bytes that get signed).
 */
export function serializeEventBatch(events: EmulatedEvent[], nowSeconds: number): string {
  const filled = events.map((e) => ({
    ...e,
    timestamp: e.timestamp ?? nowSeconds,
    sg_event_id: e.sg_event_id ?? randomId(24),
  }));
  return `[${filled.map((e) => JSON.stringify(e)).join(",\r\n")}]\r\n`;
}

/**
 * Builds events for every recipient of a recorded send, linked the way SendGrid
 * links them: `sg_message_id` = X-Message-Id + ".filter…", `smtp-id`, and the
 * request's `custom_args` (message level merged with personalization level).
 */
export function eventsForRequest(
  request: RecordedMailSend,
  event: string,
  extra: Record<string, unknown> = {},
): EmulatedEvent[] {
  const body = request.body ?? {};
  const messageId = request.messageId ?? randomId();
  const messageArgs = (body.custom_args ?? {}) as Record<string, unknown>;
  const personalizations = Array.isArray(body.personalizations) ? body.personalizations : [];
  const events: EmulatedEvent[] = [];
  personalizations.forEach((p: Record<string, unknown>, index: number) => {
    const args = { ...messageArgs, ...((p.custom_args ?? {}) as Record<string, unknown>) };
    const recipients = ["to", "cc", "bcc"].flatMap((k) => (Array.isArray(p[k]) ? (p[k] as Array<{ email: string }>) : []));
    for (const recipient of recipients) {
      events.push({
        ...args,
        email: recipient.email,
        event,
        sg_message_id: `${messageId}.filterdrecv-emulator-${index}`,
        "smtp-id": `<${messageId}@ismtpd-emulator.sendgrid.net>`,
        ...extra,
      });
    }
  });
  return events;
}
