/**
 * Control API under `/__emulator/` for tests and people: pay without a browser, move payments
 * between statuses, (re)send notifications in any order, inject API faults, inspect and reset.
 */
import { renderAdminPage } from "./admin-page";
import type { EmulatorContext } from "./context";
import { errors, mpError } from "./errors";
import { addFault } from "./faults";
import { type Handler, objectBody, respond, type Router } from "./http";
import { merchantOrderView } from "./merchant-orders";
import { changePaymentStatus, createPaymentFromPreference, findPayment, paymentView } from "./payments";
import { getPreference } from "./preferences";
import { refundPayment } from "./refunds";
import { type NotificationRecord, PAYMENT_STATUSES, type PaymentRecord, type PaymentStatus } from "./types";

const str = (value: unknown): string | null => (typeof value === "string" && value !== "" ? value : null);
const int = (value: unknown, fallback: number, name: string, max: number): number => {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > max) {
    throw mpError(400, "bad_request", `${name} must be an integer between 0 and ${max}`);
  }
  return value;
};

function paymentOr404(ctx: EmulatorContext, id: string): PaymentRecord {
  const payment = findPayment(ctx, id);
  if (!payment) throw errors.paymentNotFound();
  return payment;
}

function notificationOr404(ctx: EmulatorContext, seq: string): NotificationRecord {
  const record = ctx.store.notifications.find((n) => String(n.seq) === seq);
  if (!record) throw mpError(404, "not_found", "Notification not found");
  return record;
}

const pay: Handler = (req, ctx) => {
  const pref = getPreference(ctx, req.params.id);
  const body = objectBody(req);
  const identification = body.identification as { type?: unknown; number?: unknown } | undefined;
  const payment = createPaymentFromPreference(ctx, pref, {
    cardholderName: str(body.cardholderName) ?? "",
    paymentMethodId: str(body.paymentMethodId),
    installments: body.installments === undefined ? 1 : (body.installments as number),
    email: str(body.email),
    cardNumber: str(body.cardNumber),
    identification:
      identification && typeof identification.number === "string"
        ? { type: str(identification.type) ?? "CPF", number: identification.number }
        : null,
  });
  return respond.json(201, paymentView(ctx, payment));
};

const setStatus: Handler = (req, ctx) => {
  const payment = paymentOr404(ctx, req.params.id);
  const body = objectBody(req);
  const status = body.status as PaymentStatus;
  if (!PAYMENT_STATUSES.includes(status)) {
    throw mpError(400, "bad_request", `status must be one of ${PAYMENT_STATUSES.join(", ")}`);
  }
  const detail = str(body.status_detail) ?? undefined;
  if (status === "refunded" && payment.status === "approved" && !detail) {
    refundPayment(ctx, payment, undefined, {}, "admin");
  } else {
    changePaymentStatus(ctx, payment, status, detail, { notify: body.notify !== false });
  }
  return respond.json(200, paymentView(ctx, payment));
};

const notify: Handler = (req, ctx) => {
  const payment = paymentOr404(ctx, req.params.id);
  const body = objectBody(req);
  const style = body.style === "ipn" ? "ipn" : "webhook";
  const topic = body.topic === "merchant_order" ? "merchant_order" : "payment";
  if (topic === "merchant_order" && style !== "ipn") {
    throw mpError(400, "bad_request", "topic merchant_order is only sent in the IPN style");
  }
  const baseUrl = str(body.url) ?? payment.notificationUrl;
  if (!baseUrl) throw mpError(400, "bad_request", "The payment has no notification_url; pass {\"url\": ...}");
  if (!URL.canParse(baseUrl)) throw mpError(400, "bad_request", "url must be an absolute URL");
  const count = int(body.count, 1, "count", 100) || 1;
  const records = Array.from({ length: count }, () =>
    ctx.notifier.enqueue({
      style,
      topic,
      resourceId: topic === "payment" ? String(payment.id) : String(payment.merchantOrderId),
      action: str(body.action) ?? "payment.updated",
      baseUrl,
      delayMs: int(body.delayMs, 0, "delayMs", 3_600_000),
    }),
  );
  return respond.json(202, { notifications: records });
};

