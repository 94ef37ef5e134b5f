/** Payments: creation from a paid preference, status changes, and the payment object. */
import { createHash } from "node:crypto";
import { type CardholderOutcome, CARDHOLDER_OUTCOMES, findPaymentMethod, outcomeForCardholder, PAYMENT_METHODS } from "./cardholders";
import type { EmulatorContext } from "./context";
import { mpDate } from "./dates";
import { mpError } from "./errors";
import { ensureMerchantOrder } from "./merchant-orders";
import { fromCents } from "./money";
import { unpayableReason } from "./preferences";
import type { JsonObject, PaymentRecord, PaymentStatus, PreferenceRecord } from "./types";

export interface PayInput {
  cardholderName?: string | null;
  paymentMethodId?: string | null;
  installments?: number | null;
  email?: string | null;
  identification?: { type: string; number: string } | null;
  cardNumber?: string | null;
}

const DEFAULT_EMAIL = "test_user_123456@testuser.com";
const DEFAULT_CPF = "12345678909";
const DAY_MS = 86_400_000;

/** Default `status_detail` when a status is set without one (control API). */
export const DEFAULT_STATUS_DETAIL: Record<PaymentStatus, string> = {
  pending: "pending_waiting_payment",
  approved: "accredited",
  authorized: "pending_capture",
  in_process: "pending_review_manual",
  in_mediation: "in_mediation",
  rejected: "cc_rejected_other_reason",
  cancelled: "by_collector",
  refunded: "refunded",
  charged_back: "settled",
};

function payerIdFor(email: string): number {
  const hash = createHash("sha256").update(email.toLowerCase()).digest();
  return 1_000_000_000 + (hash.readUInt32BE(0) % 1_000_000_000);
}

/** Methods the preference allows (exclusions by id and by type; no pending methods in binary mode). */
export function allowedMethods(pref: PreferenceRecord) {
  const pm = pref.data.payment_methods;
  const excludedIds = new Set(pm.excluded_payment_methods.map((m) => m.id));
  const excludedTypes = new Set(pm.excluded_payment_types.map((t) => t.id));
  return PAYMENT_METHODS.filter((m) => !excludedIds.has(m.id) && !excludedTypes.has(m.typeId))
    .filter((m) => !(pref.data.binary_mode && m.fixedOutcome));
}

export function maxInstallments(pref: PreferenceRecord, typeId: string): number {
  if (typeId !== "credit_card") return 1;
  return pref.data.payment_methods.installments ?? 12;
}

function outcomeFor(pref: PreferenceRecord, input: PayInput, fixed: CardholderOutcome | null) {
  if (fixed) return fixed;
  const name = input.cardholderName?.trim() ?? "";
  const outcome = outcomeForCardholder(name);
  if (!outcome) {
    const names = CARDHOLDER_OUTCOMES.map((o) => o.name).join(", ");
    throw mpError(400, "bad_request", `Unknown test cardholder name "${name}". Use one of: ${names}`);
  }
  // binary_mode: the payment is approved or rejected at once, never left pending/in_process.
  if (pref.data.binary_mode && outcome.status !== "approved" && outcome.status !== "rejected") {
    return { ...outcome, status: "rejected" as const, statusDetail: "cc_rejected_other_reason" };
  }
  return outcome;
}

