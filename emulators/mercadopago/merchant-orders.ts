/**
 * Merchant orders: Checkout Pro groups the payments of one preference under one merchant order
 * (`order.id` of the payment, `merchant_order_id` of the back URL). `GET /merchant_orders/{id}`
 * and `GET /merchant_orders/search` are answered from the payments.
 */
import type { EmulatorContext } from "./context";
import { mpDate } from "./dates";
import { errors } from "./errors";
import { type Handler, respond, type Router } from "./http";
import { fromCents } from "./money";
import type { JsonObject, MerchantOrderRecord } from "./types";

export function ensureMerchantOrder(ctx: EmulatorContext, preferenceId: string): MerchantOrderRecord {
  for (const order of ctx.store.merchantOrders.values()) {
    if (order.preferenceId === preferenceId) return order;
  }
  const now = mpDate();
  const order: MerchantOrderRecord = { id: ctx.store.nextId("merchantOrder"), preferenceId, dateCreated: now, lastUpdated: now };
  ctx.store.merchantOrders.set(order.id, order);
  ctx.store.changed();
  return order;
}

export function merchantOrderView(ctx: EmulatorContext, order: MerchantOrderRecord): JsonObject {
  const pref = ctx.store.preferences.get(order.preferenceId);
  const payments = [...ctx.store.payments.values()].filter((p) => p.merchantOrderId === order.id);
  const totalCents = pref?.totalCents ?? 0;
  const paidCents = payments
    .filter((p) => p.status === "approved" || p.status === "refunded")
    .reduce((sum, p) => sum + p.amountCents, 0);
  const refundedCents = payments.reduce((sum, p) => sum + p.refundedCents, 0);
  let orderStatus = "payment_required";
  if (paidCents > 0 && refundedCents >= paidCents) orderStatus = "reverted";
  else if (refundedCents > 0) orderStatus = "partially_reverted";
  else if (paidCents >= totalCents && totalCents > 0) orderStatus = "paid";
  else if (paidCents > 0) orderStatus = "partially_paid";
  else if (payments.some((p) => p.status === "pending" || p.status === "in_process")) orderStatus = "payment_in_process";
  const last = payments.map((p) => p.dateLastUpdated).sort().at(-1) ?? order.lastUpdated;
  return {
    id: order.id,
    status: paidCents >= totalCents && totalCents > 0 ? "closed" : "opened",
    external_reference: pref?.data.external_reference ?? "",
    preference_id: order.preferenceId,
    payments: payments.map((p) => ({
      id: p.id,
      transaction_amount: fromCents(p.amountCents),
      total_paid_amount: fromCents(p.amountCents),
      shipping_cost: 0,
      currency_id: "BRL",
      status: p.status,
      status_detail: p.statusDetail,
      operation_type: "regular_payment",
      date_approved: p.dateApproved,
      date_created: p.dateCreated,
      last_modified: p.dateLastUpdated,
      amount_refunded: fromCents(p.refundedCents),
    })),
    shipments: [],
    payouts: [],
    collector: { id: ctx.config.userId, email: "", nickname: "EMULADOR" },
    marketplace: "NONE",
    notification_url: pref?.data.notification_url ?? null,
    date_created: order.dateCreated,
    last_updated: last,
    sponsor_id: null,
    shipping_cost: 0,
    total_amount: fromCents(totalCents),
    site_id: ctx.config.siteId,
    paid_amount: fromCents(paidCents),
    refunded_amount: fromCents(refundedCents),
    payer: payments[0] ? { id: payments[0].payerId, email: payments[0].payerEmail } : null,
    items: pref?.data.items ?? [],
    cancelled: false,
    additional_info: "",
    application_id: null,
    is_test: !ctx.config.liveMode,
    order_status: orderStatus,
    client_id: ctx.config.clientId,
  };
}

const search: Handler = (req, ctx) => {
  const q = req.query;
  const limit = Math.min(Number(q.get("limit") ?? 30) || 30, 100);
  const offset = Math.max(Number(q.get("offset") ?? 0) || 0, 0);
  const views = [...ctx.store.merchantOrders.values()]
    .map((order) => merchantOrderView(ctx, order))
    .filter((view) => ["preference_id", "external_reference", "status", "id"].every((key) => !q.has(key) || String(view[key]) === q.get(key)));
  const elements = views.slice(offset, offset + limit);
  return respond.json(200, { elements, next_offset: offset + elements.length, total: views.length });
};

export function registerMerchantOrderRoutes(router: Router): void {
  router.on("GET", "/merchant_orders/search", search).on("GET", "/merchant_orders/:id", (req, ctx) => {
    const order = ctx.store.merchantOrders.get(Number(req.params.id));
    if (!order) throw errors.merchantOrderNotFound();
    return respond.json(200, merchantOrderView(ctx, order));
  });
}
