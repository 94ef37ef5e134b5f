import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";

/** One envelope POSTed by the Sentry SDK, split into its newline-delimited JSON items. */
export interface ReceivedEnvelope {
  path: string;
  raw: string;
  items: Record<string, unknown>[];
}

/**
 * A local stand-in for Sentry's ingest: accepts envelopes at `/api/<project>/envelope/` and keeps
 * them. The DSN to use is `http://public@127.0.0.1:<port>/1`.
 */
export async function startSentrySink() {
  const envelopes: ReceivedEnvelope[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      let body = Buffer.concat(chunks);
      if (req.headers["content-encoding"] === "gzip") body = zlib.gunzipSync(body);
      const raw = body.toString("utf8");
      const items = raw
        .split("\n")
        .filter((l) => l.trim().startsWith("{"))
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      envelopes.push({ path: req.url ?? "", raw, items });
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    dsn: `http://public@127.0.0.1:${port}/1`,
    envelopes,
    /** Error events received so far (the item after an `{"type":"event"}` header). */
    events(): Record<string, unknown>[] {
      return envelopes.flatMap((e) => e.items.filter((_, i) => (e.items[i - 1] as { type?: string })?.type === "event"));
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
