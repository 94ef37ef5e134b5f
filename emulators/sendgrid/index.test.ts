import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SendGridEmulator, SIGNATURE_HEADER, startSendGridEmulator, TIMESTAMP_HEADER } from "./index";

const valid = {
  personalizations: [{ to: [{ email: "a@example.com" }] }],
  from: { email: "loja@onlywave.com.br" },
  subject: "Oi",
  content: [
    { type: "text/plain", value: "oi" },
    { type: "text/html", value: "<p>oi</p>" },
  ],
};

describe("SendGrid emulator (raw HTTP)", () => {
  let emulator: SendGridEmulator;
  const post = (body: unknown, auth = `Bearer ${emulator.apiKey}`) =>
    fetch(`${emulator.url}/v3/mail/send`, {
      method: "POST",
      headers: { authorization: auth, "content-type": "application/json" },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });

  beforeAll(async () => {
    emulator = await startSendGridEmulator();
  });
  afterAll(async () => {
    await emulator.close();
  });

  it("answers 202 with an empty body and X-Message-Id", async () => {
    const res = await post(valid);
    expect(res.status).toBe(202);
    expect(await res.text()).toBe("");
    expect(res.headers.get("x-message-id")).toBe(emulator.requests.at(-1)?.messageId);
  });

  it("answers 401 in SendGrid's error shape for a wrong key", async () => {
    const res = await post(valid, "Bearer SG.nope");
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({
      errors: [{ message: "The provided authorization grant is invalid, expired, or revoked", field: null, help: null }],
    });
  });

  it("validates like SendGrid: 400 with field-level errors", async () => {
    const res = await post({ personalizations: [{ to: [{ email: "bad" }] }], content: [{ type: "text/html", value: "x" }, { type: "text/plain", value: "y" }] });
    expect(res.status).toBe(400);
    const { errors } = (await res.json()) as { errors: Array<{ field: string | null; message: string }> };
    expect(errors.map((e) => e.field)).toEqual(["personalizations.0.to.0.email", "from.email", "subject", "content"]);
    expect(errors[0]?.message).toBe("Does not contain a valid address.");

    expect((await post("{not json")).status).toBe(400);
    expect((await post({ ...valid, personalizations: [] })).status).toBe(400);
    expect((await post({ ...valid, custom_args: { n: 1 } })).status).toBe(400);
  });

  it("sandbox mode answers 200 without a message id", async () => {
    const res = await post({ ...valid, mail_settings: { sandbox_mode: { enable: true } } });
    expect(res.status).toBe(200);
    expect(res.headers.get("x-message-id")).toBeNull();
  });

  it("failNext injects N failures, then recovers", async () => {
    emulator.failNext(2, 429);
    expect((await post(valid)).status).toBe(429);
    const second = await post(valid);
    expect(second.status).toBe(429);
    expect(await second.json()).toEqual({ errors: [{ message: "too many requests", field: null, help: null }] });
    expect((await post(valid)).status).toBe(202);
  });

  it("exposes control endpoints for other processes", async () => {
    const key = (await (await fetch(`${emulator.url}/__emulator/public-key`)).json()) as { publicKey: string };
    expect(key.publicKey).toBe(emulator.publicKey);
    await fetch(`${emulator.url}/__emulator/fail`, { method: "POST", body: JSON.stringify({ count: 1, status: 503 }) });
    expect((await post(valid)).status).toBe(503);
    const list = (await (await fetch(`${emulator.url}/__emulator/requests`)).json()) as unknown[];
    expect(list.length).toBe(emulator.requests.length);
  });

  it("can reuse a persisted signing key", async () => {
    const again = await startSendGridEmulator({ signingKeyPem: emulator.privateKeyPem });
    expect(again.publicKey).toBe(emulator.publicKey);
    await again.close();
  });
});

describe("SendGrid emulator autoEvents", () => {
  let webhook: Server;
  let webhookUrl: string;
  const bodies: Array<{ body: string; signature: string | undefined; timestamp: string | undefined }> = [];

  beforeAll(async () => {
    webhook = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      bodies.push({
        body: Buffer.concat(chunks).toString("utf8"),
        signature: req.headers[SIGNATURE_HEADER.toLowerCase()] as string | undefined,
        timestamp: req.headers[TIMESTAMP_HEADER.toLowerCase()] as string | undefined,
      });
      res.writeHead(204).end();
    });
    await new Promise<void>((resolve) => webhook.listen(0, "127.0.0.1", resolve));
    webhookUrl = `http://127.0.0.1:${(webhook.address() as AddressInfo).port}/hook`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => webhook.close(() => resolve()));
  });

  it("posts processed + delivered/bounce after an accepted send", async () => {
    const emulator = await startSendGridEmulator({ autoEvents: { webhookUrl, delayMs: 10 } });
    try {
      await fetch(`${emulator.url}/v3/mail/send`, {
        method: "POST",
        headers: { authorization: `Bearer ${emulator.apiKey}`, "content-type": "application/json" },
        body: JSON.stringify({
          ...valid,
          personalizations: [{ to: [{ email: "ok@example.com" }, { email: "ghost@bounce.test" }] }],
          custom_args: { outbox_id: "5" },
        }),
      });
      for (let i = 0; i < 100 && bodies.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect(bodies).toHaveLength(1);
      const events = JSON.parse(bodies[0]!.body) as Array<Record<string, string>>;
      expect(events.map((e) => `${e.event}:${e.email}`)).toEqual([
        "processed:ok@example.com",
        "processed:ghost@bounce.test",
        "delivered:ok@example.com",
        "bounce:ghost@bounce.test",
      ]);
      expect(events.every((e) => e.outbox_id === "5")).toBe(true);
      expect(bodies[0]?.signature).toBeTruthy();
      expect(bodies[0]?.timestamp).toMatch(/^\d+$/);
    } finally {
      await emulator.close();
    }
  });
});
