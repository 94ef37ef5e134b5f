/**
 * Sandbox test data: the cardholder names that select a payment outcome, and the payment
 * methods offered by the hosted checkout (Brazil / MLB test cards).
 * Names and meanings come from Mercado Pago's "test cards" page; the mapping to API
 * `status`/`status_detail` values is the emulator's (see README and mercadopago.md §7).
 */
import type { PaymentStatus } from "./types";

export interface CardholderOutcome {
  name: string;
  /** Meaning as Mercado Pago's test-card table states it (pt-BR, shown on the checkout page). */
  label: string;
  status: PaymentStatus;
  statusDetail: string;
}

export const CARDHOLDER_OUTCOMES: readonly CardholderOutcome[] = [
  { name: "APRO", label: "Pagamento aprovado", status: "approved", statusDetail: "accredited" },
  { name: "OTHE", label: "Recusado por erro geral", status: "rejected", statusDetail: "cc_rejected_other_reason" },
  { name: "CONT", label: "Pagamento pendente", status: "in_process", statusDetail: "pending_contingency" },
  { name: "CALL", label: "Recusado com validação para autorizar", status: "rejected", statusDetail: "cc_rejected_call_for_authorize" },
  { name: "FUND", label: "Recusado por saldo insuficiente", status: "rejected", statusDetail: "cc_rejected_insufficient_amount" },
  { name: "SECU", label: "Recusado por código de segurança inválido", status: "rejected", statusDetail: "cc_rejected_bad_filled_security_code" },
  { name: "EXPI", label: "Recusado por problema com a data de vencimento", status: "rejected", statusDetail: "cc_rejected_bad_filled_date" },
  { name: "FORM", label: "Recusado por erro no formulário", status: "rejected", statusDetail: "cc_rejected_bad_filled_other" },
  { name: "CARD", label: "Recusado por falta de número do cartão", status: "rejected", statusDetail: "cc_rejected_bad_filled_card_number" },
  { name: "INST", label: "Recusado por parcelas inválidas", status: "rejected", statusDetail: "cc_rejected_invalid_installments" },
  { name: "DUPL", label: "Recusado por pagamento duplicado", status: "rejected", statusDetail: "cc_rejected_duplicated_payment" },
  { name: "LOCK", label: "Recusado por cartão desabilitado", status: "rejected", statusDetail: "cc_rejected_card_disabled" },
  { name: "CTNA", label: "Recusado por tipo de cartão não permitido", status: "rejected", statusDetail: "cc_rejected_card_type_not_allowed" },
  { name: "ATTE", label: "Recusado por exceder tentativas de PIN", status: "rejected", statusDetail: "cc_rejected_max_attempts" },
  { name: "BLAC", label: "Recusado por estar na lista negra", status: "rejected", statusDetail: "cc_rejected_blacklist" },
  // The two below have no documented status_detail; these values are the emulator's choice.
  { name: "UNSU", label: "Não suportado", status: "rejected", statusDetail: "cc_rejected_other_reason" },
  { name: "TEST", label: "Regras de valor (aprovado no emulador)", status: "approved", statusDetail: "accredited" },
];

/** Finds the outcome for a cardholder name ("apro", " APRO " and "APRO da Silva" all match APRO). */
export function outcomeForCardholder(name: string): CardholderOutcome | undefined {
  const first = name.trim().split(/\s+/)[0]?.toUpperCase() ?? "";
  return CARDHOLDER_OUTCOMES.find((outcome) => outcome.name === first);
}

export interface PaymentMethodOption {
  id: string;
  typeId: "credit_card" | "debit_card" | "bank_transfer" | "ticket";
  label: string;
  issuerId: string | null;
  /** Test card number shown as a hint (cards only). */
  testCard: string | null;
  /** Outcome when the method does not use a cardholder name (Pix, boleto). */
  fixedOutcome: { status: PaymentStatus; statusDetail: string } | null;
  /** Mercado Pago fee, in basis points of the amount, plus a fixed part in cents. */
  feeBasisPoints: number;
  feeFixedCents: number;
}

export const PAYMENT_METHODS: readonly PaymentMethodOption[] = [
  { id: "master", typeId: "credit_card", label: "Cartão de crédito Mastercard", issuerId: "24", testCard: "5031 4332 1540 6351", fixedOutcome: null, feeBasisPoints: 498, feeFixedCents: 0 },
  { id: "visa", typeId: "credit_card", label: "Cartão de crédito Visa", issuerId: "25", testCard: "4235 6477 2802 5682", fixedOutcome: null, feeBasisPoints: 498, feeFixedCents: 0 },
  { id: "debelo", typeId: "debit_card", label: "Cartão de débito Elo", issuerId: "687", testCard: "5067 7667 8388 8311", fixedOutcome: null, feeBasisPoints: 199, feeFixedCents: 0 },
  { id: "pix", typeId: "bank_transfer", label: "Pix", issuerId: null, testCard: null, fixedOutcome: { status: "pending", statusDetail: "pending_waiting_transfer" }, feeBasisPoints: 99, feeFixedCents: 0 },
  { id: "bolbradesco", typeId: "ticket", label: "Boleto bancário", issuerId: null, testCard: null, fixedOutcome: { status: "pending", statusDetail: "pending_waiting_payment" }, feeBasisPoints: 0, feeFixedCents: 349 },
];

export function findPaymentMethod(id: string): PaymentMethodOption | undefined {
  return PAYMENT_METHODS.find((method) => method.id === id);
}
