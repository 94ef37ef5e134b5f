import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { renderEmail } from "../../../emails";
import { type SmtpCatcher, startSmtpCatcher } from "../../../emulators/smtp";
import { EmailSendError } from "./errors";
import { createSmtpProvider } from "./smtp";
import type { EmailMessage, EmailProvider } from "./types";

const from = { email: "loja@onlywave.com.br", name: "OnlyWave" };

async function sendError(promise: Promise<unknown>): Promise<EmailSendError> {
  const error = await promise.then(
    () => {
      throw new Error("expected the send to fail");
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(EmailSendError);
  return error as EmailSendError;
}

describe("SMTP provider (pooled nodemailer → real smtp-server session)", () => {
  let catcher: SmtpCatcher;
  let provider: EmailProvider;

  beforeAll(async () => {
    catcher = await startSmtpCatcher();
    provider = createSmtpProvider({ smtpUrl: catcher.url, maxConnections: 2 });
  });
  afterEach(() => {
    catcher.clear();
  });
  afterAll(async () => {
    await provider.close?.();
    await catcher.close();
  });

  it("sends 3 rendered emails over the pool; the catcher parses subject, text and html", async () => {
    const rendered = await Promise.all([
      renderEmail("welcome", { name: "João" }),
      renderEmail("password-reset", { name: "Conceição", resetUrl: "https://loja.test/r?t=1", expiresInMinutes: 15 }),
      renderEmail("payment-pending", { orderId: "OW-7", totalCents: 123_456 }),
    ]);
    const results = await Promise.all(
      rendered.map((email, i) =>
        provider.send({ to: `cliente${i}@example.com`, from, ...email, customArgs: { outbox_id: String(i) } }),
      ),
    );

    expect(catcher.messages).toHaveLength(3);
    for (const [i, email] of rendered.entries()) {
      const mail = await catcher.waitFor((m) => m.to.includes(`cliente${i}@example.com`));
      expect(mail.subject).toBe(email.subject);
      expect(mail.text?.trim()).toBe(email.text.trim());
      expect(mail.html).toBe(email.html);
      expect(mail.from).toBe("OnlyWave <loja@onlywave.com.br>");
      expect(mail.envelope.from).toBe("loja@onlywave.com.br");
      expect(mail.messageId).toBe(results[i]?.providerMessageId);
      expect(results[i]?.accepted).toEqual([`cliente${i}@example.com`]);
      expect(results[i]?.rejected).toEqual([]);
      expect(JSON.parse(mail.headers["x-smtpapi"] ?? "{}")).toEqual({ unique_args: { outbox_id: String(i) } });
    }
    // Accented subjects survive RFC 2047 encoding both ways.
    expect(catcher.messages.map((m) => m.subject)).toContain("Redefinição de senha da sua conta OnlyWave");
    const pending = catcher.messages.find((m) => m.subject.includes("OW-7"));
    expect(pending?.text).toContain("R$ 1.234,56");
  });

  it("reuses one pooled connection for several messages", async () => {
    const single = createSmtpProvider({ smtpUrl: catcher.url, maxConnections: 1 });
    try {
      await Promise.all(
        [1, 2, 3].map((n) => single.send({ to: `pool${n}@example.com`, from, subject: `pool ${n}`, text: "x", html: "<p>x</p>" })),
      );
      expect(new Set(catcher.messages.map((m) => m.sessionId)).size).toBe(1);
      expect(catcher.messages).toHaveLength(3);
    } finally {
      await single.close?.();
    }
  });

  it("reports a partially rejected recipient list", async () => {
    const result = await provider.send({
      to: ["ok@example.com", "ghost@rejected.test"],
      from,
      subject: "Teste",
      text: "texto",
      html: "<p>texto</p>",
    });
    expect(result.accepted).toEqual(["ok@example.com"]);
    expect(result.rejected).toEqual(["ghost@rejected.test"]);
    const mail = await catcher.waitFor((m) => m.subject === "Teste");
    expect(mail.to).toEqual(["ok@example.com"]);
  });

  it("550 for the only recipient is a permanent error", async () => {
    const message: EmailMessage = { to: "ghost@rejected.test", from, subject: "x", text: "x", html: "<p>x</p>" };
    const error = await sendError(provider.send(message));
    expect(error).toMatchObject({ kind: "permanent", reason: "recipient_rejected", provider: "smtp", statusCode: 550 });
    expect(catcher.messages).toHaveLength(0);
  });

  it("a 4xx reply is transient", async () => {
    catcher.failNext(1, 451);
    const error = await sendError(
      provider.send({ to: "ok@example.com", from, subject: "x", text: "x", html: "<p>x</p>" }),
    );
    expect(error).toMatchObject({ kind: "transient", statusCode: 451 });
    // The pool recovers for the next message.
    await provider.send({ to: "ok@example.com", from, subject: "depois", text: "x", html: "<p>x</p>" });
    await catcher.waitFor((m) => m.subject === "depois");
  });

  it("an unreachable server is a transient network error", async () => {
    const gone = await startSmtpCatcher();
    await gone.close();
    const unreachable = createSmtpProvider({ smtpUrl: gone.url, connectionTimeoutMs: 1_000 });
    try {
      const error = await sendError(
        unreachable.send({ to: "ok@example.com", from, subject: "x", text: "x", html: "<p>x</p>" }),
      );
      expect(error).toMatchObject({ kind: "transient", reason: "network", statusCode: null });
    } finally {
      await unreachable.close?.();
    }
  });
});
