/**
 * A same-site path to go back to after signing in, or "/". Anything that a browser could resolve to
 * another origin (`//evil.com`, `/\evil.com`, tabs or newlines inside, absolute URLs) is refused.
 */
export function safeRedirectPath(raw: string | string[] | undefined | null): string {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!value || !value.startsWith("/") || value.startsWith("//")) return "/";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
  if (/[\\\u0000-\u001f\u007f]/.test(value)) return "/";
  const base = "http://onlywave.invalid";
  try {
    const url = new URL(value, base);
    if (url.origin !== base) return "/";
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return "/";
  }
}
