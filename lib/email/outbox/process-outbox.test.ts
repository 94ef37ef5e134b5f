import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type SendGridEmulator, startSendGridEmulator } from "@/emulators/sendgrid";
import { type SmtpCatcher, startSmtpCatcher } from "@/emulators/smtp";
import { getDb, schema } from "@/lib/db";
import { EmailSendError, type EmailMessage } from "@/lib/email/providers";
import { claimEmails } from "./claim-emails";
import { deliverEmail } from "./deliver-email";
import { enqueueEmail } from "./enqueue";
import { outboxBacklog } from "./metrics";
import { DEFAULT_BATCH_SIZE, DEFAULT_CONCURRENCY, LEASE_MS, leaseMsFor, MAX_ATTEMPTS, RETRY_DELAYS_MS, WORST_SEND_MS } from "./policy";
import { processOutbox } from "./process-outbox";
import { type OutboxProviders, outboxProviders } from "./providers";
import { outboxEvents, outboxRow, setEmailEnv } from "./testing";

const welcome = (name = "Marina") => ({ name, shopUrl: "https://onlywave.com.br" });
const address = (tag: string) => `${tag}-${randomUUID().slice(0, 8)}@example.com`;
const later = (ms: number) => new Date(Date.now() + ms);

async function enqueue(to: string, extra: { category?: "transactional" | "marketing"; props?: Record<string, unknown> } = {}) {
  const id = await enqueueEmail({ template: "welcome", to, props: extra.props ?? welcome(), category: extra.category });
  if (!id) throw new Error("not enqueued");
  return id;
}

