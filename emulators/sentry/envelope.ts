/**
 * Sentry envelopes (https://develop.sentry.dev/sdk/data-model/envelopes/):
 *
 *   Envelope = Header { "\n" Item } [ "\n" ]
 *   Item     = ItemHeader "\n" Payload
 *
 * Headers are single-line JSON. An item header may carry `length` (payload size in bytes); without
 * it the payload runs to the next newline. The SDKs send JSON payloads for events, transactions,
 * sessions, spans, logs and client reports, and raw bytes for attachments.
 */

export interface EnvelopeItemHeader {
  type: string;
  length?: number;
  [key: string]: unknown;
}

export interface EnvelopeItem {
  header: EnvelopeItemHeader;
  /** The payload as JSON when it parses, else `null` (attachments, replay recordings). */
  payload: Record<string, unknown> | null;
  /** The payload as UTF-8 text. */
  text: string;
}

export interface Envelope {
  header: Record<string, unknown>;
  items: EnvelopeItem[];
}

const NEWLINE = 0x0a;

function lineEnd(body: Buffer, from: number): number {
  const i = body.indexOf(NEWLINE, from);
  return i === -1 ? body.length : i;
}

function parseJsonLine(text: string, what: string): Record<string, unknown> {
  const value = JSON.parse(text) as unknown;
  if (value === null || typeof value !== "object" || Array.isArray(value)) throw new Error(`${what} is not a JSON object`);
  return value as Record<string, unknown>;
}

/** Parses one (already decompressed) envelope. Throws on a malformed header. */
export function parseEnvelope(input: Buffer | string): Envelope {
  const body = typeof input === "string" ? Buffer.from(input, "utf8") : input;
  let pos = lineEnd(body, 0);
  const header = parseJsonLine(body.subarray(0, pos).toString("utf8"), "envelope header");
  pos += 1;
  const items: EnvelopeItem[] = [];
  while (pos < body.length) {
    const end = lineEnd(body, pos);
    const headerText = body.subarray(pos, end).toString("utf8").trim();
    pos = end + 1;
    if (!headerText) continue; // trailing newline
    const itemHeader = parseJsonLine(headerText, "item header") as EnvelopeItemHeader;
    if (typeof itemHeader.type !== "string") throw new Error("item header without a type");
    let payloadBytes: Buffer;
    if (typeof itemHeader.length === "number") {
      payloadBytes = body.subarray(pos, pos + itemHeader.length);
      pos += itemHeader.length;
      if (body[pos] === NEWLINE) pos += 1;
    } else {
      const payloadEnd = lineEnd(body, pos);
      payloadBytes = body.subarray(pos, payloadEnd);
      pos = payloadEnd + 1;
    }
    const text = payloadBytes.toString("utf8");
    let payload: Record<string, unknown> | null = null;
    try {
      const parsed = JSON.parse(text) as unknown;
      if (parsed !== null && typeof parsed === "object" && !Array.isArray(parsed)) payload = parsed as Record<string, unknown>;
    } catch {
      payload = null;
    }
    items.push({ header: itemHeader, payload, text });
  }
  return { header, items };
}

/** Builds an envelope the way the SDKs serialise it (JSON payloads, no `length`). */
export function serializeEnvelope(header: Record<string, unknown>, items: { type: string; payload: unknown }[]): string {
  return [JSON.stringify(header), ...items.flatMap((i) => [JSON.stringify({ type: i.type }), JSON.stringify(i.payload)])].join("\n");
}
