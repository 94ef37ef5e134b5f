import { type AppConfig, config } from "@/lib/config";
import { createEmailProvider, type EmailAddress, type EmailProvider, type EmailProviderName } from "@/lib/email/providers";

/** What the worker sends through: the configured provider and, optionally, a different fallback. */
export interface OutboxProviders {
  primary: EmailProvider;
  fallback?: EmailProvider;
  /** The `From:` of every email, parsed from `EMAIL_FROM`. */
  from: EmailAddress;
}

/** `EMAIL_PROVIDER` names a provider whose credentials are missing: a deployment mistake. */
export class EmailConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EmailConfigError";
  }
}

/**
 * `"OnlyWave <nao-responda@onlywave.com.br>"` → `{ name, email }`. SendGrid's API wants the two
 * apart (a display name inside `email` is a 400), SMTP accepts either.
 */
export function parseFromAddress(from: string): EmailAddress {
  const match = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(from);
  if (!match) return { email: from.trim() };
  const name = match[1]?.trim();
  return name ? { email: match[2]!.trim(), name } : { email: match[2]!.trim() };
}

function build(name: EmailProviderName, email: AppConfig["email"]): EmailProvider {
  if (name === "sendgrid") {
    if (!email.sendgrid.apiKey) throw new EmailConfigError("EMAIL_PROVIDER/EMAIL_FALLBACK_PROVIDER is sendgrid but SENDGRID_API_KEY is unset");
    return createEmailProvider({ provider: "sendgrid", apiKey: email.sendgrid.apiKey, apiUrl: email.sendgrid.apiUrl });
  }
  if (!email.smtpUrl) throw new EmailConfigError("EMAIL_PROVIDER/EMAIL_FALLBACK_PROVIDER is smtp but SMTP_URL is unset");
  return createEmailProvider({ provider: "smtp", smtpUrl: email.smtpUrl });
}

const KEY = Symbol.for("onlywave.emailOutboxProviders");
type Cached = { signature: string; providers: OutboxProviders | null };
type Holder = { [KEY]?: Cached };

/**
 * The providers built from `config().email`, or null when no provider is configured (the worker then
 * leaves mail queued). Cached on globalThis because the SMTP provider holds a connection pool that
 * every bundle and every worker pass should share; rebuilt (old pool closed) when the email
 * configuration changes, e.g. a test that edits env and calls `resetConfig()`.
 */
export function outboxProviders(): OutboxProviders | null {
  const email = config().email;
  const signature = JSON.stringify(email);
  const g = globalThis as Holder;
  const cached = g[KEY];
  if (cached?.signature === signature) return cached.providers;
  if (cached?.providers) void closeProviders(cached.providers);
  let providers: OutboxProviders | null = null;
  if (email.provider) {
    const primary = build(email.provider, email);
    const fallbackName = email.fallbackProvider && email.fallbackProvider !== email.provider ? email.fallbackProvider : undefined;
    providers = { primary, from: parseFromAddress(email.from), ...(fallbackName ? { fallback: build(fallbackName, email) } : {}) };
  }
  g[KEY] = { signature, providers };
  return providers;
}

async function closeProviders(p: OutboxProviders): Promise<void> {
  await Promise.allSettled([p.primary.close?.(), p.fallback?.close?.()]);
}

/** Closes pooled connections and forgets the cache (shutdown, tests). */
export async function closeOutboxProviders(): Promise<void> {
  const g = globalThis as Holder;
  const cached = g[KEY];
  delete g[KEY];
  if (cached?.providers) await closeProviders(cached.providers);
}
