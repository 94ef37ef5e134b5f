/**
 * Outgoing notifications. Webhooks: `POST <notification_url>?data.id=<id>&type=payment` with the
 * documented body, `x-request-id` and a signed `x-signature`. Legacy IPN (control API only):
 * `POST <notification_url>?topic=payment&id=<id>`. Deliveries are asynchronous; a non-2xx answer,
 * a network error or a timeout is retried on a back-off schedule, like Mercado Pago does.
 */
import { randomBytes, randomUUID } from "node:crypto";
import type { EmulatorConfig } from "./context";
import { mpDate } from "./dates";
import { signatureHeader } from "./signature";
import type { EmulatorStore } from "./store";
import type { NotificationRecord, NotificationStyle, PaymentRecord } from "./types";

export interface NotifierOptions {
  /** Delay before each retry; the last value repeats while attempts remain. */
  retryDelaysMs: number[];
  /** Total attempts, first one included. */
  maxAttempts: number;
  /** A delivery taking longer than this counts as failed (Mercado Pago: 22 s). */
  timeoutMs: number;
}

export interface EnqueueInput {
  style: NotificationStyle;
  topic: "payment" | "merchant_order";
  resourceId: string;
  action: string;
  baseUrl: string;
  delayMs?: number;
}

const MAX_RESPONSE_BODY = 2000;

function withQuery(base: string, params: Record<string, string>): string {
  const url = new URL(base);
  for (const [key, value] of Object.entries(params)) url.searchParams.append(key, value);
  return url.toString();
}

export class Notifier {
  paused = false;
  private readonly timers = new Map<number, NodeJS.Timeout>();
  private inFlight = 0;
  private waiters: (() => void)[] = [];
  private closed = false;
  /** IPN requests carry an `x-signature` that cannot be checked with the webhook secret. */
  private readonly ipnKey = randomBytes(32).toString("hex");

  constructor(
    private readonly store: EmulatorStore,
    private readonly config: EmulatorConfig,
    private readonly options: NotifierOptions,
  ) {}

  /** Notifies a payment change to the preference's `notification_url` (if it has one). */
  paymentEvent(payment: PaymentRecord, action: "payment.created" | "payment.updated"): NotificationRecord | null {
    if (!payment.notificationUrl) return null;
    return this.enqueue({ style: "webhook", topic: "payment", resourceId: String(payment.id), action, baseUrl: payment.notificationUrl });
  }

  enqueue(input: EnqueueInput): NotificationRecord {
    const id = this.store.nextId("notification");
    const record: NotificationRecord = {
      seq: id,
      style: input.style,
      topic: input.topic,
      resourceId: input.resourceId,
      action: input.action,
      url: this.url(input),
      body: this.body(input, id),
      createdAt: mpDate(),
      state: "scheduled",
      attempts: [],
      nextAttemptAt: null,
      note: null,
    };
    this.store.notifications.push(record);
    this.dispatch(record, input.delayMs ?? 0);
    return record;
  }

  /** Sends the very same notification (same body and id) once more, as a new log entry. */
  duplicate(original: NotificationRecord, delayMs = 0): NotificationRecord {
    const record: NotificationRecord = {
      ...original,
      seq: this.store.nextId("notification"),
      createdAt: mpDate(),
      state: "scheduled",
      attempts: [],
      nextAttemptAt: null,
      note: `duplicate of #${original.seq}`,
    };
    this.store.notifications.push(record);
    this.dispatch(record, delayMs);
    return record;
  }

  /** Delivers an existing notification again now (a new attempt on the same log entry). */
  resend(record: NotificationRecord, delayMs = 0): void {
    this.clearTimer(record.seq);
    record.note = "re-sent through the control API";
    this.schedule(record, delayMs);
  }

  /** Runs every scheduled retry now; returns how many were started. */
  flush(): number {
    const due = this.store.notifications.filter((r) => this.timers.has(r.seq));
    for (const record of due) {
      this.clearTimer(record.seq);
      void this.attempt(record);
    }
    return due.length;
  }

  pause(): void {
    this.paused = true;
  }

  /** Stops holding notifications and sends the held ones, one after the other, in `order`. */
  async resume(order: "fifo" | "reverse" = "fifo"): Promise<NotificationRecord[]> {
    this.paused = false;
    const held = this.store.notifications.filter((r) => r.state === "held");
    if (order === "reverse") held.reverse();
    for (const record of held) await this.attempt(record);
    return held;
  }

