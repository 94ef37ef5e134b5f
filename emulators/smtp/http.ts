import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { CapturedMail } from "./types";

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  res.end(JSON.stringify(body));
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function indexPage(messages: CapturedMail[]): string {
  const rows = messages
    .slice()
    .reverse()
    .map(
      (m) =>
        `<tr><td>${m.id}</td><td>${escapeHtml(m.receivedAt)}</td><td>${escapeHtml(m.to.join(", "))}</td>` +
        `<td><a href="/messages/${m.id}/html">${escapeHtml(m.subject)}</a></td>` +
        `<td><a href="/messages/${m.id}/text">texto</a> · <a href="/messages/${m.id}">json</a></td></tr>`,
    )
    .join("");
  return `<!doctype html><meta charset="utf-8"><title>SMTP catcher</title>
<style>body{font-family:system-ui;margin:2rem}td,th{padding:.3rem .6rem;border-bottom:1px solid #ddd;text-align:left}</style>
<h1>SMTP catcher: ${messages.length} message(s)</h1>
<table><tr><th>#</th><th>received</th><th>to</th><th>subject</th><th></th></tr>${rows}</table>`;
}

/**
 * Read-only view of caught mail for people and e2e tests:
 * `GET /messages[?to=addr]`, `GET /messages/:id`, `/messages/:id/html`, `/messages/:id/text`,
 * `DELETE /messages`, and an HTML list at `/`.
 */
export async function startCatcherHttp(
  store: { messages: CapturedMail[] },
  port: number,
  host: string,
): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://catcher");
    const parts = url.pathname.split("/").filter(Boolean);
    if (req.method === "GET" && parts.length === 0) {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(indexPage(store.messages));
      return;
    }
    if (parts[0] !== "messages") return json(res, 404, { error: "not found" });
    if (req.method === "DELETE" && parts.length === 1) {
      store.messages.length = 0;
      return json(res, 200, { ok: true });
    }
    if (req.method !== "GET") return json(res, 405, { error: "method not allowed" });
    if (parts.length === 1) {
      const to = url.searchParams.get("to")?.toLowerCase();
      const list = to ? store.messages.filter((m) => m.to.some((a) => a.toLowerCase() === to)) : store.messages;
      return json(res, 200, list);
    }
    const mail = store.messages.find((m) => m.id === parts[1]);
    if (!mail) return json(res, 404, { error: "no such message" });
    if (parts[2] === "html") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(mail.html ?? "<p>(no HTML part)</p>");
      return;
    }
    if (parts[2] === "text") {
      res.writeHead(200, { "content-type": "text/plain; charset=utf-8" });
      res.end(mail.text ?? "(no text part)");
      return;
    }
    return json(res, 200, mail);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://${host}:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
