/** Checkout Pro preferences: `POST/GET/PUT /checkout/preferences`, search, and expiry rules. */
import { randomUUID } from "node:crypto";
import type { EmulatorContext } from "./context";
import { mpDate, parseDate } from "./dates";
import { errors, mpError } from "./errors";
import { type Handler, objectBody, respond, type Router } from "./http";
import { validatePreference } from "./preference-validation";
import type { JsonObject, PreferenceData, PreferenceFields, PreferenceRecord } from "./types";

const DEFAULT_PAYER = {
  phone: { area_code: "", number: "" },
  address: { zip_code: "", street_name: "", street_number: null },
  email: "",
  identification: { number: "", type: "" },
  name: "",
  surname: "",
  date_created: null,
  last_purchase: null,
};

export function checkoutUrl(ctx: EmulatorContext, preferenceId: string): string {
  return `${ctx.config.publicUrl}/checkout/v1/redirect?pref_id=${encodeURIComponent(preferenceId)}`;
}

function buildData(ctx: EmulatorContext, id: string, fields: PreferenceFields, created: string, updated: string | null): PreferenceData {
  const url = checkoutUrl(ctx, id);
  return {
    id,
    init_point: url,
    sandbox_init_point: url,
    collector_id: ctx.config.userId,
    client_id: ctx.config.clientId,
    site_id: ctx.config.siteId,
    date_created: created,
    last_updated: updated,
    ...fields,
    payer: { ...DEFAULT_PAYER, ...fields.payer },
    coupon_code: null,
    coupon_labels: null,
    internal_metadata: null,
    processing_modes: null,
    redirect_urls: { success: "", pending: "", failure: "" },
    total_amount: null,
  };
}

export function createPreference(ctx: EmulatorContext, body: unknown): PreferenceRecord {
  const { fields, totalCents } = validatePreference(body);
  const id = `${ctx.config.userId}-${randomUUID()}`;
  const record: PreferenceRecord = { id, totalCents, data: buildData(ctx, id, fields, mpDate(), null) };
  ctx.store.preferences.set(id, record);
  ctx.store.changed();
  return record;
}

export function getPreference(ctx: EmulatorContext, id: string): PreferenceRecord {
  const record = ctx.store.preferences.get(id);
  if (!record) throw errors.preferenceNotFound();
  return record;
}

function updatePreference(ctx: EmulatorContext, id: string, body: JsonObject): PreferenceRecord {
  const current = getPreference(ctx, id);
  const { fields, totalCents } = validatePreference({ ...current.data, ...body });
  const record: PreferenceRecord = {
    id,
    totalCents,
    data: buildData(ctx, id, fields, current.data.date_created, mpDate()),
  };
  ctx.store.preferences.set(id, record);
  ctx.store.changed();
  return record;
}

/** Why a preference cannot be paid now (pt-BR, shown on the checkout page), or `null`. */
export function unpayableReason(pref: PreferenceData, now = new Date()): string | null {
  if (!pref.expires) return null;
  const from = parseDate(pref.expiration_date_from);
  const to = parseDate(pref.expiration_date_to);
  if (from && now.getTime() < from.getTime()) return "Este link de pagamento ainda não está disponível.";
  if (to && now.getTime() > to.getTime()) return "Este link de pagamento expirou.";
  return null;
}

function summary(record: PreferenceRecord): JsonObject {
  const data = record.data;
  return {
    id: data.id,
    client_id: data.client_id,
    collector_id: data.collector_id,
    corporation_id: null,
    date_created: data.date_created,
    expiration_date_from: data.expiration_date_from,
    expiration_date_to: data.expiration_date_to,
    expires: data.expires,
    external_reference: data.external_reference,
    integrator_id: null,
    items: data.items.map((item) => item.title),
    last_updated: data.last_updated,
    live_mode: false,
    marketplace: data.marketplace,
    operation_type: data.operation_type,
    payer_email: (data.payer.email as string) ?? "",
    payer_id: null,
    platform_id: null,
    processing_modes: null,
    product_id: null,
    purpose: "",
    site_id: data.site_id,
    sponsor_id: null,
    shipping_mode: (data.shipments.mode as string | undefined) ?? null,
  };
}

function nonNegativeInt(value: string | null, fallback: number, name: string): number {
  if (value === null || value === "") return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw mpError(400, "bad_request", `${name} must be a non-negative integer`);
  return n;
}

const search: Handler = (req, ctx) => {
  const q = req.query;
  const limit = Math.min(nonNegativeInt(q.get("limit"), 30, "limit"), 100);
  const offset = nonNegativeInt(q.get("offset"), 0, "offset");
  const filters: [string, (r: PreferenceRecord) => string][] = [
    ["external_reference", (r) => r.data.external_reference],
    ["site_id", (r) => r.data.site_id],
    ["marketplace", (r) => r.data.marketplace],
    ["id", (r) => r.id],
  ];
  const matches = [...ctx.store.preferences.values()]
    .filter((r) => filters.every(([key, get]) => !q.has(key) || get(r) === q.get(key)))
    .reverse();
  const elements = matches.slice(offset, offset + limit).map(summary);
  return respond.json(200, { elements, next_offset: offset + elements.length, total: matches.length });
};

export function registerPreferenceRoutes(router: Router): void {
  router
    .on("POST", "/checkout/preferences", (req, ctx) => respond.json(201, createPreference(ctx, objectBody(req)).data))
    .on("GET", "/checkout/preferences/search", search)
    .on("GET", "/checkout/preferences/:id", (req, ctx) => respond.json(200, getPreference(ctx, req.params.id).data))
    .on("PUT", "/checkout/preferences/:id", (req, ctx) =>
      respond.json(200, updatePreference(ctx, req.params.id, objectBody(req)).data),
    );
}