  /** Resolves once nothing is being sent and no retry is scheduled. */
  settled(): Promise<void> {
    if (this.isSettled()) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Re-arms deliveries that were pending when the state file was written. */
  restore(): void {
    for (const record of this.store.notifications) {
      if (record.state === "scheduled" || record.state === "sending" || record.state === "held") {
        record.note = "rescheduled after a restart";
        this.schedule(record, this.options.retryDelaysMs[0] ?? 0);
      }
    }
  }

  /** Forgets scheduled deliveries and un-pauses (used by reset). In-flight requests finish. */
  cancelAll(): void {
    this.paused = false;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.wake();
  }

  close(): void {
    this.closed = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.wake();
  }

  private url(input: EnqueueInput): string {
    if (input.style === "ipn") return withQuery(input.baseUrl, { topic: input.topic, id: input.resourceId });
    return withQuery(input.baseUrl, { "data.id": input.resourceId, type: input.topic });
  }

  private body(input: EnqueueInput, id: number): Record<string, unknown> {
    if (input.style === "ipn") {
      const resource =
        input.topic === "merchant_order" ? `${this.config.publicUrl}/merchant_orders/${input.resourceId}` : input.resourceId;
      return { resource, topic: input.topic };
    }
    return {
      action: input.action,
      api_version: "v1",
      data: { id: input.resourceId },
      date_created: mpDate(),
      id,
      live_mode: this.config.liveMode,
      type: input.topic,
      user_id: this.config.userId,
    };
  }

  private dispatch(record: NotificationRecord, delayMs: number): void {
    if (this.paused) {
      record.state = "held";
      record.note = "held: notifications are paused";
      this.store.changed();
      return;
    }
    this.schedule(record, delayMs);
  }

  private schedule(record: NotificationRecord, delayMs: number): void {
    if (this.closed) return;
    record.state = "scheduled";
    record.nextAttemptAt = mpDate(new Date(Date.now() + delayMs));
    const timer = setTimeout(() => {
      this.timers.delete(record.seq);
      void this.attempt(record);
    }, delayMs);
    this.timers.set(record.seq, timer);
    this.store.changed();
  }

  private clearTimer(seq: number): void {
    const timer = this.timers.get(seq);
    if (timer) clearTimeout(timer);
    this.timers.delete(seq);
  }

  private async attempt(record: NotificationRecord): Promise<void> {
    if (this.closed) return;
    this.inFlight++;
    record.state = "sending";
    record.nextAttemptAt = null;
    const attempt = record.attempts.length + 1;
    const requestId = randomUUID();
    const ts = String(Date.now());
    const secret = record.style === "webhook" ? this.config.webhookSecret : this.ipnKey;
    const signature = signatureHeader(secret, { dataId: record.resourceId, requestId, ts });
    const started = Date.now();
    let statusCode: number | null = null;
    let responseBody: string | null = null;
    let error: string | null = null;
    try {
      const response = await fetch(record.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "user-agent": "restclient-node/4.15.3",
          "x-request-id": requestId,
          "x-signature": signature,
          "x-retry": String(attempt - 1),
          "x-socket-timeout": String(this.options.timeoutMs),
        },
        body: JSON.stringify(record.body),
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      statusCode = response.status;
      responseBody = (await response.text()).slice(0, MAX_RESPONSE_BODY);
    } catch (err) {
      const e = err as Error & { cause?: unknown };
      error = e.name === "TimeoutError" ? `timed out after ${this.options.timeoutMs} ms` : String(e.cause ?? e.message);
    }
    record.attempts.push({ attempt, at: mpDate(new Date(started)), requestId, signature, durationMs: Date.now() - started, statusCode, responseBody, error });
    this.inFlight--;
    this.settle(record, statusCode);
    this.config.log(`notification #${record.seq} ${record.url} → ${statusCode ?? error} (attempt ${attempt})`);
    this.wake();
  }

  private settle(record: NotificationRecord, statusCode: number | null): void {
    const attempts = record.attempts.length;
    if (statusCode !== null && statusCode >= 200 && statusCode < 300) {
      record.state = "delivered";
    } else if (this.closed && attempts < this.options.maxAttempts) {
      // Shutting down: keep it pending so a restart with the same state file delivers it.
      record.state = "scheduled";
      record.note = "interrupted by shutdown";
    } else if (attempts < this.options.maxAttempts) {
      const delays = this.options.retryDelaysMs;
      const delay = delays[Math.min(attempts - 1, delays.length - 1)] ?? 0;
      this.schedule(record, delay);
      return;
    } else {
      record.state = "failed";
      record.note = `gave up after ${attempts} attempt(s)`;
    }
    this.store.changed();
  }

  private isSettled(): boolean {
    return this.inFlight === 0 && this.timers.size === 0;
  }

  private wake(): void {
    if (!this.isSettled() && !this.closed) return;
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }
}
