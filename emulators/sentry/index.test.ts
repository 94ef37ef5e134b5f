import { gzipSync } from "node:zlib";
import * as Sentry from "@sentry/nextjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventMessages, type ParsedEnvelope, parseEnvelope, type SentrySink, serializeEnvelope, startSentrySink } from "./index";

describe("Sentry sink", () => {
  let sink: SentrySink;

  beforeAll(async () => {
    sink = await startSentrySink();
    // A real SDK client (the server side of @sentry/nextjs) sending through its own transport.
    Sentry.init({ dsn: sink.dsn, environment: "sink-test", defaultIntegrations: false, tracesSampleRate: 0 });
  });
  afterAll(async () => {
    await Sentry.close(2000);
    await sink.close();
  });

  it("receives an error event sent by the Sentry SDK, with its DSN key and environment", async () => {
    expect(sink.dsn).toBe(`http://public@127.0.0.1:${sink.port}/1`);
    Sentry.captureException(new Error("sink test: real SDK error"));
    await Sentry.flush(5000);
    const event = await sink.waitForEvent((e) => eventMessages(e).includes("sink test: real SDK error"), 5000);
    expect(event.environment).toBe("sink-test");
    expect(event.exception?.values?.[0]?.type).toBe("Error");
    const envelope = sink.envelopes.find((e) => e.raw.includes("sink test: real SDK error"))!;
    expect(envelope.projectId).toBe("1");
    expect(envelope.sentryKey).toBe("public");
    expect(envelope.header.event_id).toBe(event.event_id);
  });

  it("decompresses the gzip bodies the Node transport sends above 32 KB", async () => {
    Sentry.captureMessage("sink test: big event", { extra: { blob: "x".repeat(40_000) } });
    await Sentry.flush(5000);
    const envelope = await sink.waitFor((e) => e.raw.includes("sink test: big event"), 5000);
    expect(envelope.requestHeaders["content-encoding"]).toBe("gzip");
    expect(sink.events().some((e) => eventMessages(e).includes("sink test: big event"))).toBe(true);
  });

  it("answers browsers like sentry.io: CORS preflight, Access-Control-Allow-Origin, key in the query", async () => {
    const preflight = await fetch(`${sink.url}/api/1/envelope/?sentry_key=public`, {
      method: "OPTIONS",
      headers: { origin: "http://127.0.0.1:3100", "access-control-request-method": "POST", "access-control-request-headers": "content-type" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
    expect(preflight.headers.get("access-control-allow-headers")).toContain("content-type");

    const body = serializeEnvelope({ event_id: "a".repeat(32), sent_at: new Date().toISOString() }, [
      { type: "event", payload: { event_id: "a".repeat(32), exception: { values: [{ type: "TypeError", value: "from a browser" }] } } },
    ]);
    const res = await fetch(`${sink.url}/api/1/envelope/?sentry_key=public&sentry_version=7&sentry_client=sentry.javascript.nextjs%2F11.5.0`, {
      method: "POST",
      headers: { origin: "http://127.0.0.1:3100", "content-type": "text/plain;charset=UTF-8" },
      body,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(await res.json()).toEqual({ id: "a".repeat(32) });

    // Other processes (Playwright specs) read the same through the JSON view.
    const listed = (await (await fetch(`${sink.url}/envelopes?type=event`)).json()) as ParsedEnvelope[];
    const mine = listed.find((e) => e.header.event_id === "a".repeat(32))!;
    expect(mine.requestHeaders.origin).toBe("http://127.0.0.1:3100");
    expect(mine.items[0]!.payload).toMatchObject({ exception: { values: [{ value: "from a browser" }] } });
  });

  it("refuses another public key and malformed envelopes", async () => {
    const wrongKey = await fetch(`${sink.url}/api/1/envelope/?sentry_key=other`, { method: "POST", body: "{}\n" });
    expect(wrongKey.status).toBe(401);
    const noKey = await fetch(`${sink.url}/api/1/envelope/`, { method: "POST", body: "{}\n" });
    expect(noKey.status).toBe(401);
    const bad = await fetch(`${sink.url}/api/1/envelope/`, {
      method: "POST",
      headers: { "x-sentry-auth": "Sentry sentry_version=7, sentry_key=public", "content-encoding": "gzip" },
      body: gzipSync("not json\n"),
    });
    expect(bad.status).toBe(400);
  });

  it("parses items with an explicit byte length (attachments) and without one", () => {
    const attachment = "línea 1\nlínea 2"; // multi-byte characters and an embedded newline
    const raw = [
      JSON.stringify({ event_id: "b".repeat(32) }),
      JSON.stringify({ type: "attachment", length: Buffer.byteLength(attachment), filename: "log.txt" }),
      attachment,
      JSON.stringify({ type: "event" }),
      JSON.stringify({ message: "after the attachment" }),
      "",
    ].join("\n");
    const envelope = parseEnvelope(raw);
    expect(envelope.items.map((i) => i.header.type)).toEqual(["attachment", "event"]);
    expect(envelope.items[0]!.text).toBe(attachment);
    expect(envelope.items[0]!.payload).toBeNull();
    expect(envelope.items[1]!.payload).toEqual({ message: "after the attachment" });
  });

  it("waitFor times out with a useful message", async () => {
    await expect(sink.waitFor(() => false, 50)).rejects.toThrow(/no matching Sentry envelope within 50 ms/);
  });
});
