import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import {
  type EmulatedEvent,
  eventsForRequest,
  type RecordedMailSend,
  randomId,
  serializeEventBatch,
} from "./events";
import { createWebhookSigner } from "./signing";
import { type SendGridApiError, validateMailSend } from "./validate";

export type { EmulatedEvent, RecordedMailSend } from "./events";
export { eventsForRequest, serializeEventBatch } from "./events";

export const SIGNATURE_HEADER = "X-Twilio-Email-Event-Webhook-Signature";
export const TIMESTAMP_HEADER = "X-Twilio-Email-Event-Webhook-Timestamp";

export interface SendGridEmulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** Key clients must send as `Authorization: Bearer …`. Default `SG.emulator-key`. */
  apiKey?: string;
  /** Reuse a P-256 key (PKCS#8 PEM) so the public key survives restarts. */
  signingKeyPem?: string;
  /**
   * After each accepted send, post signed `processed` + `delivered` events (or
   * `bounce` for recipients @bounce.test) to this URL, like SendGrid would.
   */
  autoEvents?: { webhookUrl: string; delayMs?: number };
}

export interface SendEventsResult {
  status: number;
  responseBody: string;
  rawBody: string;
  signature: string;
  timestamp: string;
}

export interface SendGridEmulator {
  /** Base URL for the provider's `apiUrl`, e.g. `http://127.0.0.1:PORT`. */
  url: string;
  port: number;
  apiKey: string;
  /** Base64 SPKI DER, as SendGrid's dashboard shows its "Verification Key". */
  publicKey: string;
  privateKeyPem: string;
  /** Every call to the API (any path, any outcome), oldest first. */
  requests: RecordedMailSend[];
  /** The next `count` Mail Send calls answer `status` (e.g. 500, 503, 429). */
  failNext(count: number, status: number): void;
  /** While down, every connection is reset before any response (network error). */
  setDown(down: boolean): void;
  /** POST a signed Event Webhook batch to `webhookUrl`. */
  sendEvents(webhookUrl: string, events: EmulatedEvent[], options?: { timestamp?: number }): Promise<SendEventsResult>;
  /** Events for each recipient of a recorded send (see `eventsForRequest`). */
  eventsFor(request: RecordedMailSend, event: string, extra?: Record<string, unknown>): EmulatedEvent[];
  clear(): void;
  close(): Promise<void>;
}

const FAILURE_MESSAGES: Record<number, string> = {
  429: "too many requests",
  500: "Internal server error",
  502: "Bad Gateway",
  503: "Service Unavailable",
};

function send(res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers });
  res.end(body === undefined ? undefined : JSON.stringify(body));
}

function errorBody(errors: SendGridApiError[]) {
  return { errors };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function lowerHeaders(req: IncomingMessage): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) result[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return result;
}

/**
 * Local SendGrid: speaks v3 `POST /v3/mail/send` (auth, validation, 202 +
 * X-Message-Id), records every call, injects failures, and posts Event Webhook
 * batches signed with its own P-256 key exactly as SendGrid signs them.
 *
 * Control endpoints for other processes (e2e, dev scripts): `GET|DELETE
 * /__emulator/requests`, `POST /__emulator/fail {count,status}`,
 * `POST /__emulator/events {webhookUrl, events}`, `GET /__emulator/public-key`.
 */
