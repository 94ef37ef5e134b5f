import { generateKeyPairSync, type KeyObject, sign } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSendGridEmulator } from "../../emulators/sendgrid";
import { createSendGridProvider } from "./providers/sendgrid";
import {
  parseSendGridEvents,
  parseSendGridPublicKey,
  SENDGRID_SIGNATURE_HEADER,
  SENDGRID_TIMESTAMP_HEADER,
  verifySendGridSignature,
} from "./sendgrid-webhook";

/** Independent test vectors: our own key pair, signed with plain node:crypto. */
function makeKeyPair(): { privateKey: KeyObject; publicKeyB64: string; publicKeyPem: string } {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
  return {
    privateKey,
    publicKeyB64: publicKey.export({ type: "spki", format: "der" }).toString("base64"),
    publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
  };
}

function signBatch(privateKey: KeyObject, timestamp: string, rawBody: string): string {
  return sign("sha256", Buffer.from(timestamp + rawBody), privateKey).toString("base64");
}

const NOW = 1_760_000_000;
const rawBody = `${JSON.stringify([
  {
    email: "surfista@example.com",
    timestamp: NOW - 5,
    event: "delivered",
    sg_event_id: "ZGVsaXZlcmVkLTA",
    sg_message_id: "abc123XYZ.filterdrecv-1-0",
    "smtp-id": "<abc123XYZ@ismtpd0001p1.sendgrid.net>",
    response: "250 OK",
    outbox_id: "42",
  },
])}\r\n`;

