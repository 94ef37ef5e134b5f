import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type SendGridEmulator, startSendGridEmulator } from "../../../emulators/sendgrid";
import { EmailSendError } from "./errors";
import { createSendGridProvider } from "./sendgrid";
import type { EmailMessage } from "./types";

const message: EmailMessage = {
  to: { email: "comprador@example.com", name: "Comprador" },
  from: { email: "loja@onlywave.com.br", name: "OnlyWave" },
  replyTo: "suporte@onlywave.com.br",
  subject: "Pagamento aprovado: pedido #OW-9",
  text: "Olá! Pagamento aprovado.",
  html: "<p>Olá! Pagamento aprovado.</p>",
  customArgs: { outbox_id: "42", template: "payment-approved" },
};

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

describe("SendGrid provider (against the emulator, real HTTP)", () => {
  let emulator: SendGridEmulator;

  beforeAll(async () => {
    emulator = await startSendGridEmulator({ apiKey: "SG.test-key" });
  });
  afterEach(() => {
    emulator.clear();
    emulator.setDown(false);
  });
  afterAll(async () => {
    await emulator.close();
  });

  it("posts v3 Mail Send JSON with auth and returns X-Message-Id", async () => {
    const provider = createSendGridProvider({ apiKey: "SG.test-key", apiUrl: emulator.url });
    const result = await provider.send(message);

    expect(emulator.requests).toHaveLength(1);
    const request = emulator.requests[0]!;
    expect(request.status).toBe(202);
    expect(result.providerMessageId).toBe(request.messageId);
    expect(result.providerMessageId).toMatch(/^[\w-]{22}$/);

    expect(request.method).toBe("POST");
    expect(request.path).toBe("/v3/mail/send");
    expect(request.headers.authorization).toBe("Bearer SG.test-key");
    expect(request.headers["content-type"]).toContain("application/json");
    expect(request.body).toMatchObject({
      from: { email: "loja@onlywave.com.br", name: "OnlyWave" },
      reply_to: { email: "suporte@onlywave.com.br" },
      subject: "Pagamento aprovado: pedido #OW-9",
      personalizations: [{ to: [{ email: "comprador@example.com", name: "Comprador" }] }],
      content: [
        { type: "text/plain", value: "Olá! Pagamento aprovado." },
        { type: "text/html", value: "<p>Olá! Pagamento aprovado.</p>" },
      ],
      custom_args: { outbox_id: "42", template: "payment-approved" },
      tracking_settings: { click_tracking: { enable: false, enable_text: false } },
    });
  });

  it("respects the setApiKey/baseUrl trap: apiUrl wins and a trailing slash is fine", async () => {
    const provider = createSendGridProvider({ apiKey: "SG.test-key", apiUrl: `${emulator.url}/` });
    await provider.send(message);
    expect(emulator.requests[0]?.path).toBe("/v3/mail/send");
  });

  it("passes custom headers and refuses reserved ones", async () => {
    const provider = createSendGridProvider({ apiKey: "SG.test-key", apiUrl: emulator.url });
    await provider.send({ ...message, headers: { "List-Unsubscribe": "<mailto:sair@onlywave.com.br>" } });
    expect(emulator.requests[0]?.body?.headers).toEqual({ "List-Unsubscribe": "<mailto:sair@onlywave.com.br>" });

    const error = await sendError(provider.send({ ...message, headers: { Authorization: "Bearer evil" } }));
    expect(error.kind).toBe("permanent");
    expect(error.reason).toBe("invalid_request");
    expect(emulator.requests).toHaveLength(1);
  });

  it("500 then 202: the first call surfaces a transient error, the second succeeds", async () => {
    const provider = createSendGridProvider({ apiKey: "SG.test-key", apiUrl: emulator.url });
    emulator.failNext(1, 500);

    const error = await sendError(provider.send(message));
    expect(error).toMatchObject({ kind: "transient", reason: "provider_error", provider: "sendgrid", statusCode: 500 });
    expect(error.message).toContain("Internal server error");

    const result = await provider.send(message);
    expect(result.providerMessageId).toBe(emulator.requests[1]?.messageId);
    expect(emulator.requests.map((r) => r.status)).toEqual([500, 202]);
  });

  it("429 is transient (rate limited)", async () => {
    const provider = createSendGridProvider({ apiKey: "SG.test-key", apiUrl: emulator.url });
    emulator.failNext(1, 429);
    const error = await sendError(provider.send(message));
    expect(error).toMatchObject({ kind: "transient", reason: "rate_limited", statusCode: 429 });
  });

  it("an invalid recipient address is a permanent 400 with SendGrid's field", async () => {
    const provider = createSendGridProvider({ apiKey: "SG.test-key", apiUrl: emulator.url });
    const error = await sendError(provider.send({ ...message, to: "not-an-address" }));
    expect(error).toMatchObject({ kind: "permanent", reason: "recipient_rejected", statusCode: 400 });
    expect(error.message).toContain("personalizations.0.to.0.email");
  });

  it("a wrong API key is a 401, classified transient (config problem, fallback can deliver)", async () => {
    const provider = createSendGridProvider({ apiKey: "SG.wrong", apiUrl: emulator.url });
    const error = await sendError(provider.send(message));
    expect(error).toMatchObject({ kind: "transient", reason: "auth", statusCode: 401 });
  });

  it("a server that resets connections is a transient network error", async () => {
    const provider = createSendGridProvider({ apiKey: "SG.test-key", apiUrl: emulator.url });
    emulator.setDown(true);
    const error = await sendError(provider.send(message));
    expect(error).toMatchObject({ kind: "transient", reason: "network", statusCode: null });
  });

  it("a refused connection is a transient network error", async () => {
    const closed = await startSendGridEmulator();
    await closed.close();
    const provider = createSendGridProvider({ apiKey: "SG.test-key", apiUrl: closed.url });
    const error = await sendError(provider.send(message));
    expect(error).toMatchObject({ kind: "transient", reason: "network", code: "ECONNREFUSED" });
  });

  it("a hanging server is a transient timeout", async () => {
    const hanging: Server = createServer(() => {
      /* never answers */
    });
    await new Promise<void>((resolve) => hanging.listen(0, "127.0.0.1", resolve));
    const { port } = hanging.address() as AddressInfo;
    try {
      const provider = createSendGridProvider({ apiKey: "SG.test-key", apiUrl: `http://127.0.0.1:${port}`, timeoutMs: 200 });
      const error = await sendError(provider.send(message));
      expect(error).toMatchObject({ kind: "transient", reason: "timeout" });
    } finally {
      hanging.closeAllConnections();
      await new Promise<void>((resolve) => hanging.close(() => resolve()));
    }
  });

  it("sandbox mode is validated only (200, no message id)", async () => {
    const provider = createSendGridProvider({ apiKey: "SG.test-key", apiUrl: emulator.url, sandbox: true });
    const result = await provider.send(message);
    expect(result.providerMessageId).toBeNull();
    expect(emulator.requests[0]?.status).toBe(200);
  });
});
