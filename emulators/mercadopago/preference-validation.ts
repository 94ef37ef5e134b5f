/**
 * Validation of `POST/PUT /checkout/preferences` bodies, with the error keys Mercado Pago
 * documents (`invalid_items`, `invalid_back_urls`, `invalid_auto_return`, ...).
 */
import { parseDate } from "./dates";
import { preferenceError } from "./errors";
import { toCents } from "./money";
import type { BackUrls, JsonObject, PreferenceFields, PreferenceItem } from "./types";

export interface ValidatedPreference {
  fields: PreferenceFields;
  totalCents: number;
}

const KNOWN_CURRENCIES = ["ARS", "BRL", "CLP", "MXN", "COP", "PEN", "UYU", "USD"];
const SITE_CURRENCY = "BRL";
const PAYMENT_TYPES = ["credit_card", "debit_card", "ticket", "bank_transfer", "atm", "account_money", "prepaid_card", "digital_currency", "digital_wallet", "voucher_card", "crypto_transfer"];
const OPERATION_TYPES = ["regular_payment", "money_transfer", "pos_payment"];
const MAX_NOTIFICATION_URL = 248;
const MAX_EXTERNAL_REFERENCE = 64;
const MAX_STATEMENT_DESCRIPTOR = 16;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const isBlank = (value: unknown) => value === undefined || value === null || value === "";