describe("verifySendGridSignature", () => {
  const keys = makeKeyPair();
  const timestamp = String(NOW);
  const signature = signBatch(keys.privateKey, timestamp, rawBody);
  const base = { publicKey: keys.publicKeyB64, signature, timestamp, rawBody, now: NOW * 1000 };

  it("accepts a correctly signed batch (dashboard base64 key)", () => {
    expect(verifySendGridSignature(base)).toEqual({ ok: true, timestamp: NOW });
  });

  it("accepts signatures of every DER length (r/s with and without a leading zero byte)", () => {
    const lengths = new Set<number>();
    for (let i = 0; i < 300; i++) {
      const body = `${rawBody}${i}`;
      const sig = signBatch(keys.privateKey, timestamp, body);
      lengths.add(Buffer.from(sig, "base64").length);
      expect(verifySendGridSignature({ ...base, rawBody: body, signature: sig }).ok).toBe(true);
    }
    expect(lengths.size).toBeGreaterThan(1);
  });

  it("accepts the key with PEM armour, a parsed KeyObject and a Buffer body", () => {
    expect(verifySendGridSignature({ ...base, publicKey: keys.publicKeyPem }).ok).toBe(true);
    expect(verifySendGridSignature({ ...base, publicKey: parseSendGridPublicKey(keys.publicKeyB64) }).ok).toBe(true);
    expect(verifySendGridSignature({ ...base, rawBody: Buffer.from(rawBody) }).ok).toBe(true);
  });

  it("rejects a tampered body as mismatch", () => {
    const tampered = rawBody.replace('"delivered"', '"bounce"');
    expect(verifySendGridSignature({ ...base, rawBody: tampered })).toMatchObject({ ok: false, reason: "mismatch" });
  });

  it("rejects a re-serialised body (no trailing CRLF) as mismatch", () => {
    const reserialised = JSON.stringify(JSON.parse(rawBody));
    expect(verifySendGridSignature({ ...base, rawBody: reserialised })).toMatchObject({ ok: false, reason: "mismatch" });
  });

  it("rejects a signature from another key (forgery) as mismatch", () => {
    const attacker = makeKeyPair();
    const forged = signBatch(attacker.privateKey, timestamp, rawBody);
    expect(verifySendGridSignature({ ...base, signature: forged })).toMatchObject({ ok: false, reason: "mismatch" });
  });

  it("rejects a swapped timestamp header as mismatch", () => {
    expect(verifySendGridSignature({ ...base, timestamp: String(NOW + 1), now: (NOW + 1) * 1000 })).toMatchObject({
      ok: false,
      reason: "mismatch",
    });
  });

  it("rejects a genuine but old batch as stale (replay), and one from the future", () => {
    const old = String(NOW - 301);
    const oldSig = signBatch(keys.privateKey, old, rawBody);
    expect(verifySendGridSignature({ ...base, timestamp: old, signature: oldSig })).toMatchObject({
      ok: false,
      reason: "stale",
    });
    expect(verifySendGridSignature({ ...base, timestamp: old, signature: oldSig, toleranceSeconds: 600 }).ok).toBe(true);

    const future = String(NOW + 301);
    const futureSig = signBatch(keys.privateKey, future, rawBody);
    expect(verifySendGridSignature({ ...base, timestamp: future, signature: futureSig })).toMatchObject({
      ok: false,
      reason: "stale",
    });
  });

  it("reports missing headers", () => {
    expect(verifySendGridSignature({ ...base, signature: null })).toMatchObject({ ok: false, reason: "missing" });
    expect(verifySendGridSignature({ ...base, timestamp: "" })).toMatchObject({ ok: false, reason: "missing" });
  });

  it("reports malformed headers", () => {
    expect(verifySendGridSignature({ ...base, timestamp: "yesterday" })).toMatchObject({ ok: false, reason: "malformed" });
    expect(verifySendGridSignature({ ...base, signature: "not base64!" })).toMatchObject({ ok: false, reason: "malformed" });
    const notDer = Buffer.from("definitely not a DER signature").toString("base64");
    expect(verifySendGridSignature({ ...base, signature: notDer })).toMatchObject({ ok: false, reason: "malformed" });
  });

  it("throws on a key that is not P-256 (configuration error, not a bad request)", () => {
    const rsa = generateKeyPairSync("rsa", { modulusLength: 2048 }).publicKey;
    const rsaB64 = rsa.export({ type: "spki", format: "der" }).toString("base64");
    expect(() => verifySendGridSignature({ ...base, publicKey: rsaB64 })).toThrow(/P-256/);
    expect(() => verifySendGridSignature({ ...base, publicKey: "" })).toThrow();
  });

  it("verifies SendGrid's own published vector (from @sendgrid/eventwebhook's spec)", () => {
    const sendgridBody = `${JSON.stringify([
      {
        email: "hello@world.com",
        event: "dropped",
        reason: "Bounced Address",
        sg_event_id: "ZHJvcC0xMDk5NDkxOS1MUnpYbF9OSFN0T0doUTRrb2ZTbV9BLTA",
        sg_message_id: "LRzXl_NHStOGhQ4kofSm_A.filterdrecv-p3mdw1-756b745b58-kmzbl-18-5F5FC76C-9.0",
        "smtp-id": "<LRzXl_NHStOGhQ4kofSm_A@ismtpd0039p1iad1.sendgrid.net>",
        timestamp: 1600112492,
      },
    ])}\r\n`;
    const vector = {
      publicKey:
        "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE83T4O/n84iotIvIW4mdBgQ/7dAfSmpqIM8kF9mN1flpVKS3GRqe62gw+2fNNRaINXvVpiglSI8eNEc6wEA3F+g==",
      signature: "MEUCIGHQVtGj+Y3LkG9fLcxf3qfI10QysgDWmMOVmxG0u6ZUAiEAyBiXDWzM+uOe5W0JuG+luQAbPIqHh89M15TluLtEZtM=",
      timestamp: "1600112502",
      rawBody: sendgridBody,
      now: 1600112502 * 1000,
    };
    expect(verifySendGridSignature(vector).ok).toBe(true);
    expect(verifySendGridSignature({ ...vector, now: undefined })).toMatchObject({ ok: false, reason: "stale" });
    const batch = parseSendGridEvents(sendgridBody);
    expect(batch.events[0]).toMatchObject({
      event: "dropped",
      reason: "Bounced Address",
      providerMessageId: "LRzXl_NHStOGhQ4kofSm_A",
      customArgs: {},
    });
  });
});

