import { Counter, Gauge, type Registry } from "prom-client";
import { type BacklogSnapshot, readGaugeProvider, type WebhookProvider } from "../gauge-providers";
import { boundedLabel, knownLabel } from "../labels";
import { metricGroup } from "../metrics";

export type { WebhookProvider } from "../gauge-providers";
export const WEBHOOK_PROVIDERS = ["mercadopago", "sendgrid"] as const satisfies readonly WebhookProvider[];

/**
 * The life of a notification: `received` (stored, new) or `duplicate` (already stored) or
 * `rejected` (refused before storing: signature, age, shape); then `processed`, `failed` (will be
 * retried) or `flagged` (processed but needs a person: unknown order, amount mismatch).
 */
export type WebhookEvent = "received" | "duplicate" | "rejected" | "processed" | "failed" | "flagged";

/** Why a notification was rejected or flagged; open-ended but kept small by `boundedLabel`. */
export type WebhookReason =
  | "missing_signature"
  | "bad_signature"
  | "stale_timestamp"
  | "malformed"
  | "unknown_topic"
  | "unknown_order"
  | "unknown_payment"
  | "amount_mismatch"
  | (string & {});

/** Input of `recordWebhook`. */
export interface WebhookRecord {
  /** Default `mercadopago`. */
  provider?: WebhookProvider;
  event: WebhookEvent;
  /** For `rejected` (e.g. `bad_signature`) and `flagged` (e.g. `amount_mismatch`). */
  reason?: WebhookReason;
}

function backlogGauge(registry: Registry, name: string, help: string, pick: (s: BacklogSnapshot) => number) {
  return new Gauge({
    name,
    help,
    labelNames: ["provider"] as const,
    registers: [registry],
    async collect() {
      const snap = await readGaugeProvider("webhook_backlog");
      if (snap === undefined) return; // no provider: keep values pushed with setWebhookBacklog
      this.reset();
      for (const [provider, s] of Object.entries(snap ?? {})) {
        if (s) this.set({ provider: knownLabel(provider, WEBHOOK_PROVIDERS) }, pick(s));
      }
    },
  });
}

/** Webhook counters and backlog gauges; exported so every scrape lists the families. */
export const webhookMetrics = () =>
  metricGroup("webhooks", (registry) => {
    const counter = (name: string, help: string, labels: string[] = ["provider"]) =>
      new Counter({ name, help, labelNames: labels, registers: [registry] });
    const m = {
      received: counter("onlywave_webhook_notifications_received_total", "Webhook notifications received."),
      rejected: counter(
        "onlywave_webhook_notifications_rejected_total",
        "Webhook notifications refused before processing, by reason (bad signature, stale, malformed...).",
        ["provider", "reason"],
      ),
      duplicate: counter(
        "onlywave_webhook_notifications_duplicate_total",
        "Webhook notifications already stored (provider retries); answered 200 and not processed again.",
      ),
      processed: counter("onlywave_webhook_notifications_processed_total", "Webhook notifications processed."),
      flagged: counter(
        "onlywave_webhook_notifications_flagged_total",
        "Webhook notifications processed but left for a person, by reason (unknown order, amount mismatch...).",
        ["provider", "reason"],
      ),
      failed: counter(
        "onlywave_webhook_notifications_failed_total",
        "Webhook notifications whose processing failed (the provider or our retry will try again).",
      ),
      depth: backlogGauge(
        registry,
        "onlywave_webhook_unprocessed_notifications",
        "Webhook notifications stored but not processed yet.",
        (s) => s.depth,
      ),
      oldestAge: backlogGauge(
        registry,
        "onlywave_webhook_oldest_unprocessed_age_seconds",
        "Age of the oldest unprocessed webhook notification (0 when none is waiting).",
        (s) => s.oldestAgeSeconds,
      ),
    };
    // Zero series from the start, so increase() and alerts see the first failure.
    for (const provider of WEBHOOK_PROVIDERS) {
      m.received.inc({ provider }, 0);
      m.duplicate.inc({ provider }, 0);
      m.processed.inc({ provider }, 0);
      m.failed.inc({ provider }, 0);
    }
    return m;
  });

/** Records one step of a webhook notification's life. */
export function recordWebhook(input: WebhookRecord): void {
  const m = webhookMetrics();
  const provider = knownLabel(input.provider ?? "mercadopago", WEBHOOK_PROVIDERS);
  if (input.event === "rejected" || input.event === "flagged") {
    const name = `onlywave_webhook_notifications_${input.event}_total`;
    m[input.event].inc({ provider, reason: boundedLabel(name, "reason", input.reason) });
  } else {
    m[input.event].inc({ provider });
  }
}

/**
 * Push-style alternative to registering a `webhook_backlog` gauge provider: a worker that already
 * knows its backlog sets it here. Ignored at scrape time while a provider is registered.
 */
export function setWebhookBacklog(provider: WebhookProvider, snapshot: BacklogSnapshot): void {
  const m = webhookMetrics();
  m.depth.set({ provider }, snapshot.depth);
  m.oldestAge.set({ provider }, snapshot.oldestAgeSeconds);
}
