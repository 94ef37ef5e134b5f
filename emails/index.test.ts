import { describe, expect, it } from "vitest";
import {
  EmailPropsError,
  emailTemplateNames,
  renderEmail,
  renderEmailUnchecked,
  templates,
  UnknownEmailTemplateError,
} from "./index";

/** HTML attribute/text form of a string as React escapes it. */
const inHtml = (value: string) => value.replace(/&/g, "&amp;").replace(/"/g, "&quot;");

describe("email templates", () => {
  it("registers the eight templates", () => {
    expect(emailTemplateNames.sort()).toEqual(
      [
        "admin-alert",
        "order-received",
        "password-reset",
        "payment-approved",
        "payment-pending",
        "payment-rejected",
        "refund-issued",
        "welcome",
      ].sort(),
    );
  });

  it.each(emailTemplateNames)("%s renders its sample to HTML and text in pt-BR", async (name) => {
    const email = await renderEmailUnchecked(name, templates[name].sample);
    expect(email.subject.length).toBeGreaterThan(5);
    expect(email.html).toContain('lang="pt-BR"');
    expect(email.html).toContain("OnlyWave");
    expect(email.html).toContain("#0b3d5c");
    expect(email.text).toContain("OnlyWave");
    expect(email.text).not.toContain("<");
    expect(templates[name].schema.safeParse(templates[name].sample).success).toBe(true);
  });

  it("welcome greets by name", async () => {
    const email = await renderEmail("welcome", { name: "Gabriel", shopUrl: "https://loja.test/" });
    expect(email.subject).toBe("Boas-vindas à OnlyWave, Gabriel!");
    expect(email.html).toContain("Gabriel");
    expect(email.text).toContain("Boas-vindas à OnlyWave, Gabriel!");
    expect(email.text).toContain("https://loja.test/");
  });

  it("password-reset carries the link and expiry", async () => {
    const resetUrl = "https://loja.test/redefinir?token=abc123";
    const email = await renderEmail("password-reset", { name: "Ana", resetUrl, expiresInMinutes: 30 });
    expect(email.subject).toBe("Redefinição de senha da sua conta OnlyWave");
    expect(email.html).toContain(`href="${inHtml(resetUrl)}"`);
    expect(email.text).toContain(resetUrl);
    expect(email.text).toContain("30 minutos");
    expect(email.text).toContain("Ana");
  });

  it("order-received lists items, money in pt-BR and the pay link", async () => {
    const email = await renderEmail("order-received", {
      orderId: "OW-1",
      items: [
        { name: "Prancha 6'0", quantity: 1, unitPriceCents: 123_456 },
        { name: "Quilha FCS", quantity: 2, unitPriceCents: 9_990 },
      ],
      totalCents: 143_436,
      payUrl: "https://loja.test/pagar/OW-1",
    });
    expect(email.subject).toBe("Recebemos seu pedido #OW-1: aguardando pagamento");
    for (const part of [email.html, email.text]) {
      expect(part).toContain("Quilha FCS");
      expect(part).toContain("R$ 1.234,56");
      expect(part).toContain("R$ 99,90");
      expect(part).toContain("R$ 199,80"); // line total 2 × 99,90
      expect(part).toContain("R$ 1.434,36");
      expect(part).toContain("https://loja.test/pagar/OW-1");
    }
    expect(email.text).toContain("Olá!"); // no name given
  });

  it("payment-approved links each digital item's download", async () => {
    const email = await renderEmail("payment-approved", {
      name: "Bia",
      orderId: "OW-2",
      items: [
        { name: "Guia PDF", quantity: 1, unitPriceCents: 4_990, downloadUrl: "https://cdn.test/d/guia" },
        { name: "Vídeo aula", quantity: 1, unitPriceCents: 9_900, downloadUrl: "https://cdn.test/d/video" },
        { name: "Parafina", quantity: 1, unitPriceCents: 1_990 },
      ],
      totalCents: 16_880,
    });
    expect(email.subject).toBe("Pagamento aprovado: pedido #OW-2");
    expect(email.html).toContain('href="https://cdn.test/d/guia"');
    expect(email.html).toContain('href="https://cdn.test/d/video"');
    expect(email.text).toContain("Baixar arquivo https://cdn.test/d/guia");
    expect(email.text).toContain("Baixar arquivo https://cdn.test/d/video");
    expect(email.text.match(/Baixar arquivo https/g)).toHaveLength(2);
    expect(email.text).toContain("R$ 168,80");
    expect(email.text).toContain("Olá, Bia!");
  });

  it("payment-pending and payment-rejected show the amount; rejected offers to retry", async () => {
    const pending = await renderEmail("payment-pending", { orderId: "OW-3", totalCents: 5_000 });
    expect(pending.subject).toBe("Pagamento em análise: pedido #OW-3");
    expect(pending.text).toContain("R$ 50,00");

    const rejected = await renderEmail("payment-rejected", {
      orderId: "OW-3",
      totalCents: 5_000,
      retryUrl: "https://loja.test/pedidos/OW-3/pagar",
    });
    expect(rejected.subject).toBe("Pagamento não aprovado: pedido #OW-3");
    expect(rejected.text).toContain("Tentar novamente https://loja.test/pedidos/OW-3/pagar");
    expect(rejected.html).toContain('href="https://loja.test/pedidos/OW-3/pagar"');
    expect(rejected.text).toContain("R$ 50,00");
  });

  it("refund-issued distinguishes partial from full", async () => {
    const partial = await renderEmail("refund-issued", {
      orderId: "OW-4",
      amountCents: 2_500,
      totalRefundedCents: 7_500,
      full: false,
    });
    expect(partial.subject).toBe("Reembolso parcial do pedido #OW-4");
    expect(partial.text).toContain("R$ 25,00");
    expect(partial.text).toContain("R$ 75,00");
    expect(partial.text).toContain("Reembolso parcial efetuado");

    const full = await renderEmail("refund-issued", {
      orderId: "OW-4",
      amountCents: 2_500,
      totalRefundedCents: 10_000,
      full: true,
    });
    expect(full.subject).toBe("Reembolso total do pedido #OW-4");
    expect(full.text).toContain("reembolsado integralmente");
    expect(full.text).toContain("R$ 100,00");
  });

  it("admin-alert shows title, message paragraphs and link", async () => {
    const email = await renderEmail("admin-alert", {
      title: "Webhook falhando",
      message: "Primeira linha.\n\nSegunda linha.",
      link: "https://loja.test/admin/x",
    });
    expect(email.subject).toBe("[OnlyWave admin] Webhook falhando");
    expect(email.text).toContain("Primeira linha.");
    expect(email.text).toContain("Segunda linha.");
    expect(email.text).toContain("https://loja.test/admin/x");
  });

  it("escapes user-provided text in HTML", async () => {
    const email = await renderEmail("welcome", { name: "<script>alert(1)</script>" });
    expect(email.html).not.toContain("<script>");
    expect(email.html).toContain("&lt;script&gt;");
  });
});

describe("renderEmail validation", () => {
  it("rejects props that fail the schema with EmailPropsError", async () => {
    await expect(
      renderEmailUnchecked("order-received", { orderId: "1", items: [], totalCents: 1.5, payUrl: "x" }),
    ).rejects.toBeInstanceOf(EmailPropsError);
  });

  it("rejects non-http links (javascript:)", async () => {
    const error = await renderEmailUnchecked("password-reset", {
      name: "A",
      resetUrl: "javascript:alert(1)",
      expiresInMinutes: 60,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EmailPropsError);
    expect((error as EmailPropsError).issues[0]?.path).toEqual(["resetUrl"]);
  });

  it("rejects a refund total smaller than the refund", async () => {
    await expect(
      renderEmailUnchecked("refund-issued", { orderId: "1", amountCents: 500, totalRefundedCents: 100, full: false }),
    ).rejects.toBeInstanceOf(EmailPropsError);
  });

  it("rejects unknown template names", async () => {
    await expect(renderEmailUnchecked("newsletter", {})).rejects.toBeInstanceOf(UnknownEmailTemplateError);
  });
});
