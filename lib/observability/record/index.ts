/**
 * The recording API other modules call. Import from `@/lib/observability/record`; names and label
 * sets are documented in docs/monitoring.md and checked by the dashboard/alert tests, so keep them
 * stable.
 */
import { gaugeProviderMetrics } from "../gauge-providers";
import { dbMetrics } from "./db";
import { emailMetrics } from "./email";
import { mercadoPagoMetrics } from "./mercadopago";
import { paymentMetrics } from "./payments";
import { readinessMetrics } from "./readiness";
import { uploadMetrics } from "./uploads";
import { webhookMetrics } from "./webhooks";

export { type BacklogSnapshot, type GaugeProviders, registerGaugeProvider } from "../gauge-providers";
export { classifyDbError, type DbErrorKind, recordDbError } from "./db";
export {
  type EmailEventRecord,
  type EmailOutcome,
  type EmailProvider,
  type EmailRecord,
  recordEmail,
  recordEmailEvent,
  setEmailOutbox,
} from "./email";
export { type MercadoPagoCall, type MercadoPagoOutcome, recordMercadoPagoCall } from "./mercadopago";
export { type PaymentStatus, type RefundOutcome, type RefundRecord, recordPaymentStatus, recordRefund } from "./payments";
export { recordReadiness } from "./readiness";
export { recordUpload, type UploadEvent, type UploadRecord } from "./uploads";
export {
  recordWebhook,
  setWebhookBacklog,
  type WebhookEvent,
  type WebhookProvider,
  type WebhookReason,
  type WebhookRecord,
} from "./webhooks";

/**
 * Creates every metric family up front, so a scrape lists all of them (with zero series where the
 * label set is known) even before the first checkout, webhook, upload or email of this process.
 */
export function ensureAllMetrics(): void {
  gaugeProviderMetrics();
  dbMetrics();
  emailMetrics();
  mercadoPagoMetrics();
  paymentMetrics();
  readinessMetrics();
  uploadMetrics();
  webhookMetrics();
}
