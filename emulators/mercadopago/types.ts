/** Records kept by the emulator's store (all JSON-serialisable, so the store can persist them). */

export type JsonObject = Record<string, unknown>;

export const PAYMENT_STATUSES = [
  "pending",
  "approved",
  "authorized",
  "in_process",
  "in_mediation",
  "rejected",
  "cancelled",
  "refunded",
  "charged_back",
] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export interface PreferenceItem {
  id: string;
  title: string;
  description: string;
  picture_url: string;
  category_id: string;
  quantity: number;
  currency_id: string;
  unit_price: number;
}

export interface BackUrls {
  success: string;
  pending: string;
  failure: string;
}

/** The request-controlled part of a preference, after validation and defaults. */
export interface PreferenceFields {
  items: PreferenceItem[];
  payer: JsonObject;
  back_urls: BackUrls;
  auto_return: string;
  notification_url: string | null;
  external_reference: string;
  expires: boolean;
  expiration_date_from: string | null;
  expiration_date_to: string | null;
  date_of_expiration: string | null;
  binary_mode: boolean;
  statement_descriptor: string | null;
  metadata: JsonObject;
  payment_methods: {
    default_card_id: string | null;
    default_payment_method_id: string | null;
    excluded_payment_methods: { id: string }[];
    excluded_payment_types: { id: string }[];
    installments: number | null;
    default_installments: number | null;
  };
  shipments: JsonObject;
  additional_info: string;
  marketplace: string;
  marketplace_fee: number;
  operation_type: string;
}

/** The preference exactly as the API answers it (`api_response` is added by the SDK). */
export interface PreferenceData extends PreferenceFields {
  [key: string]: unknown;
  id: string;
  init_point: string;
  sandbox_init_point: string;
  collector_id: number;
  client_id: string;
  site_id: string;
  date_created: string;
  last_updated: string | null;
}

export interface PreferenceRecord {
  id: string;
  /** Sum of rounded items (+ shipment cost), in cents. */
  totalCents: number;
  data: PreferenceData;
}

export interface RefundRecord {
  id: number;
  paymentId: number;
  amountCents: number;
  dateCreated: string;
  metadata: JsonObject;
  sourceType: "collector" | "admin";
}

export interface PaymentRecord {
  id: number;
  preferenceId: string;
  merchantOrderId: number;
  status: PaymentStatus;
  statusDetail: string;
  amountCents: number;
  refundedCents: number;
  paymentMethodId: string;
  paymentTypeId: string;
  issuerId: string | null;
  installments: number;
  cardholderName: string | null;
  cardFirstSix: string | null;
  cardLastFour: string | null;
  payerId: number;
  payerEmail: string;
  payerIdentification: { type: string; number: string };
  externalReference: string | null;
  metadata: JsonObject;
  description: string;
  statementDescriptor: string | null;
  notificationUrl: string | null;
  binaryMode: boolean;
  items: PreferenceItem[];
  dateCreated: string;
  dateApproved: string | null;
  dateLastUpdated: string;
  moneyReleaseDate: string | null;
  /** Epoch millis of creation, used for sorting and date ranges. */
  createdAtMs: number;
  refunds: RefundRecord[];
}

export interface MerchantOrderRecord {
  id: number;
  preferenceId: string;
  dateCreated: string;
  lastUpdated: string;
}

export type NotificationStyle = "webhook" | "ipn";
export type NotificationState = "held" | "scheduled" | "sending" | "delivered" | "failed";

export interface DeliveryAttempt {
  attempt: number;
  at: string;
  requestId: string;
  signature: string;
  durationMs: number;
  statusCode: number | null;
  responseBody: string | null;
  error: string | null;
}

export interface NotificationRecord {
  /** Log entry id (emulator-local). */
  seq: number;
  style: NotificationStyle;
  topic: "payment" | "merchant_order";
  resourceId: string;
  action: string;
  url: string;
  body: JsonObject;
  createdAt: string;
  state: NotificationState;
  attempts: DeliveryAttempt[];
  nextAttemptAt: string | null;
  /** Why the notification is in its state (e.g. "gave up after 6 attempts"). */
  note: string | null;
}

export interface RequestLogEntry {
  seq: number;
  at: string;
  method: string;
  path: string;
  query: string;
  status: number;
  durationMs: number;
  idempotencyKey: string | null;
  replayed: boolean;
  fault: boolean;
}

export interface FaultRule {
  id: number;
  remaining: number;
  status: number | null;
  delayMs: number;
  method: string | null;
  pathPrefix: string | null;
  body: JsonObject | null;
  retryAfter: number | null;
}

export interface IdempotencyEntry {
  fingerprint: string;
  status: number;
  body: unknown;
  createdAt: string;
}