const resend: Handler = (req, ctx) => {
  const record = notificationOr404(ctx, req.params.seq);
  ctx.notifier.resend(record, int(objectBody(req).delayMs, 0, "delayMs", 3_600_000));
  return respond.json(202, record);
};

const duplicate: Handler = (req, ctx) => {
  const record = notificationOr404(ctx, req.params.seq);
  const copy = ctx.notifier.duplicate(record, int(objectBody(req).delayMs, 0, "delayMs", 3_600_000));
  return respond.json(202, copy);
};

const resume: Handler = async (req, ctx) => {
  const order = objectBody(req).order === "reverse" ? "reverse" : "fifo";
  const sent = await ctx.notifier.resume(order);
  return respond.json(200, { sent: sent.map((n) => n.seq) });
};

function state(ctx: EmulatorContext) {
  const payments = [...ctx.store.payments.values()];
  return {
    preferences: [...ctx.store.preferences.values()].map((p) => p.data),
    payments: payments.map((p) => paymentView(ctx, p)),
    refunds: ctx.store.allRefunds(),
    merchantOrders: [...ctx.store.merchantOrders.values()].map((o) => merchantOrderView(ctx, o)),
    notifications: ctx.store.notifications,
    requests: ctx.store.requests,
    faults: ctx.store.faults,
    notificationsPaused: ctx.notifier.paused,
  };
}

export function registerControlRoutes(router: Router): void {
  router
    .on("GET", "/__emulator", (_req, ctx) => respond.html(200, renderAdminPage(ctx)))
    .on("GET", "/__emulator/state", (_req, ctx) => respond.json(200, state(ctx)))
    .on("GET", "/__emulator/config", (_req, ctx) =>
      respond.json(200, {
        url: ctx.config.publicUrl,
        userId: ctx.config.userId,
        clientId: ctx.config.clientId,
        siteId: ctx.config.siteId,
        autoReturnDelayMs: ctx.config.autoReturnDelayMs,
      }),
    )
    .on("POST", "/__emulator/reset", (req, ctx) => {
      ctx.notifier.cancelAll();
      ctx.store.reset();
      // The admin page's form posts here: send the person back to the page.
      const fromForm = String(req.headers["content-type"] ?? "").includes("application/x-www-form-urlencoded");
      return fromForm ? respond.redirect("/__emulator") : respond.json(200, { reset: true });
    })
    .on("GET", "/__emulator/preferences", (_req, ctx) => respond.json(200, state(ctx).preferences))
    .on("POST", "/__emulator/preferences/:id/pay", pay)
    .on("GET", "/__emulator/payments", (_req, ctx) => respond.json(200, state(ctx).payments))
    .on("GET", "/__emulator/payments/:id", (req, ctx) => respond.json(200, paymentView(ctx, paymentOr404(ctx, req.params.id))))
    .on("POST", "/__emulator/payments/:id/status", setStatus)
    .on("POST", "/__emulator/payments/:id/notify", notify)
    .on("GET", "/__emulator/notifications", (_req, ctx) => respond.json(200, ctx.store.notifications))
    .on("GET", "/__emulator/notifications/:seq", (req, ctx) => respond.json(200, notificationOr404(ctx, req.params.seq)))
    .on("POST", "/__emulator/notifications/:seq/resend", resend)
    .on("POST", "/__emulator/notifications/:seq/duplicate", duplicate)
    .on("POST", "/__emulator/notifications/pause", (_req, ctx) => {
      ctx.notifier.pause();
      return respond.json(200, { paused: true });
    })
    .on("POST", "/__emulator/notifications/resume", resume)
    .on("POST", "/__emulator/notifications/flush", (_req, ctx) => respond.json(200, { started: ctx.notifier.flush() }))
    .on("GET", "/__emulator/requests", (_req, ctx) => respond.json(200, ctx.store.requests))
    .on("GET", "/__emulator/faults", (_req, ctx) => respond.json(200, ctx.store.faults))
    .on("POST", "/__emulator/faults", (req, ctx) => respond.json(201, addFault(ctx.store, objectBody(req))))
    .on("DELETE", "/__emulator/faults", (_req, ctx) => {
      ctx.store.faults = [];
      return respond.json(200, { cleared: true });
    });
}
