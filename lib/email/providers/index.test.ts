import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type SendGridEmulator, startSendGridEmulator } from "../../../emulators/sendgrid";
import { type SmtpCatcher, startSmtpCatcher } from "../../../emulators/smtp";
import {
  createEmailProvider,
  EmailFallbackError,
  type EmailMessage,
  type EmailProvider,
  EmailSendError,
  sendWithFallback,
} from "./index";

const message: EmailMessage = {
  to: "surfista@example.com",
  from: "loja@onlywave.com.br",
  subject: "Pedido recebido",
  text: "Recebemos seu pedido.",
  html: "<p>Recebemos seu pedido.</p>",
  customArgs: { outbox_id: "7" },
};

describe("sendWithFallback (SendGrid primary, SMTP fallback)", () => {
  let emulator: SendGridEmulator;
  let catcher: SmtpCatcher;
  let sendgrid: EmailProvider;
  let smtp: EmailProvider;

  beforeAll(async () => {
    emulator = await startSendGridEmulator();
    catcher = await startSmtpCatcher();
    sendgrid = createEmailProvider({ provider: "sendgrid", apiKey: emulator.apiKey, apiUrl: emulator.url });
    smtp = createEmailProvider({ provider: "smtp", smtpUrl: catcher.url });
  });
  afterEach(() => {
    emulator.clear();
    emulator.setDown(false);
    emulator.failNext(0, 500);
    catcher.clear();
  });
  afterAll(async () => {
    await smtp.close?.();
    await emulator.close();
    await catcher.close();
  });

  it("uses the primary when it works", async () => {
    const outcome = await sendWithFallback(sendgrid, smtp, message);
    expect(outcome.provider).toBe("sendgrid");
    expect(outcome.result.providerMessageId).toBe(emulator.requests[0]?.messageId);
    expect(outcome.primaryError).toBeUndefined();
    expect(catcher.messages).toHaveLength(0);
  });

  it("falls back to SMTP when SendGrid answers 503", async () => {
    emulator.failNext(1, 503);
    const outcome = await sendWithFallback(sendgrid, smtp, message);
    expect(outcome.provider).toBe("smtp");
    expect(outcome.primaryError).toMatchObject({ kind: "transient", statusCode: 503, provider: "sendgrid" });
    const mail = await catcher.waitFor((m) => m.to.includes("surfista@example.com"));
    expect(mail.subject).toBe("Pedido recebido");
    expect(outcome.result.providerMessageId).toBe(mail.messageId);
  });

  it("falls back to SMTP when SendGrid is down (connections reset)", async () => {
    emulator.setDown(true);
    const outcome = await sendWithFallback(sendgrid, smtp, message);
    expect(outcome.provider).toBe("smtp");
    expect(outcome.primaryError?.reason).toBe("network");
    expect(catcher.messages).toHaveLength(1);
  });

  it("falls back to SMTP when SendGrid is closed (connection refused)", async () => {
    const closed = await startSendGridEmulator();
    await closed.close();
    const deadSendgrid = createEmailProvider({ provider: "sendgrid", apiKey: closed.apiKey, apiUrl: closed.url });
    const outcome = await sendWithFallback(deadSendgrid, smtp, message);
    expect(outcome.provider).toBe("smtp");
    expect(catcher.messages).toHaveLength(1);
  });

  it("does not fall back on SendGrid's permanent 400 (invalid address)", async () => {
    const error = await sendWithFallback(sendgrid, smtp, { ...message, to: "sem-arroba" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmailSendError);
    expect(error).not.toBeInstanceOf(EmailFallbackError);
    expect(error).toMatchObject({ kind: "permanent", provider: "sendgrid", statusCode: 400 });
    expect(catcher.messages).toHaveLength(0);
  });

  it("does not fall back on SMTP's permanent 550 (SMTP as primary)", async () => {
    const error = await sendWithFallback(smtp, sendgrid, { ...message, to: "ghost@rejected.test" }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ kind: "permanent", provider: "smtp", statusCode: 550 });
    expect(emulator.requests).toHaveLength(0);
  });

  it("without a fallback, rethrows the transient error", async () => {
    emulator.failNext(1, 500);
    const error = await sendWithFallback(sendgrid, undefined, message).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "transient", statusCode: 500, provider: "sendgrid" });
  });

  it("when both fail, reports the fallback's classification and keeps the primary's error", async () => {
    emulator.failNext(1, 500);
    // Not 421: nodemailer's pool silently requeues a message whose reused
    // connection got 421, so it would succeed on a fresh connection.
    catcher.failNext(1, 451);
    const error = await sendWithFallback(sendgrid, smtp, message).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmailFallbackError);
    const fallbackError = error as EmailFallbackError;
    expect(fallbackError).toMatchObject({ kind: "transient", provider: "smtp", statusCode: 451 });
    expect(fallbackError.primaryError).toMatchObject({ provider: "sendgrid", statusCode: 500 });
  });
});

describe("createEmailProvider", () => {
  it("builds each provider from its config", () => {
    expect(createEmailProvider({ provider: "sendgrid", apiKey: "SG.x" }).name).toBe("sendgrid");
    const smtp = createEmailProvider({ provider: "smtp", smtpUrl: "smtp://127.0.0.1:2525" });
    expect(smtp.name).toBe("smtp");
    void smtp.close?.();
  });

  it("rejects a config without credentials or URL", () => {
    expect(() => createEmailProvider({ provider: "sendgrid", apiKey: "" })).toThrow(TypeError);
    expect(() => createEmailProvider({ provider: "smtp", smtpUrl: "http://x" })).toThrow(TypeError);
  });
});