export async function startSendGridEmulator(options: SendGridEmulatorOptions = {}): Promise<SendGridEmulator> {
  const host = options.host ?? "127.0.0.1";
  const apiKey = options.apiKey ?? "SG.emulator-key";
  const signer = createWebhookSigner(options.signingKeyPem);
  const requests: RecordedMailSend[] = [];
  const sockets = new Set<Socket>();
  let failures = { remaining: 0, status: 500 };
  let down = false;
  let sequence = 0;

  async function sendEvents(webhookUrl: string, events: EmulatedEvent[], opts: { timestamp?: number } = {}) {
    const nowSeconds = Math.floor(Date.now() / 1000);
    const rawBody = serializeEventBatch(events, nowSeconds);
    const timestamp = String(opts.timestamp ?? nowSeconds);
    const signature = signer.sign(timestamp, rawBody);
    const response = await fetch(webhookUrl, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent": "SendGrid Event API",
        [SIGNATURE_HEADER]: signature,
        [TIMESTAMP_HEADER]: timestamp,
      },
      body: rawBody,
    });
    return { status: response.status, responseBody: await response.text(), rawBody, signature, timestamp };
  }

  function scheduleAutoEvents(record: RecordedMailSend): void {
    const auto = options.autoEvents;
    if (!auto) return;
    setTimeout(() => {
      const processed = eventsForRequest(record, "processed");
      const outcome = processed.map((e) =>
        /@bounce\.test$/i.test(e.email)
          ? { ...e, event: "bounce", type: "bounce", status: "5.1.1", reason: "550 5.1.1 The email account does not exist." }
          : { ...e, event: "delivered", response: "250 2.0.0 OK" },
      );
      sendEvents(auto.webhookUrl, [...processed, ...outcome]).catch((error: unknown) => {
        console.warn(`[sendgrid-emulator] could not post events to ${auto.webhookUrl}:`, error);
      });
    }, auto.delayMs ?? 200).unref();
  }

  async function handleMailSend(req: IncomingMessage, res: ServerResponse, record: RecordedMailSend) {
    const respond = (status: number, body?: unknown, headers?: Record<string, string>) => {
      record.status = status;
      send(res, status, body, headers);
    };
    if (failures.remaining > 0) {
      failures.remaining--;
      const message = FAILURE_MESSAGES[failures.status] ?? "error";
      return respond(failures.status, errorBody([{ message, field: null, help: null }]));
    }
    if (req.headers.authorization !== `Bearer ${apiKey}`) {
      return respond(401, errorBody([{ message: "The provided authorization grant is invalid, expired, or revoked", field: null, help: null }]));
    }
    if (!record.body) return respond(400, errorBody([{ message: "Bad Request", field: null, help: null }]));
    const errors = validateMailSend(record.body);
    if (errors.length > 0) return respond(400, errorBody(errors));
    const sandbox = (record.body.mail_settings as { sandbox_mode?: { enable?: boolean } } | undefined)?.sandbox_mode?.enable === true;
    if (sandbox) return respond(200);
    record.messageId = randomId();
    respond(202, undefined, { "X-Message-Id": record.messageId });
    scheduleAutoEvents(record);
  }

  async function handleControl(req: IncomingMessage, res: ServerResponse, path: string, raw: string) {
    const input = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    if (path === "/__emulator/requests" && req.method === "GET") return send(res, 200, requests);
    if (path === "/__emulator/requests" && req.method === "DELETE") {
      requests.length = 0;
      return send(res, 200, { ok: true });
    }
    if (path === "/__emulator/public-key") return send(res, 200, { publicKey: signer.publicKey });
    if (path === "/__emulator/fail" && req.method === "POST") {
      failures = { remaining: Number(input.count ?? 1), status: Number(input.status ?? 500) };
      return send(res, 200, { ok: true });
    }
    if (path === "/__emulator/events" && req.method === "POST") {
      const result = await sendEvents(String(input.webhookUrl), (input.events ?? []) as EmulatedEvent[]);
      return send(res, 200, result);
    }
    return send(res, 404, { error: "unknown emulator endpoint" });
  }

  const server = createServer(async (req, res) => {
    try {
      const path = new URL(req.url ?? "/", "http://emulator").pathname;
      const raw = await readBody(req);
      if (path.startsWith("/__emulator/")) return await handleControl(req, res, path, raw);
      let body: Record<string, unknown> | null = null;
      try {
        const parsed: unknown = raw ? JSON.parse(raw) : null;
        body = parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
      } catch {
        body = null;
      }
      const record: RecordedMailSend = {
        id: ++sequence,
        receivedAt: new Date().toISOString(),
        method: req.method ?? "GET",
        path,
        headers: lowerHeaders(req),
        body,
        rawBody: raw,
        status: 0,
        messageId: null,
      };
      requests.push(record);
      if (req.method === "POST" && path === "/v3/mail/send") return await handleMailSend(req, res, record);
      record.status = 404;
      send(res, 404, errorBody([{ message: "resource not found", field: null, help: null }]));
    } catch (error) {
      send(res, 500, errorBody([{ message: `emulator error: ${String(error)}`, field: null, help: null }]));
    }
  });
  server.on("connection", (socket) => {
    if (down) {
      socket.destroy();
      return;
    }
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://${host}:${port}`,
    port,
    apiKey,
    publicKey: signer.publicKey,
    privateKeyPem: signer.privateKeyPem,
    requests,
    failNext(count, status) {
      failures = { remaining: count, status };
    },
    setDown(value) {
      down = value;
      if (down) for (const socket of sockets) socket.destroy();
    },
    sendEvents,
    eventsFor: eventsForRequest,
    clear() {
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