export function createPaymentFromPreference(ctx: EmulatorContext, pref: PreferenceRecord, input: PayInput): PaymentRecord {
  const reason = unpayableReason(pref.data);
  if (reason) throw mpError(400, "bad_request", `Preference cannot be paid: ${reason}`);
  const methodId = input.paymentMethodId || pref.data.payment_methods.default_payment_method_id || "master";
  const method = allowedMethods(pref).find((m) => m.id === methodId);
  if (!method) throw mpError(400, "bad_request", `Payment method ${methodId} is not available for this preference`);
  const installments = input.installments ?? 1;
  if (!Number.isInteger(installments) || installments < 1 || installments > maxInstallments(pref, method.typeId)) {
    throw mpError(400, "bad_request", "Invalid installments for this payment method");
  }
  const fixed = method.fixedOutcome ? { name: "", label: "", ...method.fixedOutcome } : null;
  const outcome = outcomeFor(pref, input, fixed);
  const digits = (input.cardNumber ?? method.testCard ?? "").replace(/\D/g, "");
  const email = input.email?.trim() || (pref.data.payer.email as string) || DEFAULT_EMAIL;
  const now = new Date();
  const order = ensureMerchantOrder(ctx, pref.id);
  const payment: PaymentRecord = {
    id: ctx.store.nextId("payment"),
    preferenceId: pref.id,
    merchantOrderId: order.id,
    status: outcome.status,
    statusDetail: outcome.statusDetail,
    amountCents: pref.totalCents,
    refundedCents: 0,
    paymentMethodId: method.id,
    paymentTypeId: method.typeId,
    issuerId: method.issuerId,
    installments,
    cardholderName: method.testCard ? (input.cardholderName?.trim() ?? null) : null,
    cardFirstSix: digits.length >= 10 ? digits.slice(0, 6) : null,
    cardLastFour: digits.length >= 10 ? digits.slice(-4) : null,
    payerId: payerIdFor(email),
    payerEmail: email,
    payerIdentification: input.identification ?? { type: "CPF", number: DEFAULT_CPF },
    externalReference: pref.data.external_reference || null,
    metadata: pref.data.metadata,
    description: pref.data.items[0]?.title ?? "",
    statementDescriptor: pref.data.statement_descriptor,
    notificationUrl: pref.data.notification_url,
    binaryMode: pref.data.binary_mode,
    items: pref.data.items,
    dateCreated: mpDate(now),
    dateApproved: null,
    dateLastUpdated: mpDate(now),
    moneyReleaseDate: null,
    createdAtMs: now.getTime(),
    refunds: [],
  };
  if (payment.status === "approved") markApproved(payment, now);
  ctx.store.payments.set(payment.id, payment);
  ctx.store.changed();
  ctx.notifier.paymentEvent(payment, "payment.created");
  return payment;
}

function markApproved(payment: PaymentRecord, now: Date): void {
  payment.dateApproved ??= mpDate(now);
  const releaseDays = payment.paymentTypeId === "credit_card" ? 14 : 0;
  payment.moneyReleaseDate ??= mpDate(new Date(now.getTime() + releaseDays * DAY_MS));
}

/** Moves a payment to another status and notifies `payment.updated`. */
export function changePaymentStatus(
  ctx: EmulatorContext,
  payment: PaymentRecord,
  status: PaymentStatus,
  statusDetail?: string,
  options: { notify?: boolean } = {},
): PaymentRecord {
  const now = new Date();
  payment.status = status;
  payment.statusDetail = statusDetail || DEFAULT_STATUS_DETAIL[status];
  payment.dateLastUpdated = mpDate(now);
  if (status === "approved") markApproved(payment, now);
  ctx.store.changed();
  if (options.notify !== false) ctx.notifier.paymentEvent(payment, "payment.updated");
  return payment;
}

export function findPayment(ctx: EmulatorContext, id: string | number): PaymentRecord | undefined {
  const numeric = typeof id === "number" ? id : /^\d+$/.test(id) ? Number(id) : Number.NaN;
  return ctx.store.payments.get(numeric);
}

function fee(payment: PaymentRecord): number {
  const method = findPaymentMethod(payment.paymentMethodId);
  if (!method) return 0;
  return Math.round((payment.amountCents * method.feeBasisPoints) / 10_000) + method.feeFixedCents;
}

