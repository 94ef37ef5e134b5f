/**
 * Removes personal data and secrets from anything that leaves the process for a third party
 * (Sentry events) or lands in logs. Isomorphic on purpose: the browser Sentry client uses the very
 * same rules as the server and edge runtimes.
 */

export const FILTERED = "[Filtered]";

/** Keys whose values are never sent, whatever they contain. */
const SENSITIVE_KEY =
  /pass(word)?|secret|token|authori[sz]ation|cookie|api[-_]?key|card|cvv|cvc|security[-_]?code|signature|credential|session|e-?mail|cpf|cnpj|identification|phone|payer|address|^data$|^body$/i;

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const AUTH_HEADER = /\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{6,}/gi;
const MP_TOKEN = /\b(APP_USR|TEST)-[A-Za-z0-9-]{16,}/g;
const SENDGRID_KEY = /\bSG\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g;
const SECRET_QUERY =
  /([?&](?:token|access_token|api_key|apikey|key|signature|x-amz-signature|x-amz-credential|x-amz-security-token|code|password|secret)=)[^&#\s"']*/gi;
/**
 * Password-reset links carry their single-use token as a path segment (`/reset-password/<token>`,
 * `/api/password-resets/<token>`), where SECRET_QUERY does not look: request URLs, transaction and
 * span names, navigation and fetch breadcrumbs would all hand a working reset link to Sentry.
 */
const RESET_TOKEN_PATH = /(\/(?:reset-password|api\/password-resets)\/)([^/?#\s"'<>]+)/gi;
/** Route patterns (`[token]`, `{token}`, `:token`) name the segment; they are not secrets. */
const ROUTE_PARAM = /^(?:\[[^\]]*\]|\{[^}]*\}|:\w+)$/;
/** Drizzle puts the bound parameters (emails, hashes, amounts) into the error message. */
const DRIZZLE_PARAMS = /(\nparams: )[\s\S]*$/;
const CARD_CANDIDATE = /\b\d(?:[ -]?\d){12,18}\b/g;

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/**
 * Masks emails, bearer/basic credentials, provider keys, secret query parameters, password-reset
 * tokens in URL paths and card numbers.
 */
export function scrubString(value: string): string {
  return value
    .replace(DRIZZLE_PARAMS, `$1${FILTERED}`)
    .replace(EMAIL, "[email]")
    .replace(AUTH_HEADER, `$1 ${FILTERED}`)
    .replace(MP_TOKEN, FILTERED)
    .replace(SENDGRID_KEY, FILTERED)
    .replace(SECRET_QUERY, `$1${FILTERED}`)
    .replace(RESET_TOKEN_PATH, (match, prefix: string, segment: string) => (ROUTE_PARAM.test(segment) ? match : `${prefix}${FILTERED}`))
    .replace(CARD_CANDIDATE, (m) => (luhn(m.replace(/[ -]/g, "")) ? "[card]" : m));
}

/** True for object keys whose values must never leave the process. */
export function isSensitiveKey(key: string): boolean {
  return SENSITIVE_KEY.test(key);
}

/**
 * A copy of `value` with sensitive keys filtered and every string scrubbed. Depth-limited and
 * cycle-safe, since Sentry contexts can hold arbitrary objects.
 */
export function scrubDeep(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === "string") return scrubString(value);
  if (value === null || typeof value !== "object") return value;
  if (seen.has(value)) return "[Circular]";
  if (depth > 8) return "[Truncated]";
  seen.add(value);
  if (Array.isArray(value)) return value.map((v) => scrubDeep(v, depth + 1, seen));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = isSensitiveKey(k) && v !== null && v !== undefined ? FILTERED : scrubDeep(v, depth + 1, seen);
  }
  return out;
}
