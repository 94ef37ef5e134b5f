import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type EmulatedEvent, type SendGridEmulator, startSendGridEmulator } from "@/emulators/sendgrid";
import { createWebhookSigner } from "@/emulators/sendgrid/signing";
import { getDb, schema } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/outbox/enqueue";
import { processOutbox } from "@/lib/email/outbox/process-outbox";
import { outboxEvents, outboxRow, serveHandler, setEmailEnv } from "@/lib/email/outbox/testing";
import { SENDGRID_SIGNATURE_HEADER, SENDGRID_TIMESTAMP_HEADER } from "@/lib/email/sendgrid-webhook";
import { POST } from "./route";

const address = (tag: string) => `${tag}-${randomUUID().slice(0, 8)}@example.com`;

async function suppression(email: string) {
  const db = await getDb();
  const [row] = await db.select().from(schema.emailSuppressions).where(eq(schema.emailSuppressions.email, email));
  return row;
}

describe("POST /api/webhooks/sendgrid (signed Event Webhook)", () => {
  let sendgrid: SendGridEmulator;
  let impostor: SendGridEmulator;
  let webhook: { url: string; close(): Promise<void> };

  /** Sends one email through the emulator and returns its row id and the recorded API call. */
  async function sent(to: string, category: "transactional" | "marketing" = "transactional") {
    const id = await enqueueEmail({ template: "welcome", to, props: { name: "Rafa" }, category });
    expect(await processOutbox({ ids: [id!] })).toMatchObject({ sent: 1 });
    const request = sendgrid.requests.find((r) => r.status === 202 && JSON.stringify(r.body).includes(id!));
    if (!request) throw new Error("send not recorded");
    return { id: id!, request };
  }

  /**
   * Fixed sg_event_ids, so a batch can be re-delivered byte for byte, and strictly increasing
   * timestamps after the send (SendGrid's are whole seconds), so timelines sort as they happened.
   */
  let clock = 0;
  const withIds = (events: EmulatedEvent[]) => {
    clock = Math.max(clock, Math.floor(Date.now() / 1000) + 1);
    return events.map((e) => ({ ...e, sg_event_id: randomUUID(), timestamp: clock++ }));
  };

  beforeAll(async () => {
    sendgrid = await startSendGridEmulator();
    impostor = await startSendGridEmulator();
    webhook = await serveHandler(POST);
  });
  beforeEach(async () => {
    await setEmailEnv({
      EMAIL_PROVIDER: "sendgrid",
      SENDGRID_API_KEY: sendgrid.apiKey,
      SENDGRID_API_URL: sendgrid.url,
      SENDGRID_WEBHOOK_PUBLIC_KEY: sendgrid.publicKey,
    });
  });
  afterAll(async () => {
    await setEmailEnv({});
    await webhook.close();
    await sendgrid.close();
    await impostor.close();
  });

  it("a correctly signed batch updates statuses, timelines and suppressions; a re-delivery changes nothing", async () => {
    const a = await sent(address("clicker"));
    const bTo = address("bouncer");
    const b = await sent(bTo, "marketing");
    const cTo = address("spam");
    const c = await sent(cTo);
    const batch = withIds([
      ...sendgrid.eventsFor(a.request, "processed"),
      ...sendgrid.eventsFor(a.request, "delivered", { response: "250 OK" }),
      ...sendgrid.eventsFor(a.request, "open"),
      ...sendgrid.eventsFor(a.request, "click", { url: "https://onlywave.com.br" }),
      ...sendgrid.eventsFor(b.request, "processed"),
      ...sendgrid.eventsFor(b.request, "bounce", { type: "bounce", status: "5.1.1", reason: "no such user" }),
      ...sendgrid.eventsFor(c.request, "delivered"),
      ...sendgrid.eventsFor(c.request, "spamreport"),
    ]);

    const res = await sendgrid.sendEvents(webhook.url, batch);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.responseBody)).toEqual({ applied: 8, duplicates: 0, unmatched: 0, invalid: 0 });

    expect((await outboxRow(a.id)).status).toBe("clicked");
    expect((await outboxRow(b.id)).status).toBe("bounced");
    expect((await outboxRow(c.id)).status).toBe("delivered");
    expect((await outboxEvents(a.id)).map((e) => e.event)).toEqual(["sent", "processed", "delivered", "open", "click"]);
    expect((await suppression(bTo))?.reason).toBe("bounce");
    expect((await suppression(cTo))?.reason).toBe("spamreport");
    expect(await suppression((await outboxRow(a.id)).to)).toBeUndefined();

    const again = await sendgrid.sendEvents(webhook.url, batch);
    expect(again.status).toBe(200);
    expect(JSON.parse(again.responseBody)).toMatchObject({ applied: 0, duplicates: 8 });
    expect(await outboxEvents(a.id)).toHaveLength(5);

    // The bounced address gets no more marketing mail, but transactional mail still goes.
    const marketing = await enqueueEmail({ template: "welcome", to: bTo, props: { name: "Rafa" }, category: "marketing" });
    const receipt = await enqueueEmail({ template: "welcome", to: bTo, props: { name: "Rafa" } });
    expect(await processOutbox({ ids: [marketing!, receipt!] })).toMatchObject({ suppressed: 1, sent: 1 });
    expect((await outboxRow(marketing!)).status).toBe("suppressed");
    expect((await outboxRow(receipt!)).status).toBe("sent");
  });

  it("moves a status forward only, and matches by message id when the custom arg is missing", async () => {
    const a = await sent(address("order"));
    const click = withIds(sendgrid.eventsFor(a.request, "click"));
    expect((await sendgrid.sendEvents(webhook.url, click)).status).toBe(200);
    const late = withIds(sendgrid.eventsFor(a.request, "delivered")).map((e) => {
      const { email_id: _dropped, ...rest } = e as EmulatedEvent;
      return rest as EmulatedEvent;
    });
    const res = await sendgrid.sendEvents(webhook.url, late);
    expect(JSON.parse(res.responseBody)).toMatchObject({ applied: 1, unmatched: 0 });
    expect((await outboxRow(a.id)).status).toBe("clicked");
    expect((await outboxEvents(a.id)).map((e) => e.event)).toEqual(["sent", "click", "delivered"]);

    const stranger = await sendgrid.sendEvents(webhook.url, [{ event: "delivered", email: "x@example.com", sg_message_id: "nope.filter" }]);
    expect(JSON.parse(stranger.responseBody)).toMatchObject({ applied: 0, unmatched: 1 });
  });

  it("rejects forged, tampered, stale and unsigned batches with 401 and changes nothing", async () => {
    const a = await sent(address("forged"));
    const events = withIds([...sendgrid.eventsFor(a.request, "delivered"), ...sendgrid.eventsFor(a.request, "bounce", { type: "bounce" })]);
    const before = await outboxEvents(a.id);

    const forged = await impostor.sendEvents(webhook.url, events);
    expect(forged.status).toBe(401);
    expect(JSON.parse(forged.responseBody).error.code).toBe("invalid_signature");

    const stale = await sendgrid.sendEvents(webhook.url, events, { timestamp: Math.floor(Date.now() / 1000) - 600 });
    expect(stale.status).toBe(401);

    const genuine = await sendgrid.sendEvents(`${webhook.url}?dry`, []);
    const tampered = await fetch(webhook.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        [SENDGRID_SIGNATURE_HEADER]: genuine.signature,
        [SENDGRID_TIMESTAMP_HEADER]: genuine.timestamp,
      },
      body: JSON.stringify(events),
    });
    expect(tampered.status).toBe(401);

    const unsigned = await fetch(webhook.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(events) });
    expect(unsigned.status).toBe(401);

    expect(await outboxEvents(a.id)).toHaveLength(before.length);
    expect((await outboxRow(a.id)).status).toBe("sent");
    expect(await suppression((await outboxRow(a.id)).to)).toBeUndefined();
  });

  it("answers 400 to a correctly signed body that is not an event array", async () => {
    const rawBody = '{"event":"delivered"}';
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signature = createWebhookSigner(sendgrid.privateKeyPem).sign(timestamp, rawBody);
    const res = await fetch(webhook.url, {
      method: "POST",
      headers: { [SENDGRID_SIGNATURE_HEADER]: signature, [SENDGRID_TIMESTAMP_HEADER]: timestamp },
      body: rawBody,
    });
    expect(res.status).toBe(400);
  });

  it("answers 503 while no verification key is configured", async () => {
    await setEmailEnv({ EMAIL_PROVIDER: "sendgrid", SENDGRID_API_KEY: sendgrid.apiKey, SENDGRID_API_URL: sendgrid.url });
    const res = await sendgrid.sendEvents(webhook.url, []);
    expect(res.status).toBe(503);
  });
});