describe("parseSendGridEvents", () => {
  it("types events and lifts custom args out of the top level", () => {
    const batch = parseSendGridEvents(rawBody);
    expect(batch.invalid).toEqual([]);
    expect(batch.events).toHaveLength(1);
    expect(batch.events[0]).toMatchObject({
      event: "delivered",
      email: "surfista@example.com",
      timestamp: NOW - 5,
      sg_event_id: "ZGVsaXZlcmVkLTA",
      sg_message_id: "abc123XYZ.filterdrecv-1-0",
      providerMessageId: "abc123XYZ",
      smtpId: "<abc123XYZ@ismtpd0001p1.sendgrid.net>",
      response: "250 OK",
      customArgs: { outbox_id: "42" },
      categories: [],
    });
  });

  it("handles bounces without sg_message_id, categories and unknown event types", () => {
    const body = JSON.stringify([
      { email: "x@y.z", timestamp: 1, event: "bounce", type: "blocked", reason: "550 no", status: "5.1.1", sg_event_id: "a", category: "order" },
      { email: "x@y.z", timestamp: 2, event: "deferred", attempt: "3", sg_event_id: "b", category: ["a", "b"] },
      { email: "x@y.z", timestamp: 3, event: "brand_new_event", sg_event_id: "c" },
    ]);
    const { events, invalid } = parseSendGridEvents(body);
    expect(invalid).toEqual([]);
    expect(events[0]).toMatchObject({ type: "blocked", providerMessageId: null, categories: ["order"] });
    expect(events[1]).toMatchObject({ attempt: "3", categories: ["a", "b"] });
    expect(events[2]?.event).toBe("brand_new_event");
  });

  it("reports invalid entries without dropping the valid ones", () => {
    const body = JSON.stringify([{ event: "open" }, { email: "a@b.c", timestamp: 1, event: "open", sg_event_id: "x" }]);
    const { events, invalid } = parseSendGridEvents(body);
    expect(events).toHaveLength(1);
    expect(invalid).toHaveLength(1);
    expect(invalid[0]?.index).toBe(0);
  });

  it("throws when the body is not a JSON array", () => {
    expect(() => parseSendGridEvents("{}")).toThrow(/array/);
    expect(() => parseSendGridEvents("nope")).toThrow(/JSON/);
  });
});

describe("emulator → webhook round trip", () => {
  let receiver: Server;
  let receiverUrl: string;
  const received: Array<{ headers: IncomingMessage["headers"]; body: string }> = [];

  beforeAll(async () => {
    receiver = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(200).end();
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/webhooks/sendgrid`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  });

  it("signs batches that verify with its published key and link back to the send", async () => {
    const emulator = await startSendGridEmulator();
    try {
      const provider = createSendGridProvider({ apiKey: emulator.apiKey, apiUrl: emulator.url });
      const sent = await provider.send({
        to: ["a@example.com", "b@example.com"],
        from: "loja@onlywave.com.br",
        subject: "Oi",
        text: "oi",
        html: "<p>oi</p>",
        customArgs: { outbox_id: "99" },
      });
      const request = emulator.requests[0]!;
      const result = await emulator.sendEvents(receiverUrl, emulator.eventsFor(request, "delivered"));
      expect(result.status).toBe(200);

      const hit = received.at(-1)!;
      const verdict = verifySendGridSignature({
        publicKey: emulator.publicKey,
        signature: hit.headers[SENDGRID_SIGNATURE_HEADER.toLowerCase()] as string,
        timestamp: hit.headers[SENDGRID_TIMESTAMP_HEADER.toLowerCase()] as string,
        rawBody: hit.body,
      });
      expect(verdict.ok).toBe(true);
      expect(hit.body.endsWith("}]\r\n")).toBe(true);

      const { events } = parseSendGridEvents(hit.body);
      expect(events.map((e) => e.email)).toEqual(["a@example.com", "b@example.com"]);
      for (const event of events) {
        expect(event.providerMessageId).toBe(sent.providerMessageId);
        expect(event.customArgs).toEqual({ outbox_id: "99" });
      }
      expect(new Set(events.map((e) => e.sg_event_id)).size).toBe(2);

      // The emulator's key is the same thing plain node:crypto would produce.
      expect(emulator.publicKey.startsWith("MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE")).toBe(true);
    } finally {
      await emulator.close();
    }
  });
});
