/** Shared helpers for the emulator's own tests: start it on a free port, talk HTTP, receive webhooks. */
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type MercadoPagoEmulator, type MercadoPagoEmulatorOptions, startMercadoPagoEmulator } from "./index";

// biome-ignore lint/suspicious/noExplicitAny: tests read JSON answers loosely and assert on them.
type Loose = any;

export const TOKEN = "APP_USR-1234567890123456-010203-0123456789abcdef0123456789abcdef-987654321";
export const SECRET = "test-webhook-secret";

export function startTestEmulator(opts: MercadoPagoEmulatorOptions = {}): Promise<MercadoPagoEmulator> {
  return startMercadoPagoEmulator({
    port: 0,
    accessToken: TOKEN,
    webhookSecret: SECRET,
    notificationRetryDelaysMs: [20, 40],
    notificationTimeoutMs: 1_000,
    ...opts,
  });
}

export interface ApiAnswer<T = Loose> {
  status: number;
  body: T;
  headers: Headers;
}

/** Calls the emulator with the access token (unless `headers.authorization` overrides it). */
export async function call<T = Loose>(
  emu: { url: string; accessToken: string },
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<ApiAnswer<T>> {
  const response = await fetch(`${emu.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${emu.accessToken}`,
      ...(body !== undefined ? { "content-type": "application/json" } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // HTML or empty
  }
  return { status: response.status, body: parsed as T, headers: response.headers };
}

export function preferenceBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    items: [{ id: "board-62", title: "Prancha 6'2 Epoxy", quantity: 1, unit_price: 199.9, currency_id: "BRL" }],
    external_reference: "order-123",
    ...overrides,
  };
}

export async function createPreference(emu: MercadoPagoEmulator, overrides: Record<string, unknown> = {}) {
  const answer = await call(emu, "POST", "/checkout/preferences", preferenceBody(overrides));
  if (answer.status !== 201) throw new Error(`preference not created: ${JSON.stringify(answer.body)}`);
  return answer.body as { id: string; init_point: string; [key: string]: Loose };
}

export async function payWith(emu: MercadoPagoEmulator, preferenceId: string, cardholderName = "APRO", extra: Record<string, unknown> = {}) {
  const answer = await call(emu, "POST", `/__emulator/preferences/${preferenceId}/pay`, { cardholderName, ...extra });
  if (answer.status !== 201) throw new Error(`payment not created: ${JSON.stringify(answer.body)}`);
  return answer.body as { id: number; status: string; status_detail: string; [key: string]: Loose };
}

export interface ReceivedRequest {
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  body: Loose;
  at: number;
}

type Reply = number | ((req: ReceivedRequest, res: ServerResponse) => void);

/** A local HTTP server standing in for the shop's webhook endpoint. */
export class Receiver {
  readonly received: ReceivedRequest[] = [];
  /** Replies used in order; when empty, answers 200. */
  replies: Reply[] = [];
  url = "";
  private server: Server | null = null;
  private waiters: { count: number; resolve: () => void }[] = [];

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        let body: unknown = text;
        try {
          body = JSON.parse(text);
        } catch {
          // keep raw text
        }
        const entry: ReceivedRequest = { method: req.method ?? "", url: new URL(req.url ?? "/", this.url), headers: req.headers, body, at: Date.now() };
        this.received.push(entry);
        const reply = this.replies.shift() ?? 200;
        if (typeof reply === "number") {
          res.writeHead(reply, { "content-type": "text/plain" });
          res.end(reply < 300 ? "ok" : "nope");
        } else {
          reply(entry, res);
        }
        this.waiters = this.waiters.filter((w) => {
          if (this.received.length < w.count) return true;
          w.resolve();
          return false;
        });
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** Waits until at least `count` requests arrived (fails after `timeoutMs`). */
  waitFor(count: number, timeoutMs = 5_000): Promise<ReceivedRequest[]> {
    if (this.received.length >= count) return Promise.resolve(this.received);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`expected ${count} requests, got ${this.received.length}`)), timeoutMs);
      this.waiters.push({
        count,
        resolve: () => {
          clearTimeout(timer);
          resolve(this.received);
        },
      });
    });
  }

  async close(): Promise<void> {
    if (!this.server) return;
    const server = this.server;
    this.server = null;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }
}

export async function startReceiver(): Promise<Receiver> {
  return new Receiver().start();
}

/** Submits the checkout form like a browser, without following redirects. */
export async function submitCheckout(emu: { url: string }, fields: Record<string, string>) {
  const response = await fetch(`${emu.url}/checkout/v1/pay`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
    redirect: "manual",
  });
  return { status: response.status, location: response.headers.get("location"), html: await response.text() };
}