function optionalString(value: unknown, error: string, message: string): string {
  if (isBlank(value)) return "";
  if (typeof value !== "string") throw preferenceError(error, message);
  return value;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

function validateItem(raw: unknown, index: number): { item: PreferenceItem; cents: number } {
  const where = `items[${index}]`;
  if (!isObject(raw)) throw preferenceError("invalid_items", `${where} must be an object`);
  if (typeof raw.title !== "string" || raw.title.trim() === "") {
    throw preferenceError("invalid_items", `${where}.title is required`);
  }
  const quantity = raw.quantity;
  if (typeof quantity !== "number" || !Number.isInteger(quantity) || quantity < 1) {
    throw preferenceError("invalid_items", `${where}.quantity invalid: must be a positive integer`);
  }
  if (typeof raw.currency_id !== "string" || raw.currency_id === "") {
    throw preferenceError("invalid_items", `${where}.currency_id is required`);
  }
  if (!KNOWN_CURRENCIES.includes(raw.currency_id)) {
    throw preferenceError("invalid_items", `${where}.currency_id invalid: ${raw.currency_id}`);
  }
  if (raw.currency_id !== SITE_CURRENCY) {
    throw preferenceError("invalid_items", `${where}.currency_id must be ${SITE_CURRENCY} for site MLB`);
  }
  const unitPrice = raw.unit_price;
  const cents = typeof unitPrice === "number" ? toCents(unitPrice) : null;
  if (typeof unitPrice !== "number" || cents === null || cents <= 0) {
    throw preferenceError("invalid_items", `unit_price invalid: ${where}.unit_price must be a positive number with at most 2 decimals`);
  }
  const text = (key: string) => optionalString(raw[key], "invalid_items", `${where}.${key} must be a string`);
  return {
    item: {
      id: text("id"),
      title: raw.title,
      description: text("description"),
      picture_url: text("picture_url"),
      category_id: text("category_id"),
      quantity,
      currency_id: raw.currency_id,
      unit_price: unitPrice,
    },
    cents: cents * quantity,
  };
}

function validateBackUrls(raw: unknown): BackUrls {
  if (isBlank(raw)) return { success: "", pending: "", failure: "" };
  if (!isObject(raw)) throw preferenceError("invalid_back_urls", "back_urls invalid. Wrong format");
  const result: BackUrls = { success: "", pending: "", failure: "" };
  for (const key of ["success", "pending", "failure"] as const) {
    const value = optionalString(raw[key], "invalid_back_urls", `back_urls.${key} invalid. Wrong format`);
    if (value !== "" && !isHttpUrl(value)) {
      throw preferenceError("invalid_back_urls", `back_urls.${key} invalid. Wrong format`);
    }
    result[key] = value;
  }
  return result;
}

function validateAutoReturn(raw: unknown, backUrls: BackUrls): string {
  const autoReturn = optionalString(raw, "invalid_auto_return", "auto_return invalid. Allowed values: approved, all");
  if (autoReturn === "") return "";
  if (autoReturn !== "approved" && autoReturn !== "all") {
    throw preferenceError("invalid_auto_return", "auto_return invalid. Allowed values: approved, all");
  }
  if (backUrls.success === "") {
    throw preferenceError("invalid_auto_return", "auto_return invalid. back_url.success must be defined");
  }
  return autoReturn;
}

function validateNotificationUrl(raw: unknown): string | null {
  const url = optionalString(raw, "invalid_notification_url", "notification_url attribute must be url valid");
  if (url === "") return null;
  if (url.length > MAX_NOTIFICATION_URL) {
    throw preferenceError("invalid_notification_url", `notification_url must have at most ${MAX_NOTIFICATION_URL} characters`);
  }
  if (!isHttpUrl(url)) throw preferenceError("invalid_notification_url", "notification_url attribute must be url valid");
  return url;
}

function validateExternalReference(raw: unknown): string {
  const message = `external_reference invalid: up to ${MAX_EXTERNAL_REFERENCE} characters, only letters, digits, "-" and "_"`;
  const value = optionalString(raw, "invalid_external_reference", message);
  if (value.length > MAX_EXTERNAL_REFERENCE || !/^[A-Za-z0-9_-]*$/.test(value)) {
    throw preferenceError("invalid_external_reference", message);
  }
  return value;
}

function validateDates(body: JsonObject) {
  if (!isBlank(body.expires) && typeof body.expires !== "boolean") {
    throw preferenceError("invalid_expires", "expires must be a boolean");
  }
  const from = isBlank(body.expiration_date_from) ? null : parseDate(body.expiration_date_from);
  if (!isBlank(body.expiration_date_from) && !from) {
    throw preferenceError("invalid_expiration_date_from", "expiration_date_from invalid. Use ISO-8601, e.g. 2017-02-01T12:00:00.000-04:00");
  }
  const to = isBlank(body.expiration_date_to) ? null : parseDate(body.expiration_date_to);
  if (!isBlank(body.expiration_date_to) && !to) {
    throw preferenceError("invalid_expiration_date_to", "expiration_date_to invalid. Use ISO-8601, e.g. 2017-02-28T12:00:00.000-04:00");
  }
  if (from && to && to.getTime() <= from.getTime()) {
    throw preferenceError("invalid_expiration_date_to", "expiration_date_to must be after expiration_date_from");
  }
  if (!isBlank(body.date_of_expiration) && !parseDate(body.date_of_expiration)) {
    throw preferenceError("invalid_date", "date_of_expiration invalid. Use ISO-8601");
  }
  return {
    expires: body.expires === true,
    expiration_date_from: from ? (body.expiration_date_from as string) : null,
    expiration_date_to: to ? (body.expiration_date_to as string) : null,
    date_of_expiration: isBlank(body.date_of_expiration) ? null : (body.date_of_expiration as string),
  };
}

function idList(raw: unknown, what: string): { id: string }[] {
  if (isBlank(raw)) return [];
  if (!Array.isArray(raw)) throw preferenceError("invalid_payment_methods", `${what} must be an array`);
  return raw
    .map((entry) => {
      if (!isObject(entry) || (entry.id !== undefined && typeof entry.id !== "string")) {
        throw preferenceError("invalid_payment_methods", `${what} entries must be objects with a string id`);
      }
      return { id: (entry.id as string | undefined) ?? "" };
    })
    .filter((entry) => entry.id !== "");
}

function installmentsValue(raw: unknown, what: string): number | null {
  if (isBlank(raw)) return null;
  if (typeof raw !== "number" || !Number.isInteger(raw) || raw < 1 || raw > 36) {
    throw preferenceError("invalid_payment_methods", `${what} invalid: must be an integer between 1 and 36`);
  }
  return raw;
}

function validatePaymentMethods(raw: unknown): PreferenceFields["payment_methods"] {
  if (!isBlank(raw) && !isObject(raw)) throw preferenceError("invalid_payment_methods", "payment_methods must be an object");
  const pm: JsonObject = isObject(raw) ? raw : {};
  const excludedMethods = idList(pm.excluded_payment_methods, "excluded_payment_methods");
  if (excludedMethods.some((m) => m.id === "account_money")) {
    throw preferenceError("invalid_payment_methods", "account_money cannot be excluded");
  }
  const excludedTypes = idList(pm.excluded_payment_types, "excluded_payment_types");
  const unknownType = excludedTypes.find((t) => !PAYMENT_TYPES.includes(t.id));
  if (unknownType) throw preferenceError("invalid_payment_methods", `excluded_payment_types invalid: ${unknownType.id}`);
  const installments = installmentsValue(pm.installments, "installments");
  const defaultInstallments = installmentsValue(pm.default_installments, "default_installments");
  if (installments !== null && defaultInstallments !== null && defaultInstallments > installments) {
    throw preferenceError("invalid_payment_methods", "default_installments must not exceed installments");
  }
  const text = (key: string) => optionalString(pm[key], "invalid_payment_methods", `${key} must be a string`);
  return {
    default_card_id: text("default_card_id") || null,
    default_payment_method_id: text("default_payment_method_id") || null,
    excluded_payment_methods: excludedMethods,
    excluded_payment_types: excludedTypes,
    installments,
    default_installments: defaultInstallments,
  };
}

function validateShipments(raw: unknown): { shipments: JsonObject; costCents: number } {
  if (isBlank(raw)) return { shipments: {}, costCents: 0 };
  if (!isObject(raw)) throw preferenceError("invalid_shipments", "shipments must be an object");
  if (isBlank(raw.cost)) return { shipments: raw, costCents: 0 };
  const cents = typeof raw.cost === "number" ? toCents(raw.cost) : null;
  if (cents === null || cents < 0) throw preferenceError("invalid_shipments", "shipments.cost must be a non-negative number with at most 2 decimals");
  return { shipments: raw, costCents: raw.mode === "me2" ? 0 : cents };
}

function validateScalars(body: JsonObject) {
  if (!isBlank(body.binary_mode) && typeof body.binary_mode !== "boolean") {
    throw preferenceError("invalid_binary_mode", "binary_mode must be a boolean");
  }
  if (!isBlank(body.payer) && !isObject(body.payer)) throw preferenceError("invalid_payer", "payer must be an object");
  const payer: JsonObject = isObject(body.payer) ? body.payer : {};
  if (!isBlank(payer.email) && (typeof payer.email !== "string" || !/^[^@\s]+@[^@\s]+$/.test(payer.email))) {
    throw preferenceError("invalid_payer", "payer.email invalid");
  }
  if (!isBlank(body.metadata) && !isObject(body.metadata)) throw preferenceError("invalid_metadata", "metadata must be a JSON object");
  const descriptor = optionalString(body.statement_descriptor, "invalid_statement_descriptor", "statement_descriptor must be a string");
  if (descriptor.length > MAX_STATEMENT_DESCRIPTOR) {
    throw preferenceError("invalid_statement_descriptor", `statement_descriptor must have at most ${MAX_STATEMENT_DESCRIPTOR} characters`);
  }
  const fee = body.marketplace_fee;
  if (!isBlank(fee) && (typeof fee !== "number" || !Number.isFinite(fee) || fee < 0)) {
    throw preferenceError("invalid_marketplace_fee", "marketplace_fee must be a non-negative number");
  }
  const operationType = optionalString(body.operation_type, "invalid_operation_type", "operation_type invalid");
  if (operationType !== "" && !OPERATION_TYPES.includes(operationType)) {
    throw preferenceError("invalid_operation_type", `operation_type invalid: ${operationType}`);
  }
  return {
    binary_mode: body.binary_mode === true,
    payer,
    metadata: isObject(body.metadata) ? body.metadata : {},
    statement_descriptor: descriptor === "" ? null : descriptor,
    marketplace_fee: typeof fee === "number" ? fee : 0,
    operation_type: operationType || "regular_payment",
    additional_info: optionalString(body.additional_info, "bad_request", "additional_info must be a string"),
    marketplace: optionalString(body.marketplace, "bad_request", "marketplace must be a string") || "NONE",
  };
}

export function validatePreference(body: unknown): ValidatedPreference {
  if (!isObject(body)) throw preferenceError("bad_request", "The request body must be a JSON object");
  if (!Array.isArray(body.items) || body.items.length === 0) {
    throw preferenceError("invalid_items", "items needed: at least one item is required");
  }
  const validated = body.items.map(validateItem);
  const backUrls = validateBackUrls(body.back_urls);
  const { shipments, costCents } = validateShipments(body.shipments);
  const scalars = validateScalars(body);
  return {
    totalCents: validated.reduce((sum, entry) => sum + entry.cents, 0) + costCents,
    fields: {
      ...scalars,
      items: validated.map((entry) => entry.item),
      back_urls: backUrls,
      auto_return: validateAutoReturn(body.auto_return, backUrls),
      notification_url: validateNotificationUrl(body.notification_url),
      external_reference: validateExternalReference(body.external_reference),
      ...validateDates(body),
      payment_methods: validatePaymentMethods(body.payment_methods),
      shipments,
    },
  };
}
