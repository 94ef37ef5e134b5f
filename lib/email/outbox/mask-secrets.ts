import type { RenderedEmail } from "@/emails";

/**
 * Props that grant access on their own. Whoever reads them can act as the recipient (a reset link
 * takes over the account), so the admin preview shows the email with them masked.
 */
const SECRET_PROPS: Record<string, readonly string[]> = {
  "password-reset": ["resetUrl"],
};

export const MASK = "[link oculto]";

function htmlEscape(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** The rendered email with every secret prop value (raw or HTML-escaped) replaced by `MASK`. */
export function maskSecrets(template: string, props: unknown, content: RenderedEmail): RenderedEmail {
  const names = SECRET_PROPS[template] ?? [];
  const record = props && typeof props === "object" ? (props as Record<string, unknown>) : {};
  const values = names.map((n) => record[n]).filter((v): v is string => typeof v === "string" && v.length >= 8);
  const mask = (text: string) =>
    values.reduce((acc, v) => acc.split(v).join(MASK).split(htmlEscape(v)).join(MASK), text);
  return { subject: mask(content.subject), html: mask(content.html), text: mask(content.text) };
}
