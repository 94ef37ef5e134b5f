import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SmtpCatcher, startSmtpCatcher } from "@/emulators/smtp";
import { requestPasswordReset } from "@/lib/accounts/password-reset";
import { enqueueEmail } from "@/lib/email/outbox/enqueue";
import { processOutbox } from "@/lib/email/outbox/process-outbox";
import { outboxFor, setEmailEnv } from "@/lib/email/outbox/testing";
import { makeUser, type TestUser } from "@/lib/testing/fixtures";
import { call, uniqueEmail } from "@/lib/testing/http";
import { GET as getEmail } from "./[id]/route";
import { GET as listEmails } from "./route";
import { POST as sendTest } from "./test/route";

describe("admin email routes (GET /api/emails, GET /api/emails/{id}, POST /api/emails/test)", () => {
  let admin: TestUser;
  let customer: TestUser;
  let smtp: SmtpCatcher;

  beforeAll(async () => {
    smtp = await startSmtpCatcher();
    await setEmailEnv({ EMAIL_PROVIDER: "smtp", SMTP_URL: smtp.url });
    admin = await makeUser({ role: "admin" });
    customer = await makeUser();
  });
  afterAll(async () => {
    await setEmailEnv({});
    await smtp.close();
  });

  it("answers 401 without a caller and 403 to customers, on every route", async () => {
    const id = randomUUID();
    expect((await call(listEmails, {})).status).toBe(401);
    for (const res of [
      await call(listEmails, { token: customer.token }),
      await call(getEmail, { token: customer.token, params: { id } }),
      await call(sendTest, { token: customer.token, body: { to: uniqueEmail("x"), template: "welcome" } }),
    ]) {
      expect(res.status).toBe(403);
      expect(res.json.error.code).toBe("forbidden");
    }
  });

  it("sends any template with its sample props, then lists, filters and shows it with its timeline", async () => {
    const to = uniqueEmail("test-send");
    const sent = await call(sendTest, { token: admin.token, body: { to, template: "payment-approved" } });
    expect(sent.status).toBe(202);
    expect(sent.json).toEqual({ id: expect.any(String), status: "queued" });
    const id = sent.json.id as string;

    const queued = await call(listEmails, { token: admin.token, path: `/api/emails?recipient=${to.slice(0, 12).toUpperCase()}` });
    expect(queued.status).toBe(200);
    expect(queued.json.data.map((e: { id: string }) => e.id)).toContain(id);
    expect(queued.json.data.find((e: { id: string }) => e.id === id)).toMatchObject({ to, template: "payment-approved", status: "queued", provider: null });

    await processOutbox({ ids: [id] });
    await smtp.waitFor((m) => m.to.includes(to));

    const bySent = await call(listEmails, { token: admin.token, path: `/api/emails?status=sent&template=payment-approved&recipient=${to}` });
    expect(bySent.json.data.map((e: { id: string }) => e.id)).toEqual([id]);
    const byQueued = await call(listEmails, { token: admin.token, path: `/api/emails?status=queued&recipient=${to}` });
    expect(byQueued.json.data).toEqual([]);
    const otherTemplate = await call(listEmails, { token: admin.token, path: `/api/emails?template=welcome&recipient=${to}` });
    expect(otherTemplate.json.data).toEqual([]);

    const detail = await call(getEmail, { token: admin.token, params: { id } });
    expect(detail.status).toBe(200);
    expect(detail.json).toMatchObject({ id, status: "sent", outboxStatus: "sent", provider: "smtp", attempts: 1 });
    expect(detail.json.providerMessageId).toBeTruthy();
    expect(detail.json.events.map((e: { event: string }) => e.event)).toEqual(["sent"]);
    expect(detail.json.preview.subject).toBe(detail.json.subject);
    expect(detail.json.preview.html).toContain("<html");
    expect(detail.json.preview.text.length).toBeGreaterThan(20);
  });

  it("refuses unknown templates and bad addresses with 422", async () => {
    const bad = await call(sendTest, { token: admin.token, body: { to: uniqueEmail("t"), template: "no-such-template" } });
    expect(bad.status).toBe(422);
    const badTo = await call(sendTest, { token: admin.token, body: { to: "not-an-email", template: "welcome" } });
    expect(badTo.status).toBe(422);
  });

  it("paginates newest first with a cursor", async () => {
    const tag = `page-${randomUUID().slice(0, 8)}`;
    for (let i = 0; i < 3; i++) {
      await enqueueEmail({ template: "welcome", to: `${tag}-${i}@example.com`, props: { name: `N${i}` } });
      // Distinct created_at (millisecond precision) so "newest first" has one right answer.
      await new Promise((r) => setTimeout(r, 5));
    }
    const first = await call(listEmails, { token: admin.token, path: `/api/emails?limit=2&recipient=${tag}` });
    expect(first.json.data.map((e: { to: string }) => e.to)).toEqual([`${tag}-2@example.com`, `${tag}-1@example.com`]);
    expect(first.json.nextCursor).toBeTruthy();
    const second = await call(listEmails, { token: admin.token, path: `/api/emails?limit=2&recipient=${tag}&cursor=${first.json.nextCursor}` });
    expect(second.json.data.map((e: { to: string }) => e.to)).toEqual([`${tag}-0@example.com`]);
    expect(second.json.nextCursor).toBeNull();
    expect((await call(listEmails, { token: admin.token, path: "/api/emails?cursor=garbage" })).status).toBe(422);
  });

  it("previews a queued email by rendering it, with the reset link masked", async () => {
    const target = await makeUser();
    await requestPasswordReset(target.user.email);
    const [row] = (await outboxFor(target.user.email)).filter((r) => r.template === "password-reset");
    const resetUrl = (row!.props as { resetUrl: string }).resetUrl;
    const detail = await call(getEmail, { token: admin.token, params: { id: row!.id } });
    expect(detail.status).toBe(200);
    expect(detail.json.status).toBe("queued");
    expect(detail.json.preview.html).toContain("Redefinição de senha");
    expect(detail.json.preview.html).not.toContain(resetUrl);
    expect(detail.json.preview.text).not.toContain(resetUrl);
    expect(detail.json.preview.text).toContain("[link oculto]");
    expect(JSON.stringify(detail.json)).not.toContain(resetUrl.split("/").at(-1));
  });

  it("answers 404 for unknown and malformed ids", async () => {
    expect((await call(getEmail, { token: admin.token, params: { id: randomUUID() } })).status).toBe(404);
    expect((await call(getEmail, { token: admin.token, params: { id: "nope" } })).status).toBe(404);
  });
});
