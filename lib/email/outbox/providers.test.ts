import { afterAll, describe, expect, it } from "vitest";
import { EmailConfigError, outboxProviders, parseFromAddress } from "./providers";
import { setEmailEnv } from "./testing";

describe("outbox providers from configuration", () => {
  afterAll(() => setEmailEnv({}));

  it("splits EMAIL_FROM into name and address (SendGrid refuses a display name inside email)", () => {
    expect(parseFromAddress("OnlyWave <nao-responda@onlywave.com.br>")).toEqual({ name: "OnlyWave", email: "nao-responda@onlywave.com.br" });
    expect(parseFromAddress('"Loja OnlyWave" <loja@onlywave.com.br>')).toEqual({ name: "Loja OnlyWave", email: "loja@onlywave.com.br" });
    expect(parseFromAddress("loja@onlywave.com.br")).toEqual({ email: "loja@onlywave.com.br" });
  });

  it("is null without EMAIL_PROVIDER, cached while config is unchanged, rebuilt when it changes", async () => {
    await setEmailEnv({});
    expect(outboxProviders()).toBeNull();
    await setEmailEnv({ EMAIL_PROVIDER: "smtp", SMTP_URL: "smtp://127.0.0.1:2525" });
    const first = outboxProviders();
    expect(first?.primary.name).toBe("smtp");
    expect(first?.fallback).toBeUndefined();
    expect(outboxProviders()).toBe(first);
    await setEmailEnv({ EMAIL_PROVIDER: "sendgrid", EMAIL_FALLBACK_PROVIDER: "smtp", SENDGRID_API_KEY: "SG.x", SMTP_URL: "smtp://127.0.0.1:2525" });
    const second = outboxProviders();
    expect(second).not.toBe(first);
    expect([second?.primary.name, second?.fallback?.name]).toEqual(["sendgrid", "smtp"]);
  });

  it("ignores a fallback equal to the primary and refuses a provider without credentials", async () => {
    await setEmailEnv({ EMAIL_PROVIDER: "smtp", EMAIL_FALLBACK_PROVIDER: "smtp", SMTP_URL: "smtp://127.0.0.1:2525" });
    expect(outboxProviders()?.fallback).toBeUndefined();
    await setEmailEnv({ EMAIL_PROVIDER: "sendgrid" });
    expect(() => outboxProviders()).toThrow(EmailConfigError);
  });
});
