import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { resetConfig } from "@/lib/config";
import { getDb, schema } from "@/lib/db";
import { closeOutboxProviders } from "./providers";

/**
 * Helpers for the outbox's integration tests (never imported by app code): point the configuration
 * at the local stand-ins, serve a route handler over real HTTP so the SendGrid emulator can post
 * signed batches to it, and read rows back.
 */

const EMAIL_ENV = [
  "EMAIL_PROVIDER",
  "EMAIL_FALLBACK_PROVIDER",
  "SENDGRID_API_KEY",
  "SENDGRID_API_URL",
  "SENDGRID_WEBHOOK_PUBLIC_KEY",
  "SMTP_URL",
] as const;

export type EmailEnv = Partial<Record<(typeof EMAIL_ENV)[number], string>>;

/** Replaces every email variable (unset ones are removed), then reloads config and providers. */
export async function setEmailEnv(env: EmailEnv): Promise<void> {
  for (const key of EMAIL_ENV) {
    const value = env[key];
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  resetConfig();
  await closeOutboxProviders();
}

// biome-ignore lint/suspicious/noExplicitAny: route handlers type their context differently
type Handler = (req: Request, ctx: any) => Promise<Response>;

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Serves one route handler at `http://127.0.0.1:PORT/` the way Next would call it. */
export async function serveHandler(handler: Handler): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer(async (req, res) => {
    const body = await readBody(req);
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === "string") headers.set(name, value);
    }
    const request = new Request(`http://127.0.0.1${req.url ?? "/"}`, {
      method: req.method,
      headers,
      body: req.method === "GET" || req.method === "HEAD" ? undefined : new Uint8Array(body),
    });
    const response = await handler(request, { params: Promise.resolve({}) });
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export async function outboxRow(id: string) {
  const db = await getDb();
  const [row] = await db.select().from(schema.emailOutbox).where(eq(schema.emailOutbox.id, id));
  if (!row) throw new Error(`no outbox row ${id}`);
  return row;
}

export async function outboxEvents(id: string) {
  const db = await getDb();
  return db.select().from(schema.emailEvents).where(eq(schema.emailEvents.emailId, id)).orderBy(schema.emailEvents.occurredAt);
}

/** The outbox rows for one recipient, oldest first. */
export async function outboxFor(to: string) {
  const db = await getDb();
  return db.select().from(schema.emailOutbox).where(eq(schema.emailOutbox.to, to.toLowerCase())).orderBy(schema.emailOutbox.createdAt);
}
