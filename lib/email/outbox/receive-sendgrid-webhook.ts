import type { KeyObject } from "node:crypto";
import { config } from "@/lib/config";
import {
  parseSendGridEvents,
  parseSendGridPublicKey,
  SendGridEventParseError,
  verifySendGridSignature,
} from "@/lib/email/sendgrid-webhook";
import { AppError, errors } from "@/lib/http/errors";
import { logger } from "@/lib/observability/logger";
import { recordWebhook } from "@/lib/observability/record";
import { type ApplyEventsResult, applySendGridEvents } from "./apply-sendgrid-events";

export interface SendGridWebhookInput {
  /** The body exactly as received: the signature covers these bytes, not re-serialised JSON. */
  rawBody: string;
  signature: string | null;
  timestamp: string | null;
  /** Injectable clock for the staleness check. */
  now?: Date;
}

export type SendGridWebhookResult = ApplyEventsResult & { invalid: number };

const KEY = Symbol.for("onlywave.sendgridWebhookKey");
type Holder = { [KEY]?: { raw: string; key: KeyObject } };

/** Parsing the key costs more than verifying; do it once per configured value. */
function publicKey(raw: string): KeyObject {
  const g = globalThis as Holder;
  if (g[KEY]?.raw !== raw) g[KEY] = { raw, key: parseSendGridPublicKey(raw) };
  return g[KEY].key;
}

/**
 * SendGrid's signed Event Webhook: verify the ECDSA signature over timestamp + raw body first
 * (missing, forged or older than 5 minutes → 401 and nothing is touched), then apply the events.
 * Answers 503 while no verification key is configured, so SendGrid keeps retrying instead of us
 * accepting unsigned events; a processing failure surfaces as 500 for the same reason.
 */
export async function receiveSendGridWebhook(input: SendGridWebhookInput): Promise<SendGridWebhookResult> {
  const raw = config().email.sendgrid.webhookPublicKey;
  if (!raw) throw errors.unavailable("SENDGRID_WEBHOOK_PUBLIC_KEY não está configurada.");
  recordWebhook({ provider: "sendgrid", event: "received" });
  const verdict = verifySendGridSignature({
    publicKey: publicKey(raw),
    signature: input.signature,
    timestamp: input.timestamp,
    rawBody: input.rawBody,
    now: input.now,
  });
  if (!verdict.ok) {
    const reason = verdict.reason === "missing" ? "missing_signature" : verdict.reason === "stale" ? "stale_timestamp" : "bad_signature";
    recordWebhook({ provider: "sendgrid", event: "rejected", reason });
    throw new AppError(401, "invalid_signature", "Assinatura do webhook inválida ou expirada.");
  }
  let batch: ReturnType<typeof parseSendGridEvents>;
  try {
    batch = parseSendGridEvents(input.rawBody);
  } catch (err) {
    if (!(err instanceof SendGridEventParseError)) throw err;
    recordWebhook({ provider: "sendgrid", event: "rejected", reason: "malformed" });
    throw errors.badRequest(err.message);
  }
  if (batch.invalid.length > 0) logger().warn({ invalid: batch.invalid.length }, "sendgrid webhook: entries that are not events were skipped");
  try {
    const result = await applySendGridEvents(batch.events);
    recordWebhook({ provider: "sendgrid", event: "processed" });
    return { ...result, invalid: batch.invalid.length };
  } catch (err) {
    recordWebhook({ provider: "sendgrid", event: "failed" });
    throw err;
  }
}