/** The payment object as `GET /v1/payments/{id}` answers it. */
export function paymentView(ctx: EmulatorContext, p: PaymentRecord): JsonObject {
  // Per the API reference, payer e-mail/identification are only shown for these statuses.
  const showPayer = p.status === "approved" || p.status === "refunded" || p.status === "charged_back";
  const feeCents = fee(p);
  const installmentCents = Math.round(p.amountCents / p.installments);
  return {
    id: p.id,
    date_created: p.dateCreated,
    date_approved: p.dateApproved,
    date_last_updated: p.dateLastUpdated,
    date_of_expiration: null,
    money_release_date: p.moneyReleaseDate,
    money_release_status: p.status === "approved" ? "pending" : null,
    operation_type: "regular_payment",
    issuer_id: p.issuerId,
    payment_method_id: p.paymentMethodId,
    payment_type_id: p.paymentTypeId,
    payment_method: { id: p.paymentMethodId, type: p.paymentTypeId, issuer_id: p.issuerId },
    status: p.status,
    status_detail: p.statusDetail,
    currency_id: "BRL",
    description: p.description,
    live_mode: ctx.config.liveMode,
    sponsor_id: null,
    authorization_code: p.status === "approved" ? String(p.id).slice(-6) : null,
    collector_id: ctx.config.userId,
    payer: {
      type: null,
      id: String(p.payerId),
      operator_id: null,
      email: showPayer ? p.payerEmail : null,
      identification: showPayer ? p.payerIdentification : { type: null, number: null },
      phone: { area_code: null, number: null, extension: null },
      first_name: null,
      last_name: null,
      entity_type: null,
    },
    metadata: p.metadata,
    additional_info: {
      items: p.items.map((item) => ({
        id: item.id,
        title: item.title,
        description: item.description,
        picture_url: item.picture_url || null,
        category_id: item.category_id,
        quantity: String(item.quantity),
        unit_price: String(item.unit_price),
      })),
    },
    order: { id: String(p.merchantOrderId), type: "mercadopago" },
    external_reference: p.externalReference,
    transaction_amount: fromCents(p.amountCents),
    transaction_amount_refunded: fromCents(p.refundedCents),
    coupon_amount: 0,
    installments: p.installments,
    transaction_details: {
      payment_method_reference_id: null,
      net_received_amount: p.status === "approved" ? fromCents(p.amountCents - feeCents) : 0,
      total_paid_amount: fromCents(p.amountCents),
      overpaid_amount: 0,
      external_resource_url: null,
      installment_amount: fromCents(installmentCents),
      financial_institution: null,
      payable_deferral_period: null,
      acquirer_reference: null,
    },
    fee_details: p.status === "approved" ? [{ type: "mercadopago_fee", amount: fromCents(feeCents), fee_payer: "collector" }] : [],
    charges_details: [],
    captured: true,
    binary_mode: p.binaryMode,
    call_for_authorize_id: null,
    statement_descriptor: p.statementDescriptor,
    card: p.cardLastFour
      ? {
          id: null,
          first_six_digits: p.cardFirstSix,
          last_four_digits: p.cardLastFour,
          expiration_month: 11,
          expiration_year: 2030,
          date_created: p.dateCreated,
          date_last_updated: p.dateCreated,
          cardholder: { name: p.cardholderName, identification: p.payerIdentification },
        }
      : {},
    notification_url: p.notificationUrl,
    refunds: p.refunds.map((refund) => refundView(ctx, refund)),
    processing_mode: "aggregator",
    merchant_account_id: null,
    merchant_number: null,
    acquirer_reconciliation: [],
    point_of_interaction: { type: "CHECKOUT", business_info: { unit: "online_payments", sub_unit: "checkout_pro" } },
  };
}

/** The refund object (`POST/GET /v1/payments/{id}/refunds`). */
export function refundView(ctx: EmulatorContext, refund: PaymentRecord["refunds"][number]): JsonObject {
  return {
    id: refund.id,
    payment_id: refund.paymentId,
    amount: fromCents(refund.amountCents),
    metadata: refund.metadata,
    source: { id: String(ctx.config.userId), name: "Emulador Mercado Pago", type: refund.sourceType },
    date_created: refund.dateCreated,
    unique_sequence_number: null,
    refund_mode: "standard",
    adjustment_amount: 0,
    status: "approved",
    reason: null,
    labels: [],
    amount_refunded_to_payer: fromCents(refund.amountCents),
    partition_details: [],
    external_refund_id: null,
    expiration_date: null,
    alternative_refund_mode: null,
  };
}
