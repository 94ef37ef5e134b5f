import { createTransport } from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CapturedMail, type SmtpCatcher, startSmtpCatcher } from "./index";

describe("SMTP catcher", () => {
  let catcher: SmtpCatcher;
  const transport = () => createTransport({ host: "127.0.0.1", port: catcher.port, secure: false });

  beforeAll(async () => {
    catcher = await startSmtpCatcher({ httpPort: 0 });
  });
  afterAll(async () => {
    await catcher.close();
  });

  it("captures a message and serves it as JSON over HTTP", async () => {
    await transport().sendMail({
      from: "loja@onlywave.com.br",
      to: "http@example.com",
      subject: "Via HTTP",
      text: "texto",
      html: "<p>html</p>",
    });
    const mail = await catcher.waitFor((m) => m.subject === "Via HTTP");
    expect(catcher.url).toBe(`smtp://127.0.0.1:${catcher.port}`);
    expect(catcher.httpUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    const list = (await (await fetch(`${catcher.httpUrl}/messages?to=http@example.com`)).json()) as CapturedMail[];
    expect(list.map((m) => m.id)).toEqual([mail.id]);
    expect(list[0]).toMatchObject({ subject: "Via HTTP", text: "texto", html: "<p>html</p>", to: ["http@example.com"] });

    const html = await (await fetch(`${catcher.httpUrl}/messages/${mail.id}/html`)).text();
    expect(html).toBe("<p>html</p>");
    const index = await (await fetch(`${catcher.httpUrl}/`)).text();
    expect(index).toContain("Via HTTP");

    expect((await fetch(`${catcher.httpUrl}/messages`, { method: "DELETE" })).status).toBe(200);
    expect(catcher.messages).toHaveLength(0);
  });

  it("waitFor resolves on a future message and times out otherwise", async () => {
    const pending = catcher.waitFor((m) => m.to.includes("later@example.com"), 2_000);
    await transport().sendMail({ from: "a@b.co", to: "later@example.com", subject: "Depois", text: "x" });
    expect((await pending).subject).toBe("Depois");
    await expect(catcher.waitFor(() => false, 50)).rejects.toThrow(/No matching mail/);
  });

  it("refuses recipients by rule with 550, and the rule can be changed live", async () => {
    catcher.rejectRecipients = ["blocked@example.com"];
    const error = await transport()
      .sendMail({ from: "a@b.co", to: "blocked@example.com", subject: "x", text: "x" })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "EENVELOPE", responseCode: 550 });

    catcher.rejectRecipients = null;
    await transport().sendMail({ from: "a@b.co", to: "blocked@example.com", subject: "agora vai", text: "x" });
    await catcher.waitFor((m) => m.subject === "agora vai");
  });
});
