import { EventEmitter } from "node:events";
import type { AddressInfo } from "node:net";
import { SMTPServer, type SMTPServerError } from "smtp-server";
import { startCatcherHttp } from "./http";
import { parseMime } from "./mime";
import type { CapturedMail, RecipientRule } from "./types";

export type { CapturedMail, RecipientRule } from "./types";

export interface SmtpCatcherOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** Recipients to refuse with 550. Default: anything `@rejected.test`. `null` refuses nobody. */
  rejectRecipients?: RecipientRule | null;
  /** Also serve `GET /messages` etc. on this port (0 = random). Omit for no HTTP. */
  httpPort?: number;
  /** Message size limit advertised via SIZE; default 25 MB. */
  maxMessageBytes?: number;
}

export interface SmtpCatcher {
  port: number;
  host: string;
  /** `smtp://127.0.0.1:PORT`, ready for the SMTP provider's `smtpUrl`. */
  url: string;
  /** Base URL of the JSON endpoint when `httpPort` was given. */
  httpUrl: string | null;
  /** Everything received so far, oldest first (live array). */
  messages: CapturedMail[];
  /** Resolves with the first message (already received or future) matching `predicate`. */
  waitFor(predicate: (mail: CapturedMail) => boolean, timeoutMs?: number): Promise<CapturedMail>;
  /** Calls `listener` for every new message; returns the unsubscribe function. */
  onMessage(listener: (mail: CapturedMail) => void): () => void;
  /** Read at every RCPT TO; assign to change who gets a 550. */
  rejectRecipients: RecipientRule | null;
  /** Answer the next `count` MAIL FROM commands with a transient `responseCode` (default 451). */
  failNext(count: number, responseCode?: number): void;
  clear(): void;
  close(): Promise<void>;
}

const DEFAULT_REJECT = /@rejected\.test$/i;

function smtpError(message: string, responseCode: number): SMTPServerError {
  return Object.assign(new Error(message), { responseCode });
}

function isRejected(rule: RecipientRule | null, address: string): boolean {
  if (!rule) return false;
  if (rule instanceof RegExp) {
    rule.lastIndex = 0;
    return rule.test(address);
  }
  if (typeof rule === "function") return rule(address);
  const lower = address.toLowerCase();
  for (const entry of rule) if (entry.toLowerCase() === lower) return true;
  return false;
}

function toCaptured(id: string, sessionId: string, raw: Buffer, envelope: CapturedMail["envelope"]): CapturedMail {
  const parsed = parseMime(raw);
  const headers: Record<string, string> = {};
  for (const [name, values] of parsed.headers) headers[name] = values.join(", ");
  const normalize = (value: string | null) => (value === null ? null : value.replace(/\r\n/g, "\n"));
  return {
    id,
    receivedAt: new Date().toISOString(),
    sessionId,
    envelope,
    from: headers.from ?? envelope.from,
    to: envelope.to,
    subject: headers.subject ?? "",
    text: normalize(parsed.text),
    html: normalize(parsed.html),
    messageId: headers["message-id"] ?? null,
    headers,
    attachments: parsed.attachments,
    raw: raw.toString("utf8"),
  };
}

/**
 * A real SMTP server that keeps every message in memory — the local stand-in for
 * the SMTP relay in `npm run dev` and tests. No TLS (STARTTLS disabled), any or no
 * AUTH accepted.
 */
export async function startSmtpCatcher(options: SmtpCatcherOptions = {}): Promise<SmtpCatcher> {
  const host = options.host ?? "127.0.0.1";
  const events = new EventEmitter();
  events.setMaxListeners(0);
  let sequence = 0;
  let failures: { remaining: number; code: number } = { remaining: 0, code: 451 };

  const catcher = {
    rejectRecipients: options.rejectRecipients === undefined ? DEFAULT_REJECT : options.rejectRecipients,
    messages: [] as CapturedMail[],
  };

  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    banner: "OnlyWave SMTP catcher",
    size: options.maxMessageBytes ?? 25 * 1024 * 1024,
    // Pooled clients keep idle connections open; do not hold close() for 30 s.
    closeTimeout: 500,
    onAuth(auth, _session, callback) {
      callback(null, { user: auth.username ?? "catcher" });
    },
    onMailFrom(_address, _session, callback) {
      if (failures.remaining > 0) {
        failures.remaining--;
        callback(smtpError("Try again later (catcher failNext)", failures.code));
        return;
      }
      callback();
    },
    onRcptTo(address, _session, callback) {
      if (isRejected(catcher.rejectRecipients, address.address)) {
        callback(smtpError(`5.1.1 <${address.address}>: mailbox unavailable`, 550));
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("error", (error) => callback(error));
      stream.on("end", () => {
        if (stream.sizeExceeded) {
          callback(smtpError("Message exceeds fixed maximum message size", 552));
          return;
        }
        const id = String(++sequence);
        const envelope = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
        };
        const mail = toCaptured(id, session.id, Buffer.concat(chunks), envelope);
        catcher.messages.push(mail);
        events.emit("message", mail);
        callback(null, `Queued as CATCHER-${id}`);
      });
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  server.on("error", () => {
    // Client-side socket errors are reported here; a catcher must not crash on them.
  });
  const port = (server.server.address() as AddressInfo).port;

  const waitFor: SmtpCatcher["waitFor"] = (predicate, timeoutMs = 5_000) =>
    new Promise((resolve, reject) => {
      const existing = catcher.messages.find(predicate);
      if (existing) {
        resolve(existing);
        return;
      }
      const onMessage = (mail: CapturedMail) => {
        if (!predicate(mail)) return;
        clearTimeout(timer);
        events.off("message", onMessage);
        resolve(mail);
      };
      const timer = setTimeout(() => {
        events.off("message", onMessage);
        reject(new Error(`No matching mail within ${timeoutMs} ms (${catcher.messages.length} received)`));
      }, timeoutMs);
      events.on("message", onMessage);
    });

  const http =
    options.httpPort === undefined ? null : await startCatcherHttp(catcher, options.httpPort, host);

  const handle: SmtpCatcher = {
    port,
    host,
    url: `smtp://${host}:${port}`,
    httpUrl: http?.url ?? null,
    messages: catcher.messages,
    waitFor,
    onMessage(listener) {
      events.on("message", listener);
      return () => events.off("message", listener);
    },
    get rejectRecipients() {
      return catcher.rejectRecipients;
    },
    set rejectRecipients(rule: RecipientRule | null) {
      catcher.rejectRecipients = rule;
    },
    failNext(count, responseCode = 451) {
      failures = { remaining: count, code: responseCode };
    },
    clear() {
      catcher.messages.length = 0;
    },
    async close() {
      await http?.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return handle;
}
