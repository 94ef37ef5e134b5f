import { createTransport } from "nodemailer";
import { describe, expect, it } from "vitest";
import { decodeHeaderValue, parseMime } from "./mime";

/** Builds the exact bytes nodemailer would put on the wire, without a server. */
async function build(options: Parameters<ReturnType<typeof createTransport>["sendMail"]>[0]): Promise<Buffer> {
  const transport = createTransport({ streamTransport: true, buffer: true, newline: "windows" });
  const info = await transport.sendMail(options);
  return info.message as Buffer;
}

describe("parseMime", () => {
  it("reads nodemailer's multipart/alternative with quoted-printable pt-BR text", async () => {
    const raw = await build({
      from: "OnlyWave <loja@onlywave.com.br>",
      to: "cliente@example.com",
      subject: "Redefinição de senha — ação necessária",
      text: `Olá, Conceição! Você tem até amanhã. ${"ção ".repeat(40)}`,
      html: "<p>Olá, <b>Conceição</b>! Preço: R$ 1.234,56</p>",
    });
    const parsed = parseMime(raw);
    expect(parsed.headers.get("subject")).toEqual(["Redefinição de senha — ação necessária"]);
    expect(parsed.text).toContain("Olá, Conceição! Você tem até amanhã.");
    expect(parsed.text).toContain("ção ção ção");
    expect(parsed.html).toBe("<p>Olá, <b>Conceição</b>! Preço: R$ 1.234,56</p>");
  });

  it("decodes base64 parts, nested multiparts and lists attachments", async () => {
    const raw = await build({
      from: "loja@onlywave.com.br",
      to: "cliente@example.com",
      subject: "Com anexo",
      text: "corpo em base64 ✓",
      html: "<p>html em base64 ✓</p>",
      textEncoding: "base64",
      attachments: [{ filename: "nota.txt", content: "conteúdo" }],
    });
    const parsed = parseMime(raw);
    expect(parsed.text).toBe("corpo em base64 ✓");
    expect(parsed.html).toBe("<p>html em base64 ✓</p>");
    expect(parsed.attachments).toEqual([{ contentType: "text/plain", filename: "nota.txt", size: 9 }]);
  });

  it("handles a plain 7bit single-part message", () => {
    const raw = Buffer.from("From: a@b.c\r\nSubject: Hi\r\n\r\nplain body\r\n");
    const parsed = parseMime(raw);
    expect(parsed.text).toBe("plain body\r\n");
    expect(parsed.html).toBeNull();
  });
});

describe("decodeHeaderValue", () => {
  it("joins adjacent encoded words and decodes Q and B encodings", () => {
    expect(decodeHeaderValue("=?UTF-8?Q?Ol=C3=A1?= =?UTF-8?B?LCBtdW5kbw==?=")).toBe("Olá, mundo");
    expect(decodeHeaderValue("=?ISO-8859-1?Q?Pre=E7o_baixo?=")).toBe("Preço baixo");
    expect(decodeHeaderValue("plain value")).toBe("plain value");
  });
});
