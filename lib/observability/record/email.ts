import { Counter, Gauge, type Registry } from "prom-client";
import { type BacklogSnapshot, readGaugeProvider } from "../gauge-providers";
import { boundedLabel, knownLabel } from "../labels";
import { metricGroup } from "../metrics";

export const EMAIL_PROVIDERS = ["sendgrid", "smtp"] as const;
export type EmailProvider = (typeof EMAIL_PROVIDERS)[number];
/** One send attempt through one provider: accepted (`sent`) or not (`failed`). */
export const EMAIL_OUTCOMES = ["sent", "failed"] as const;
export type EmailOutcome = (typeof EMAIL_OUTCOMES)[number];

/** Input of `recordEmail`. */
export interface EmailRecord {
  /** Template name, e.g. `order_paid`, `password_reset`. */
  template: string;
  provider: EmailProvider;
  outcome: EmailOutcome;
}

/** Input of `recordEmailEvent`: a delivery event reported later by the provider (SendGrid webhook). */
export interface EmailEventRecord {
  provider: EmailProvider;
  /** e.g. `delivered`, `bounce`, `dropped`, `deferred`, `open`, `click`, `spamreport`. */
  event: string;
}

function outboxGauge(registry: Registry, name: string, help: string, pick: (s: BacklogSnapshot) => number) {
  return new Gauge({
    name,
    help,
    registers: [registry],
    async collect() {
      const snap = await readGaugeProvider("email_outbox");
      if (snap === undefined) return; // no provider: keep values pushed with setEmailOutbox
      // An unlabelled gauge cannot be empty; NaN says "unknown" and no threshold alert fires on it.
      this.set(snap ? pick(snap) : Number.NaN);
    },
  });
}

/** Email counters and outbox gauges; exported so every scrape lists the families. */
export const emailMetrics = () =>
  metricGroup("email", (registry) => {
    const sends = new Counter({
      name: "onlywave_email_sends_total",
      help: "Email send attempts by template, provider and outcome (a fallback shows as failed + sent).",
      labelNames: ["template", "provider", "outcome"] as const,
      registers: [registry],
    });
    const events = new Counter({
      name: "onlywave_email_events_total",
      help: "Delivery events reported by the email provider (delivered, bounce, dropped...).",
      labelNames: ["provider", "event"] as const,
      registers: [registry],
    });
    const depth = outboxGauge(
      registry,
      "onlywave_email_outbox_messages",
      "Emails queued in the outbox, not sent yet.",
      (s) => s.depth,
    );
    const oldestAge = outboxGauge(
      registry,
      "onlywave_email_outbox_oldest_age_seconds",
      "Age of the oldest queued email (0 when the outbox is empty).",
      (s) => s.oldestAgeSeconds,
    );
    return { sends, events, depth, oldestAge };
  });

/** Records one send attempt through one provider. */
export function recordEmail(input: EmailRecord): void {
  emailMetrics().sends.inc({
    template: boundedLabel("onlywave_email_sends_total", "template", input.template),
    provider: knownLabel(input.provider, EMAIL_PROVIDERS),
    outcome: knownLabel(input.outcome, EMAIL_OUTCOMES),
  });
}

/** Records one delivery event reported by the provider. */
export function recordEmailEvent(input: EmailEventRecord): void {
  emailMetrics().events.inc({
    provider: knownLabel(input.provider, EMAIL_PROVIDERS),
    event: boundedLabel("onlywave_email_events_total", "event", input.event),
  });
}

/** Push-style alternative to registering an `email_outbox` gauge provider. */
export function setEmailOutbox(snapshot: BacklogSnapshot): void {
  const m = emailMetrics();
  m.depth.set(snapshot.depth);
  m.oldestAge.set(snapshot.oldestAgeSeconds);
}
