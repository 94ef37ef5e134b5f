/**
 * What the browser sign-in form can learn from next-auth: only the `error` string, taken from the
 * thrown message (credentials provider) or next-auth's own code. A rate-limited attempt carries
 * the seconds to wait, the same value POST /api/tokens sends as retry-after.
 * No server imports: the sign-in form (a client component) uses this.
 */
const RATE_LIMITED = "rate_limited";

/** The error message `authorize` throws when the sign-in limit is hit. */
export function rateLimitedSignInError(retryAfterSeconds: number): string {
  const seconds = Number.isFinite(retryAfterSeconds) ? Math.max(1, Math.ceil(retryAfterSeconds)) : 0;
  return seconds ? `${RATE_LIMITED}:${seconds}` : RATE_LIMITED;
}

/** The pt-BR message the sign-in form shows for next-auth's `error`. */
export function signInErrorMessage(error: string | null | undefined): string {
  if (error === "CredentialsSignin") return "E-mail ou senha inválidos.";
  if (error === RATE_LIMITED || error?.startsWith(`${RATE_LIMITED}:`)) {
    const seconds = Number(error.slice(RATE_LIMITED.length + 1));
    if (!Number.isFinite(seconds) || seconds <= 0) return "Muitas tentativas seguidas. Aguarde alguns minutos e tente de novo.";
    const minutes = Math.ceil(seconds / 60);
    return `Muitas tentativas seguidas. Tente novamente em ${minutes} ${minutes === 1 ? "minuto" : "minutos"}.`;
  }
  return "Não foi possível entrar. Tente novamente.";
}
