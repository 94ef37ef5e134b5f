import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { POST as webhook } from "@/app/api/webhooks/mercadopago/route";
import { resetConfig } from "@/lib/config";
import { type MercadoPagoEmulator, startMercadoPagoEmulator } from "../../emulators/mercadopago/index";

export interface PaymentsHarness {
  emulator: MercadoPagoEmulator;
  /** Our webhook route handler served over real HTTP (the emulator's notification_url points here). */
  appUrl: string;
  /** Status codes our webhook answered, in order. */
  acks: number[];
  control<T = any>(path: string, body?: unknown, method?: string): Promise<T>;
  close(): Promise<void>;
}

/**
 * Real parts for payment tests: the Mercado Pago emulator over HTTP, and our real webhook route
 * behind a local HTTP server so the emulator's signed notifications arrive as they would in
 * production. Sets the environment the app reads and resets the config cache.
 */
export async function startPaymentsHarness(): Promise<PaymentsHarness> {
  const acks: number[] = [];
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
    const request = new Request(`http://${req.headers.host}${req.url}`, {
      method: req.method,
      headers,
      body: req.method === "POST" ? Buffer.concat(chunks) : undefined,
    });
    const response = await webhook(request, { params: Promise.resolve({}) });
    acks.push(response.status);
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const emulator = await startMercadoPagoEmulator({ port: 0, notificationRetryDelaysMs: [50, 100, 200], notificationTimeoutMs: 5_000 });
  Object.assign(process.env, {
    APP_URL: appUrl,
    MERCADOPAGO_API_URL: emulator.url,
    MERCADOPAGO_ACCESS_TOKEN: emulator.accessToken,
    MERCADOPAGO_WEBHOOK_SECRET: emulator.webhookSecret,
    MERCADOPAGO_MAX_RETRIES: "0",
    MERCADOPAGO_TIMEOUT_MS: "3000",
  });
  resetConfig();
  return {
    emulator,
    appUrl,
    acks,
    async control(path, body, method = "POST") {
      const res = await fetch(`${emulator.url}/__emulator${path}`, {
        method,
        headers: { "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`emulator ${path}: ${res.status} ${text}`);
      return text ? JSON.parse(text) : undefined;
    },
    async close() {
      await emulator.close();
      await new Promise((r) => server.close(r));
    },
  };
}