describe("outbox worker (processOutbox) against real SMTP and SendGrid stand-ins", () => {
  let sendgrid: SendGridEmulator;
  let smtp: SmtpCatcher;

  const sendgridOnly = () =>
    setEmailEnv({ EMAIL_PROVIDER: "sendgrid", SENDGRID_API_KEY: sendgrid.apiKey, SENDGRID_API_URL: sendgrid.url });
  const sendgridThenSmtp = () =>
    setEmailEnv({
      EMAIL_PROVIDER: "sendgrid",
      EMAIL_FALLBACK_PROVIDER: "smtp",
      SENDGRID_API_KEY: sendgrid.apiKey,
      SENDGRID_API_URL: sendgrid.url,
      SMTP_URL: smtp.url,
    });
  const smtpOnly = () => setEmailEnv({ EMAIL_PROVIDER: "smtp", SMTP_URL: smtp.url });
  const mailSends = () => sendgrid.requests.filter((r) => r.path === "/v3/mail/send");
  const captured = (to: string) => smtp.messages.filter((m) => m.to.includes(to));

  beforeAll(async () => {
    sendgrid = await startSendGridEmulator();
    smtp = await startSmtpCatcher();
  });
  afterEach(() => {
    sendgrid.clear();
    sendgrid.setDown(false);
    sendgrid.failNext(0, 500);
    smtp.failNext(0);
  });
  afterAll(async () => {
    await setEmailEnv({});
    await sendgrid.close();
    await smtp.close();
  });

  it("sends through SMTP and stores the message id, the rendered email and the accepted recipient", async () => {
    await smtpOnly();
    const to = address("smtp");
    const id = await enqueue(to);
    expect(await processOutbox({ ids: [id] })).toMatchObject({ claimed: 1, sent: 1 });

    const mail = await smtp.waitFor((m) => m.to.includes(to));
    expect(mail.subject).toContain("Marina");
    // SendGrid's SMTP relay turns this header into Event Webhook custom args.
    expect(mail.headers["x-smtpapi"]).toContain(id);
    const row = await outboxRow(id);
    expect(row).toMatchObject({ status: "sent", provider: "smtp", providerMessageId: mail.messageId, attempts: 1, lastError: null });
    expect(row.html).toContain("Marina");
    expect(row.text).toContain("Marina");
    expect(row.subject).toBe(mail.subject);
    const [sent] = await outboxEvents(id);
    expect(sent).toMatchObject({ event: "sent", data: { provider: "smtp", accepted: [to], rejected: [] } });
  });

  it("SendGrid answering 500 then 202 sends once, via a retry with back-off (attempts = 2)", async () => {
    await sendgridOnly();
    sendgrid.failNext(1, 500);
    const id = await enqueue(address("retry"));
    const first = new Date();
    expect(await processOutbox({ ids: [id], now: first })).toMatchObject({ claimed: 1, retrying: 1 });

    let row = await outboxRow(id);
    expect(row).toMatchObject({ status: "queued", attempts: 1, providerMessageId: null });
    expect(row.lastError).toContain("500");
    expect(row.nextAttemptAt.getTime()).toBe(first.getTime() + RETRY_DELAYS_MS[0]);
    // Not due before the back-off has passed.
    expect(await processOutbox({ ids: [id], now: new Date(first.getTime() + RETRY_DELAYS_MS[0] - 1000) })).toMatchObject({ claimed: 0 });

    expect(await processOutbox({ ids: [id], now: new Date(first.getTime() + RETRY_DELAYS_MS[0] + 1) })).toMatchObject({ sent: 1 });
    row = await outboxRow(id);
    const sends = mailSends();
    expect(sends.map((r) => r.status)).toEqual([500, 202]);
    expect(row).toMatchObject({ status: "sent", provider: "sendgrid", attempts: 2, providerMessageId: sends[1]!.messageId, lastError: null });
    expect((sends[1]!.body as { custom_args?: Record<string, string> }).custom_args).toEqual({ email_id: id });
    expect((await outboxEvents(id)).map((e) => e.event)).toEqual(["attempt_failed", "sent"]);
  });

  it("SendGrid down sends through the SMTP fallback", async () => {
    await sendgridThenSmtp();
    sendgrid.setDown(true);
    const to = address("fallback");
    const id = await enqueue(to);
    expect(await processOutbox({ ids: [id] })).toMatchObject({ sent: 1 });
    const mail = await smtp.waitFor((m) => m.to.includes(to));
    const row = await outboxRow(id);
    expect(row).toMatchObject({ status: "sent", provider: "smtp", providerMessageId: mail.messageId, attempts: 1 });
    const [sent] = await outboxEvents(id);
    expect(sent?.data).toMatchObject({ provider: "smtp", fallbackFrom: { provider: "sendgrid", kind: "transient" } });
  });

  it("an invalid address fails permanently, without fallback and without retries", async () => {
    await sendgridThenSmtp();
    const id = await enqueue("not-an-address.example.com");
    expect(await processOutbox({ ids: [id] })).toMatchObject({ failed: 1 });
    const row = await outboxRow(id);
    expect(row).toMatchObject({ status: "failed", attempts: 1, provider: null });
    expect(row.lastError).toContain("400");
    expect(mailSends().map((r) => r.status)).toEqual([400]);
    expect(captured("not-an-address.example.com")).toHaveLength(0);
    expect(smtp.messages.some((m) => m.headers["x-smtpapi"]?.includes(id))).toBe(false);
    // Failed is final: even far in the future nothing is claimed again.
    expect(await processOutbox({ ids: [id], now: later(24 * 3600_000) })).toMatchObject({ claimed: 0 });
    expect((await outboxEvents(id)).map((e) => [e.event, (e.data as { kind?: string }).kind])).toEqual([["failed", "permanent"]]);
  });

  it("the same dedupe key enqueued 10 times concurrently is stored and sent once", async () => {
    await smtpOnly();
    const to = address("dedupe");
    const dedupeKey = `payment-approved:${randomUUID()}`;
    const ids = await Promise.all(
      Array.from({ length: 10 }, () => enqueueEmail({ template: "welcome", to, props: welcome(), dedupeKey })),
    );
    const stored = ids.filter((id): id is string => id !== null);
    expect(stored).toHaveLength(1);
    const db = await getDb();
    expect(await db.select().from(schema.emailOutbox).where(eq(schema.emailOutbox.dedupeKey, dedupeKey))).toHaveLength(1);

    // Two workers at once still send it once (the second finds the row locked or leased).
    await Promise.all([processOutbox({ ids: stored }), processOutbox({ ids: stored })]);
    await smtp.waitFor((m) => m.to.includes(to));
    await new Promise((r) => setTimeout(r, 200));
    expect(captured(to)).toHaveLength(1);
    expect(await enqueueEmail({ template: "welcome", to, props: welcome(), dedupeKey })).toBeNull();
    await processOutbox({ ids: stored, now: later(24 * 3600_000) });
    expect(captured(to)).toHaveLength(1);
  });

  it(`gives up after ${MAX_ATTEMPTS} transient failures and marks the email failed`, async () => {
    await sendgridOnly();
    sendgrid.failNext(MAX_ATTEMPTS + 5, 503);
    const id = await enqueue(address("gives-up"));
    let now = new Date();
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const result = await processOutbox({ ids: [id], now });
      expect(result.claimed).toBe(1);
      const row = await outboxRow(id);
      expect(row.attempts).toBe(attempt);
      now = new Date(row.nextAttemptAt.getTime() + 1);
    }
    const row = await outboxRow(id);
    expect(row.status).toBe("failed");
    expect(row.lastError).toContain("503");
    expect(mailSends()).toHaveLength(MAX_ATTEMPTS);
    expect(await processOutbox({ ids: [id], now: later(7 * 24 * 3600_000) })).toMatchObject({ claimed: 0 });
  });

  it("a lease left by a crashed worker is reclaimed once it expires", async () => {
    await smtpOnly();
    const to = address("lease");
    const id = await enqueue(to);
    const crashedAt = new Date();
    // A worker claims the row and dies before sending.
    expect(await claimEmails({ limit: 5, now: crashedAt, ids: [id] })).toHaveLength(1);
    expect(await outboxRow(id)).toMatchObject({ status: "sending", attempts: 1 });

    expect(await processOutbox({ ids: [id], now: new Date(crashedAt.getTime() + LEASE_MS - 1000) })).toMatchObject({ claimed: 0 });
    expect(captured(to)).toHaveLength(0);

    expect(await processOutbox({ ids: [id], now: new Date(crashedAt.getTime() + LEASE_MS + 1) })).toMatchObject({ sent: 1 });
    expect(await outboxRow(id)).toMatchObject({ status: "sent", attempts: 2 });
    expect(captured(to)).toHaveLength(1);
  });

  /**
   * The configured providers, with a primary that stops inside `send` until released: a worker
   * stuck on a slow provider while its lease runs out. `then` decides what the call does after.
   */
  function stalledProviders(then: "send" | "fail") {
    const real = outboxProviders()!;
    let release!: () => void;
    let entered!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const inSend = new Promise<void>((r) => {
      entered = r;
    });
    const providers: OutboxProviders = {
      ...real,
      primary: {
        name: real.primary.name,
        async send(message: EmailMessage) {
          entered();
          await gate;
          if (then === "fail") {
            throw new EmailSendError({ kind: "transient", reason: "timeout", provider: real.primary.name, statusCode: null, message: "timed out" });
          }
          return real.primary.send(message);
        },
      },
    };
    return { providers, inSend, release };
  }

  it.each(["send", "fail"] as const)(
    "a worker whose lease ran out mid-send (its provider call then: %s) does not overwrite the worker that re-claimed the email",
    async (then) => {
      await smtpOnly();
      const to = address(`stale-${then}`);
      const id = await enqueue(to);
      const stalled = stalledProviders(then);
      const claimedAt = new Date();
      const first = processOutbox({ ids: [id], now: claimedAt, providers: stalled.providers });
      await stalled.inSend;
      expect(await outboxRow(id)).toMatchObject({ status: "sending", attempts: 1 });

      // The first worker's lease runs out while it waits on the provider: a second worker takes the email.
      const second = await processOutbox({ ids: [id], now: new Date(claimedAt.getTime() + LEASE_MS + 1) });
      expect(second).toMatchObject({ claimed: 1, sent: 1 });
      const won = await outboxRow(id);
      expect(won).toMatchObject({ status: "sent", attempts: 2, provider: "smtp" });
      expect(won.providerMessageId).toBeTruthy();

      stalled.release();
      await first;
      const row = await outboxRow(id);
      expect(row).toMatchObject({
        status: "sent",
        attempts: 2,
        provider: "smtp",
        providerMessageId: won.providerMessageId,
        sentAt: won.sentAt,
        lastError: null,
      });
      expect(row.nextAttemptAt).toEqual(won.nextAttemptAt);
      // One result in the timeline: the second worker's.
      expect((await outboxEvents(id)).map((e) => [e.event, (e.data as { attempt?: number }).attempt])).toEqual([["sent", 2]]);
    },
  );

  it("a SendGrid event that beats the result write keeps its status; the send is still recorded", async () => {
    await smtpOnly();
    const id = await enqueue(address("webhook-first"));
    const stalled = stalledProviders("send");
    const pass = processOutbox({ ids: [id], providers: stalled.providers });
    await stalled.inSend;
    // The provider accepted the mail and its `delivered` event arrived before the worker wrote the result.
    const db = await getDb();
    await db.update(schema.emailOutbox).set({ status: "delivered" }).where(eq(schema.emailOutbox.id, id));
    stalled.release();
    expect(await pass).toMatchObject({ sent: 1 });
    const row = await outboxRow(id);
    expect(row).toMatchObject({ status: "delivered", attempts: 1, provider: "smtp" });
    expect(row.providerMessageId).toBeTruthy();
    expect((await outboxEvents(id)).map((e) => e.event)).toEqual(["sent"]);
  });

  it("a worker that lost its claim before sending does not send", async () => {
    await smtpOnly();
    const to = address("lost");
    const id = await enqueue(to);
    const claimedAt = new Date();
    const [stale] = await claimEmails({ limit: 1, now: claimedAt, ids: [id] });
    expect(await processOutbox({ ids: [id], now: new Date(claimedAt.getTime() + LEASE_MS + 1) })).toMatchObject({ sent: 1 });
    await smtp.waitFor((m) => m.to.includes(to));

    expect(await deliverEmail(stale!, outboxProviders()!, claimedAt)).toBe("lost");
    await new Promise((r) => setTimeout(r, 200));
    expect(captured(to)).toHaveLength(1);
    expect(await outboxRow(id)).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("leases a claim for the whole batch at its worst (every send timing out on primary and fallback)", async () => {
    expect(LEASE_MS).toBe(leaseMsFor(DEFAULT_BATCH_SIZE, DEFAULT_CONCURRENCY));
    expect(LEASE_MS).toBeGreaterThan(Math.ceil(DEFAULT_BATCH_SIZE / DEFAULT_CONCURRENCY) * WORST_SEND_MS);
    expect(leaseMsFor(20, 5)).toBeGreaterThan(4 * WORST_SEND_MS);
    expect(leaseMsFor(1, 5)).toBeGreaterThan(WORST_SEND_MS);

    // processOutbox claims with the lease of the batch it asked for, not a fixed one.
    await smtpOnly();
    const id = await enqueue(address("lease-size"));
    const stalled = stalledProviders("send");
    const now = new Date();
    const pass = processOutbox({ ids: [id], now, providers: stalled.providers, batchSize: 20, concurrency: 2 });
    await stalled.inSend;
    expect((await outboxRow(id)).nextAttemptAt.getTime() - now.getTime()).toBe(leaseMsFor(20, 2));
    expect(leaseMsFor(20, 2)).toBeGreaterThan(10 * WORST_SEND_MS);
    stalled.release();
    expect(await pass).toMatchObject({ sent: 1 });
  });

  it("skips marketing mail to a suppressed address but still sends transactional mail", async () => {
    await smtpOnly();
    const to = address("suppressed");
    const db = await getDb();
    await db.insert(schema.emailSuppressions).values({ email: to, reason: "bounce" });
    const marketing = await enqueue(to, { category: "marketing" });
    const transactional = await enqueue(to);
    expect(await processOutbox({ ids: [marketing, transactional] })).toMatchObject({ sent: 1, suppressed: 1 });
    expect(await outboxRow(marketing)).toMatchObject({ status: "suppressed", providerMessageId: null });
    expect(await outboxRow(transactional)).toMatchObject({ status: "sent" });
    await smtp.waitFor((m) => m.to.includes(to));
    expect(captured(to)).toHaveLength(1);
  });

  it("fails permanently when the stored props do not fit the template", async () => {
    await smtpOnly();
    const to = address("bad-props");
    const id = await enqueue(to, { props: { shopUrl: "not a url" } });
    expect(await processOutbox({ ids: [id] })).toMatchObject({ failed: 1 });
    const row = await outboxRow(id);
    expect(row.status).toBe("failed");
    expect(row.lastError).toMatch(/^render: Invalid props for email template "welcome"/);
    expect(captured(to)).toHaveLength(0);
  });

  it("leaves mail queued when no provider is configured", async () => {
    await setEmailEnv({});
    const id = await enqueue(address("no-provider"));
    expect(await processOutbox({ ids: [id] })).toMatchObject({ claimed: 0 });
    expect(await outboxRow(id)).toMatchObject({ status: "queued", attempts: 0 });
    // It counts in the backlog gauges /api/metrics reads.
    const backlog = await outboxBacklog();
    expect(backlog.depth).toBeGreaterThanOrEqual(1);
    expect(backlog.oldestAgeSeconds).toBeGreaterThanOrEqual(0);
  });
});
