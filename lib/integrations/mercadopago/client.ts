import MercadoPagoConfig, { MercadoPagoError, Payment, PaymentRefund, Preference } from "mercadopago";
import type { PaymentResponse } from "mercadopago/dist/clients/payment/commonTypes";
import type { PreferenceRequest, PreferenceResponse } from "mercadopago/dist/clients/preference/commonTypes";
import type { RefundResponse as PaymentRefundResponse } from "mercadopago/dist/clients/paymentRefund/commonTypes";
import { AppConfig } from "mercadopago/dist/utils/config";
import { config } from "@/lib/config";
import { currentRequestId } from "@/lib/observability/context";
import { recordMercadoPagoCall } from "./metrics";

export type { PaymentResponse, PreferenceRequest, PreferenceResponse, PaymentRefundResponse };
export { MercadoPagoError };

/**
 * The one place that talks to Mercado Pago, through the official SDK. The SDK has no base-URL
 * option, so `MERCADOPAGO_API_URL` is applied to its static AppConfig (pinned SDK version; see
 * mercadopago.md §6). Each call gets a fresh MercadoPagoConfig because the SDK merges request
 * options into the config permanently (a reused idempotency key would leak into later calls).
 */
export interface MercadoPagoClient {
  createPreference(body: PreferenceRequest, idempotencyKey: string): Promise<PreferenceResponse>;
  getPayment(id: string): Promise<PaymentResponse>;
  searchPaymentsByReference(externalReference: string): Promise<PaymentResponse[]>;
  createRefund(paymentId: string, amountCents: number | undefined, idempotencyKey: string): Promise<PaymentRefundResponse>;
}

const HOOK = Symbol.for("onlywave.mercadopago.fetchHook");
type HookHolder = { [HOOK]?: boolean };

/**
 * Adds our request id to every outgoing Mercado Pago call (the SDK has no custom-header option),
 * so one id ties a shopper's request, our logs and Mercado Pago's side together.
 */
function installRequestIdHeader() {
  const g = globalThis as HookHolder;
  if (g[HOOK]) return;
  g[HOOK] = true;
  const original = globalThis.fetch;
  globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    const requestId = currentRequestId();
    if (requestId && url.startsWith(AppConfig.BASE_URL)) {
      const headers = new Headers(init?.headers);
      if (!headers.has("x-request-id")) headers.set("x-request-id", requestId);
      return original(input, { ...init, headers });
    }
    return original(input, init);
  }) as typeof fetch;
}

function sdkConfig(idempotencyKey?: string): MercadoPagoConfig {
  const cfg = config().mercadopago;
  if (!cfg.accessToken) throw new Error("MERCADOPAGO_ACCESS_TOKEN is not configured");
  Object.assign(AppConfig, { BASE_URL: cfg.apiUrl });
  installRequestIdHeader();
  return new MercadoPagoConfig({
    accessToken: cfg.accessToken,
    options: {
      timeout: cfg.timeoutMs,
      maxRetries: cfg.maxRetries,
      ...(idempotencyKey ? { idempotencyKey } : {}),
    },
  });
}

async function timed<T>(operation: string, fn: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    const out = await fn();
    recordMercadoPagoCall(operation, "success", (performance.now() - started) / 1000);
    return out;
  } catch (err) {
    const outcome = err instanceof MercadoPagoError && err.status && err.status < 500 ? "client_error" : "failure";
    recordMercadoPagoCall(operation, outcome, (performance.now() - started) / 1000);
    throw err;
  }
}

export function mercadoPago(): MercadoPagoClient {
  return {
    createPreference: (body, idempotencyKey) =>
      timed("create_preference", () =>
        new Preference(sdkConfig(idempotencyKey)).create({ body, requestOptions: { idempotencyKey } }),
      ),
    getPayment: (id) => timed("get_payment", () => new Payment(sdkConfig()).get({ id })),
    searchPaymentsByReference: (externalReference) =>
      timed("search_payments", async () => {
        const r = await new Payment(sdkConfig()).search({
          options: { external_reference: externalReference, sort: "date_created", criteria: "desc", limit: 50 },
        });
        return (r.results ?? []) as PaymentResponse[];
      }),
    createRefund: (paymentId, amountCents, idempotencyKey) =>
      timed("create_refund", () =>
        new PaymentRefund(sdkConfig(idempotencyKey)).create({
          payment_id: paymentId,
          body: amountCents === undefined ? {} : { amount: amountCents / 100 },
          requestOptions: { idempotencyKey },
        }),
      ),
  };
}

/** Whether an SDK error is worth retrying later (network, timeouts, 429, 5xx). */
export function isTransientMercadoPagoError(err: unknown): boolean {
  if (!(err instanceof MercadoPagoError)) return true;
  const status = err.status ?? 0;
  return status === 0 || status === 429 || status >= 500 || err.error === "connection_error";
}
