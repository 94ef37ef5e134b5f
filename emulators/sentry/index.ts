/**
 * Local stand-in for Sentry's ingest API: accepts the envelopes any Sentry SDK (browser, Node.js,
 * edge) POSTs to `/api/<project>/envelope/`, keeps them in memory and shows them as JSON, so
 * tests can assert what would have reached Sentry. Point a DSN at it:
 * `http://public@127.0.0.1:<port>/1`.
 *
 * - Answers CORS (preflight and `Access-Control-Allow-Origin: *`) like sentry.io does for browser
 *   SDKs; without it Chromium reports `blocked by CORS` (the request still arrives, the SDK just
 *   cannot read the answer).
 * - Decompresses `content-encoding: gzip | deflate | br` (@sentry/node gzips bodies over 32 KB).
 * - Checks the DSN's public key (`?sentry_key=` from browsers, `X-Sentry-Auth` from servers):
 *   401 for another key, like Sentry.
 * - Read-only view for other processes (e2e specs): `GET /envelopes[?type=event]`, `GET /events`,
 *   `DELETE /envelopes`.
 *
 * Not emulated: rate limits, quotas, the legacy `/store/` endpoint, symbolication.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { promisify } from "node:util";
import zlib from "node:zlib";
import { type EnvelopeItem, parseEnvelope } from "./envelope";

export type { Envelope, EnvelopeItem, EnvelopeItemHeader } from "./envelope";
export { parseEnvelope, serializeEnvelope } from "./envelope";

export interface SentrySinkOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** The DSN's public key; default `public`. */
  publicKey?: string;
  /** Keep at most this many envelopes (oldest dropped first); default 5000. */
  maxEnvelopes?: number;
  log?: (line: string) => void;
}

/** One envelope as received. */
export interface ParsedEnvelope {
  /** 1, 2, 3… in arrival order. */
  seq: number;
  receivedAt: string;
  /** Request path with query, e.g. `/api/1/envelope/?sentry_key=public&sentry_version=7…`. */
  path: string;
  projectId: string;
  sentryKey: string | null;
  /** Request headers that matter for assertions (lower-case names). */
  requestHeaders: { origin?: string; "user-agent"?: string; "content-type"?: string; "content-encoding"?: string };
  header: Record<string, unknown>;
  items: EnvelopeItem[];
  /** The decompressed body, for "this secret never left" checks. */
  raw: string;
}

/** An error event (the payload of an `event` item). Only the fields tests usually read are typed. */
export interface SentryEvent {
  event_id?: string;
  environment?: string;
  release?: string;
  platform?: string;
  message?: string | { formatted?: string; message?: string };
  level?: string;
  user?: Record<string, unknown>;
  tags?: Record<string, string>;
  request?: { url?: string; headers?: Record<string, string>; cookies?: unknown; data?: unknown; query_string?: unknown };
  exception?: { values?: { type?: string; value?: string; mechanism?: { type?: string; handled?: boolean } }[] };
  sdk?: { name?: string; version?: string };
  contexts?: Record<string, unknown>;
  [key: string]: unknown;
}

export interface SentrySink {
  /** Base URL, e.g. `http://127.0.0.1:3199`. */
  url: string;
  port: number;
  /** `http://<publicKey>@<host>:<port>/1`. */
  dsn: string;
  /** Everything received so far, oldest first (live array). */
  envelopes: ParsedEnvelope[];
  /** The `event` items (errors and messages) received so far, oldest first. */
  events(): SentryEvent[];
  /** Resolves with the first envelope (already received or future) matching `predicate`. */
  waitFor(predicate: (envelope: ParsedEnvelope) => boolean, timeoutMs?: number): Promise<ParsedEnvelope>;
  /** Resolves with the first error event matching `predicate`. */
  waitForEvent(predicate: (event: SentryEvent) => boolean, timeoutMs?: number): Promise<SentryEvent>;
  clear(): void;
  close(): Promise<void>;
}

/** The error events (`event` items) in envelopes. */
export function eventsIn(envelopes: Iterable<ParsedEnvelope>): SentryEvent[] {
  const out: SentryEvent[] = [];
  for (const envelope of envelopes) {
    for (const item of envelope.items) if (item.header.type === "event" && item.payload) out.push(item.payload as SentryEvent);
  }
  return out;
}

/** The exception messages and plain message of an event, for matching. */
export function eventMessages(event: SentryEvent): string[] {
  const out: string[] = [];
  for (const v of event.exception?.values ?? []) if (v.value) out.push(v.value);
  if (typeof event.message === "string") out.push(event.message);
  else if (event.message) out.push(event.message.formatted ?? event.message.message ?? "");
  return out;
}

const CORS_HEADERS = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "POST, GET, OPTIONS",
  "access-control-allow-headers": "content-type, content-encoding, x-sentry-auth, sentry-trace, baggage",
  "access-control-expose-headers": "x-sentry-error, x-sentry-rate-limits, retry-after",
  "access-control-max-age": "3600",
};

const ENVELOPE_PATH = /^\/api\/(\d+)\/envelope\/?$/;

