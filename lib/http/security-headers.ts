/**
 * Security headers for pages. Built at run time (not in next.config) because the storage and
 * CDN origins the browser must reach come from the environment.
 */
export function securityHeaders(opts: {
  production: boolean;
  https: boolean;
  extraConnect: string[];
  extraImg: string[];
  /** Per-request nonce: only scripts Next renders with it (and what they load) may run. */
  nonce: string;
}): Record<string, string> {
  const connect = ["'self'", ...opts.extraConnect].join(" ");
  const img = ["'self'", "data:", "blob:", ...opts.extraImg].join(" ");
  const script = `'self' 'nonce-${opts.nonce}' 'strict-dynamic'${opts.production ? "" : " 'unsafe-eval'"}`;
  const csp = [
    "default-src 'self'",
    `script-src ${script}`,
    "style-src 'self' 'unsafe-inline'",
    `img-src ${img}`,
    `media-src ${img}`,
    "font-src 'self' data:",
    `connect-src ${connect}${opts.production ? "" : " ws: wss:"}`,
    `frame-src 'self' ${opts.extraImg.join(" ")}`.trim(),
    "frame-ancestors 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join("; ");
  return {
    ...apiSecurityHeaders(opts),
    "content-security-policy": csp,
    "x-frame-options": "DENY",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=()",
    "cross-origin-opener-policy": "same-origin",
  };
}

const HSTS = "max-age=63072000; includeSubDomains; preload";

/**
 * The headers every API answer carries (the route wrapper adds them; the proxy leaves /api alone). No
 * CSP: JSON is never rendered as a page, and a few answers (redirects, health) are not JSON.
 */
export function apiSecurityHeaders(opts: { production: boolean; https: boolean }): Record<string, string> {
  const headers: Record<string, string> = {
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
  };
  if (opts.production && opts.https) headers["strict-transport-security"] = HSTS;
  return headers;
}
