/**
 * Offline, stateful Mercado Pago Checkout Pro emulator.
 *
 *   const mp = await startMercadoPagoEmulator({ port: 0 });
 *   process.env.MERCADOPAGO_API_URL = mp.url; // the app points the official SDK here
 *   ...
 *   await mp.close();
 *
 * See README.md for the routes, the control API and the test cardholder names.
 */
import { randomBytes, randomInt } from "node:crypto";
import type { AddressInfo } from "node:net";
import type { EmulatorConfig, EmulatorContext } from "./context";
import { Notifier } from "./notifications";
import { checkoutUrl } from "./preferences";
import { createEmulatorServer } from "./server";
import { EmulatorStore } from "./store";

export interface MercadoPagoEmulatorOptions {
  /** TCP port; 0 (default) picks a free one. */
  port?: number;
  /** Interface to bind (default 127.0.0.1). */
  host?: string;
  /** Access token the API accepts (generated, MP-shaped, when omitted). */
  accessToken?: string;
  /** Secret used to sign webhook notifications (generated when omitted). */
  webhookSecret?: string;
  /** JSON file that keeps the state across restarts (in memory only when omitted). */
  stateFile?: string;
  /** Base URL put in `init_point` when the emulator is reached through another address. */
  publicUrl?: string;
  /** Seller id (`collector_id`, notification `user_id`); defaults to the token's suffix or 123456789. */
  userId?: number;
  /** Wait before auto_return sends the buyer back (Mercado Pago waits a few seconds); default 0. */
  autoReturnDelayMs?: number;
  /** Delays between notification attempts; the last one repeats. Default 1 s, 5 s, 30 s, 2 min, 10 min. */
  notificationRetryDelaysMs?: number[];
  /** Total delivery attempts per notification (default: retry delays + 1). */
  notificationMaxAttempts?: number;
  /** Delivery timeout (default 22 000 ms, as Mercado Pago). */
  notificationTimeoutMs?: number;
  /** `live_mode` of payments and notifications (default false, like test credentials). */
  liveMode?: boolean;
  log?: (line: string) => void;
}

export interface MercadoPagoEmulator {
  /** Base URL of the API, e.g. `http://127.0.0.1:4010` (set `MERCADOPAGO_API_URL` to it). */
  url: string;
  port: number;
  accessToken: string;
  webhookSecret: string;
  userId: number;
  /** The emulator's records (preferences, payments, notifications, requests, ...). */
  state: EmulatorStore;
  /** Resolves when no notification is being delivered or waiting for a retry. */
  notificationsSettled(): Promise<void>;
  /** Clears every record and cancels pending notification retries (like `POST /__emulator/reset`). */
  reset(): void;
  close(): Promise<void>;
}

export const DEFAULT_RETRY_DELAYS_MS = [1_000, 5_000, 30_000, 120_000, 600_000];
const DEFAULT_USER_ID = 123456789;

function digits(length: number): string {
  let out = String(randomInt(1, 10));
  while (out.length < length) out += String(randomInt(0, 10));
  return out;
}

/** An access token shaped like Mercado Pago's: `APP_USR-<app id>-<MMDDHH>-<hex>-<user id>`. */
export function generateAccessToken(userId = DEFAULT_USER_ID): string {
  const now = new Date();
  const stamp = [now.getMonth() + 1, now.getDate(), now.getHours()].map((n) => String(n).padStart(2, "0")).join("");
  return `APP_USR-${digits(16)}-${stamp}-${randomBytes(16).toString("hex")}-${userId}`;
}

export function generateWebhookSecret(): string {
  return randomBytes(32).toString("hex");
}

const TOKEN_SHAPE = /^(?:APP_USR|TEST)-(\d+)-\d+-[0-9a-f]+-(\d+)$/;

function hostForUrl(host: string): string {
  if (host === "0.0.0.0" || host === "::") return "127.0.0.1";
  return host.includes(":") ? `[${host}]` : host;
}

export async function startMercadoPagoEmulator(opts: MercadoPagoEmulatorOptions = {}): Promise<MercadoPagoEmulator> {
  const shape = opts.accessToken ? TOKEN_SHAPE.exec(opts.accessToken) : null;
  const userId = opts.userId ?? (shape ? Number(shape[2]) : DEFAULT_USER_ID);
  const accessToken = opts.accessToken ?? generateAccessToken(userId);
  const log = opts.log ?? (() => {});
  const retryDelaysMs = opts.notificationRetryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
  const config: EmulatorConfig = {
    accessToken,
    webhookSecret: opts.webhookSecret ?? generateWebhookSecret(),
    userId,
    clientId: TOKEN_SHAPE.exec(accessToken)?.[1] ?? "1234567890123456",
    siteId: "MLB",
    publicUrl: "",
    autoReturnDelayMs: opts.autoReturnDelayMs ?? 0,
    liveMode: opts.liveMode ?? false,
    log,
  };
  const store = new EmulatorStore(opts.stateFile, log);
  const notifier = new Notifier(store, config, {
    retryDelaysMs,
    maxAttempts: opts.notificationMaxAttempts ?? retryDelaysMs.length + 1,
    timeoutMs: opts.notificationTimeoutMs ?? 22_000,
  });
  const ctx: EmulatorContext = { config, store, notifier };
  const server = createEmulatorServer(ctx);
  const host = opts.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${hostForUrl(host)}:${port}`;
  config.publicUrl = (opts.publicUrl ?? url).replace(/\/+$/, "");
  // Preferences loaded from a state file point at this run's address.
  for (const pref of store.preferences.values()) {
    pref.data.init_point = checkoutUrl(ctx, pref.id);
    pref.data.sandbox_init_point = pref.data.init_point;
  }
  notifier.restore();
  log(`Mercado Pago emulator listening on ${url}`);

  let closed: Promise<void> | null = null;
  return {
    url,
    port,
    accessToken,
    webhookSecret: config.webhookSecret,
    userId,
    state: store,
    notificationsSettled: () => notifier.settled(),
    reset() {
      notifier.cancelAll();
      store.reset();
    },
    close() {
      closed ??= new Promise<void>((resolve) => {
        notifier.close();
        store.flush();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closed;
    },
  };
}

export type { EmulatorStore } from "./store";
export { buildManifest, signatureHeader, signManifest } from "./signature";
export { CARDHOLDER_OUTCOMES } from "./cardholders";