function send(res: ServerResponse, status: number, body?: unknown): void {
  res.writeHead(status, { ...CORS_HEADERS, ...(body === undefined ? {} : { "content-type": "application/json" }) });
  res.end(body === undefined ? undefined : JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  switch ((req.headers["content-encoding"] ?? "").toLowerCase()) {
    case "gzip":
      return promisify(zlib.gunzip)(body);
    case "deflate":
      return promisify(zlib.inflate)(body);
    case "br":
      return promisify(zlib.brotliDecompress)(body);
    default:
      return body;
  }
}

/** `sentry_key` from the query (browsers) or the `X-Sentry-Auth` header (servers). */
function sentryKeyOf(req: IncomingMessage, url: URL): string | null {
  const fromQuery = url.searchParams.get("sentry_key");
  if (fromQuery) return fromQuery;
  const auth = req.headers["x-sentry-auth"];
  const match = typeof auth === "string" ? /sentry_key=([^,\s]+)/.exec(auth) : null;
  return match?.[1] ?? null;
}

function pick(req: IncomingMessage): ParsedEnvelope["requestHeaders"] {
  const out: ParsedEnvelope["requestHeaders"] = {};
  for (const name of ["origin", "user-agent", "content-type", "content-encoding"] as const) {
    const value = req.headers[name];
    if (typeof value === "string") out[name] = value;
  }
  return out;
}

function summary(envelope: ParsedEnvelope): string {
  const types = envelope.items.map((i) => i.header.type).join(",");
  const message = eventsIn([envelope]).flatMap(eventMessages)[0];
  return `envelope #${envelope.seq} [${types}]${message ? ` ${message.slice(0, 120)}` : ""}`;
}

export async function startSentrySink(options: SentrySinkOptions = {}): Promise<SentrySink> {
  const host = options.host ?? "127.0.0.1";
  const publicKey = options.publicKey ?? "public";
  const maxEnvelopes = options.maxEnvelopes ?? 5000;
  const log = options.log ?? (() => {});
  const envelopes: ParsedEnvelope[] = [];
  const listeners = new Set<(envelope: ParsedEnvelope) => void>();
  const sockets = new Set<Socket>();
  let seq = 0;

  async function receive(req: IncomingMessage, res: ServerResponse, url: URL, projectId: string): Promise<void> {
    const key = sentryKeyOf(req, url);
    if (key !== publicKey) {
      send(res, 401, { detail: key ? "invalid api key" : "missing authorization information" });
      return;
    }
    let body: Buffer;
    try {
      body = await readBody(req);
    } catch {
      send(res, 400, { detail: "invalid compression" });
      return;
    }
    let parsed: ReturnType<typeof parseEnvelope>;
    try {
      parsed = parseEnvelope(body);
    } catch (err) {
      send(res, 400, { detail: `invalid envelope: ${(err as Error).message}` });
      return;
    }
    const envelope: ParsedEnvelope = {
      seq: ++seq,
      receivedAt: new Date().toISOString(),
      path: req.url ?? "",
      projectId,
      sentryKey: key,
      requestHeaders: pick(req),
      header: parsed.header,
      items: parsed.items,
      raw: body.toString("utf8"),
    };
    envelopes.push(envelope);
    if (envelopes.length > maxEnvelopes) envelopes.splice(0, envelopes.length - maxEnvelopes);
    log(summary(envelope));
    for (const listener of listeners) listener(envelope);
    send(res, 200, { id: typeof parsed.header.event_id === "string" ? parsed.header.event_id : null });
  }

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://sink");
    if (req.method === "OPTIONS") return send(res, 204);
    const project = ENVELOPE_PATH.exec(url.pathname);
    if (project) {
      if (req.method !== "POST") return send(res, 405, { detail: "method not allowed" });
      receive(req, res, url, project[1]!).catch((err: unknown) => send(res, 500, { detail: String(err) }));
      return;
    }
    if (url.pathname === "/envelopes" && req.method === "DELETE") {
      envelopes.length = 0;
      return send(res, 200, { ok: true });
    }
    if (url.pathname === "/envelopes" && req.method === "GET") {
      const type = url.searchParams.get("type");
      return send(res, 200, type ? envelopes.filter((e) => e.items.some((i) => i.header.type === type)) : envelopes);
    }
    if (url.pathname === "/events" && req.method === "GET") return send(res, 200, eventsIn(envelopes));
    send(res, 404, { detail: "not found" });
  });
  server.on("connection", (socket: Socket) => {
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
  const { port } = server.address() as AddressInfo;
  const base = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;

  function waitFor(predicate: (envelope: ParsedEnvelope) => boolean, timeoutMs = 10_000): Promise<ParsedEnvelope> {
    const found = envelopes.find(predicate);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        listeners.delete(listener);
        reject(new Error(`no matching Sentry envelope within ${timeoutMs} ms (${envelopes.length} received)`));
      }, timeoutMs);
      const listener = (envelope: ParsedEnvelope) => {
        if (!predicate(envelope)) return;
        clearTimeout(timer);
        listeners.delete(listener);
        resolve(envelope);
      };
      listeners.add(listener);
    });
  }

  return {
    url: base,
    port,
    dsn: `http://${publicKey}@${base.slice("http://".length)}/1`,
    envelopes,
    events: () => eventsIn(envelopes),
    waitFor,
    async waitForEvent(predicate, timeoutMs) {
      const envelope = await waitFor((e) => eventsIn([e]).some(predicate), timeoutMs);
      return eventsIn([envelope]).find(predicate)!;
    },
    clear() {
      envelopes.length = 0;
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
