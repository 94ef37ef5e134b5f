/** `GET /v1/payments/search`, `GET /v1/payments/{id}` and `PUT /v1/payments/{id}` (cancel/capture). */
import type { EmulatorContext } from "./context";
import { parseSearchDate } from "./dates";
import { errors, mpError } from "./errors";
import { type Handler, objectBody, respond, type Router } from "./http";
import { changePaymentStatus, findPayment, paymentView } from "./payments";
import type { PaymentRecord } from "./types";

const SORT_FIELDS: Record<string, (p: PaymentRecord) => string | number | null> = {
  date_created: (p) => p.createdAtMs,
  date_approved: (p) => p.dateApproved && Date.parse(p.dateApproved),
  date_last_updated: (p) => Date.parse(p.dateLastUpdated),
  money_release_date: (p) => p.moneyReleaseDate && Date.parse(p.moneyReleaseDate),
  id: (p) => p.id,
};

/** Query filters understood by the search (others, e.g. `store_id`, match nothing in Checkout Pro). */
const FILTERS: Record<string, (p: PaymentRecord, ctx: EmulatorContext) => string | null> = {
  id: (p) => String(p.id),
  external_reference: (p) => p.externalReference,
  status: (p) => p.status,
  status_detail: (p) => p.statusDetail,
  payment_method_id: (p) => p.paymentMethodId,
  payment_type_id: (p) => p.paymentTypeId,
  "collector.id": (_p, ctx) => String(ctx.config.userId),
  "payer.id": (p) => String(p.payerId),
  "payer.email": (p) => p.payerEmail,
  "order.id": (p) => String(p.merchantOrderId),
  operation_type: () => "regular_payment",
  currency_id: () => "BRL",
};
const NEVER_MATCHING = ["store_id", "pos_id", "sponsor_id"];

function intParam(value: string | null, fallback: number, name: string, max: number): number {
  if (value === null || value === "") return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > max) {
    throw mpError(400, "bad_request", `${name} invalid: must be an integer between 0 and ${max}`);
  }
  return n;
}

function dateFilter(q: URLSearchParams): (p: PaymentRecord) => boolean {
  const begin = q.get("begin_date");
  const end = q.get("end_date");
  if (!begin && !end) return () => true;
  const range = q.get("range") || "date_created";
  const field = SORT_FIELDS[range];
  if (!field || range === "id") throw mpError(400, "bad_request", `range invalid: ${range}`);
  const from = parseSearchDate(begin || "NOW-3MONTHS");
  const to = parseSearchDate(end || "NOW");
  if (!from || !to) throw mpError(400, "bad_request", "begin_date/end_date invalid");
  return (p) => {
    const value = field(p);
    return typeof value === "number" && value >= from.getTime() && value <= to.getTime();
  };
}

const search: Handler = (req, ctx) => {
  const q = req.query;
  const sort = q.get("sort") || "date_created";
  const criteria = q.get("criteria") || "asc";
  if (!SORT_FIELDS[sort]) throw mpError(400, "bad_request", `sort invalid: ${sort}`);
  if (criteria !== "asc" && criteria !== "desc") throw mpError(400, "bad_request", `criteria invalid: ${criteria}`);
  const limit = intParam(q.get("limit"), 30, "limit", 1000);
  const offset = intParam(q.get("offset"), 0, "offset", 10_000);
  const inRange = dateFilter(q);
  if (NEVER_MATCHING.some((key) => q.has(key))) {
    return respond.json(200, { paging: { total: 0, limit, offset }, results: [] });
  }
  const key = SORT_FIELDS[sort];
  const direction = criteria === "asc" ? 1 : -1;
  const matches = [...ctx.store.payments.values()]
    .filter((p) => Object.entries(FILTERS).every(([name, get]) => !q.has(name) || get(p, ctx) === q.get(name)))
    .filter(inRange)
    .sort((a, b) => {
      const va = key(a);
      const vb = key(b);
      if (va === vb) return (a.id - b.id) * direction;
      if (va === null) return 1;
      if (vb === null) return -1;
      return (va < vb ? -1 : 1) * direction;
    });
  const results = matches.slice(offset, offset + limit).map((p) => paymentView(ctx, p));
  return respond.json(200, { paging: { total: matches.length, limit, offset }, results });
};

const update: Handler = (req, ctx) => {
  const payment = findPayment(ctx, req.params.id);
  if (!payment) throw errors.paymentNotFound();
  const body = objectBody(req);
  if (body.status === "cancelled") {
    if (!["pending", "in_process", "authorized"].includes(payment.status)) throw errors.invalidPaymentState();
    changePaymentStatus(ctx, payment, "cancelled", "by_collector");
  } else if (body.capture === true) {
    if (payment.status !== "authorized") throw errors.invalidPaymentState();
    changePaymentStatus(ctx, payment, "approved", "accredited");
  } else {
    throw mpError(400, "bad_request", "Only {\"status\":\"cancelled\"} and {\"capture\":true} updates are supported");
  }
  return respond.json(200, paymentView(ctx, payment));
};

export function registerPaymentRoutes(router: Router): void {
  router
    .on("GET", "/v1/payments/search", search)
    .on("GET", "/v1/payments/:id", (req, ctx) => {
      const payment = findPayment(ctx, req.params.id);
      if (!payment) throw errors.paymentNotFound();
      return respond.json(200, paymentView(ctx, payment));
    })
    .on("PUT", "/v1/payments/:id", update);
}
