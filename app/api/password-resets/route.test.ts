import { eq } from "drizzle-orm";
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type SmtpCatcher, startSmtpCatcher } from "@/emulators/smtp";
import { GET as me } from "@/app/api/me/route";
import { POST as createToken } from "@/app/api/tokens/route";
import { POST as register } from "@/app/api/users/route";
import { RESET_REQUEST_LIMIT } from "@/lib/accounts/password-reset";
import { findUserByEmail } from "@/lib/accounts/users";
import { callerFromSessionToken } from "@/lib/auth/caller";
import { config } from "@/lib/config";
import { getDb, schema } from "@/lib/db";
import { processOutbox } from "@/lib/email/outbox/process-outbox";
import { outboxFor, setEmailEnv } from "@/lib/email/outbox/testing";
import { call, uniqueEmail } from "@/lib/testing/http";
import { POST as reset } from "./[token]/route";
import { POST as requestReset } from "./route";

const OLD = "prancha-velha-1";
const NEW = "prancha-nova-22";

async function account() {
  const email = uniqueEmail("reset");
  const created = await call(register, { body: { name: "Júlia Reset", email, password: OLD } });
  expect(created.status).toBe(201);
  return { email, id: created.json.user.id as string };
}

describe("password resets (POST /api/password-resets, POST /api/password-resets/{token})", () => {
  let smtp: SmtpCatcher;

  /** Runs the worker for the reset emails of `email` and returns the token from the captured mail. */
  async function tokenFromMail(email: string): Promise<string> {
    const rows = (await outboxFor(email)).filter((r) => r.template === "password-reset" && r.status === "queued");
    expect(rows.length).toBeGreaterThan(0);
    await processOutbox({ ids: rows.map((r) => r.id) });
    const mails = smtp.messages.filter((m) => m.to.includes(email) && m.subject.includes("Redefinição"));
    const text = mails.at(-1)?.text ?? "";
    const match = /\/reset-password\/([A-Za-z0-9_-]{20,})/.exec(text);
    if (!match) throw new Error(`no reset link in: ${text}`);
    expect(text).toContain(`${config().appUrl}/reset-password/`);
    return match[1]!;
  }

  beforeAll(async () => {
    smtp = await startSmtpCatcher();
  });
  beforeEach(async () => {
    await setEmailEnv({ EMAIL_PROVIDER: "smtp", SMTP_URL: smtp.url });
  });
  afterAll(async () => {
    await setEmailEnv({});
    await smtp.close();
  });

  it("answers 202 for an unknown address and sends nothing", async () => {
    const ghost = uniqueEmail("ghost");
    const res = await call(requestReset, { body: { email: ghost } });
    expect(res.status).toBe(202);
    expect(res.text).toBe("");
    expect(await outboxFor(ghost)).toHaveLength(0);
  });

  it("sign-up enqueues the welcome email once, in the same transaction as the account", async () => {
    const { email, id } = await account();
    const rows = await outboxFor(email);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ template: "welcome", dedupeKey: `welcome:${id}`, status: "queued", props: { name: "Júlia Reset" } });
    const dup = await call(register, { body: { name: "Outra", email, password: OLD } });
    expect(dup.status).toBe(409);
    expect(await outboxFor(email)).toHaveLength(1);
  });

  it("the link from the captured email resets the password once; old password, tokens and sessions stop working", async () => {
    const { email, id } = await account();
    const before = await findUserByEmail(email);
    const bearer = await call(createToken, { body: { email, password: OLD } });
    expect(bearer.status).toBe(201);
    const session = await encode({ token: { uid: id, role: "customer", sv: before!.sessionVersion }, secret: config().authSecret });
    expect(await callerFromSessionToken(session)).not.toBeNull();

    expect((await call(requestReset, { body: { email: ` ${email.toUpperCase()} ` } })).status).toBe(202);
    const token = await tokenFromMail(email);

    const weak = await call(reset, { params: { token }, body: { password: "curta" } });
    expect(weak.status).toBe(422);
    expect(weak.json.error.code).toBe("validation_failed");

    const done = await call(reset, { params: { token }, body: { password: NEW } });
    expect(done.status).toBe(204);

    expect((await call(me, { token: bearer.json.token })).status).toBe(401);
    expect(await callerFromSessionToken(session)).toBeNull();
    expect((await findUserByEmail(email))!.sessionVersion).toBe(before!.sessionVersion + 1);
    expect((await call(createToken, { body: { email, password: OLD }, headers: { "x-forwarded-for": "10.77.0.1" } })).status).toBe(401);
    expect((await call(createToken, { body: { email, password: NEW }, headers: { "x-forwarded-for": "10.77.0.2" } })).status).toBe(201);

    const reused = await call(reset, { params: { token }, body: { password: "outra-senha-33" } });
    expect(reused.status).toBe(422);
    expect(reused.json.error.code).toBe("invalid_reset_token");
    expect((await call(createToken, { body: { email, password: "outra-senha-33" }, headers: { "x-forwarded-for": "10.77.0.3" } })).status).toBe(401);
  });

  it("refuses an expired token and an unknown one", async () => {
    const { email, id } = await account();
    await call(requestReset, { body: { email } });
    const token = await tokenFromMail(email);
    const db = await getDb();
    await db
      .update(schema.passwordResets)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(schema.passwordResets.userId, id));
    const expired = await call(reset, { params: { token }, body: { password: NEW } });
    expect(expired.status).toBe(422);
    expect(expired.json.error.code).toBe("invalid_reset_token");

    const unknown = await call(reset, { params: { token: "x".repeat(43) }, body: { password: NEW } });
    expect(unknown.status).toBe(422);
    expect((await call(createToken, { body: { email, password: OLD } })).status).toBe(201);
  });

  it("a newer link still works after an older one was requested, and using one spends both", async () => {
    const { email } = await account();
    await call(requestReset, { body: { email } });
    const first = await tokenFromMail(email);
    await call(requestReset, { body: { email } });
    const second = await tokenFromMail(email);
    expect(second).not.toBe(first);
    expect((await call(reset, { params: { token: second }, body: { password: NEW } })).status).toBe(204);
    expect((await call(reset, { params: { token: first }, body: { password: "terceira-44" } })).status).toBe(422);
  });

  it(`sends at most ${RESET_REQUEST_LIMIT.max} reset emails per account per window, still answering 202`, async () => {
    const { email } = await account();
    const answers = await Promise.all(
      Array.from({ length: RESET_REQUEST_LIMIT.max + 2 }, () => call(requestReset, { body: { email } })),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(RESET_REQUEST_LIMIT.max + 2).fill(202));
    const resets = (await outboxFor(email)).filter((r) => r.template === "password-reset");
    expect(resets).toHaveLength(RESET_REQUEST_LIMIT.max);
    expect(new Set(resets.map((r) => (r.props as { resetUrl: string }).resetUrl)).size).toBe(RESET_REQUEST_LIMIT.max);
  });
});
