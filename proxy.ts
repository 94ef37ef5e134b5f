import { type NextRequest, NextResponse } from "next/server";
import { config as appConfig } from "@/lib/config";
import { securityHeaders } from "@/lib/http/security-headers";

function origin(url: string | undefined): string[] {
  if (!url) return [];
  try {
    return [new URL(url).origin];
  } catch {
    return [];
  }
}

/** Every page response gets a request id and the security headers (API routes set their own id). */
export function proxy(req: NextRequest) {
  // Defense in depth for /admin: no session cookie at all → sign in first. Every admin page also
  // checks the role itself (requireAdmin), which is the real gate.
  if (req.nextUrl.pathname === "/admin" || req.nextUrl.pathname.startsWith("/admin/")) {
    const hasSession = req.cookies.getAll().some((c) => /^(__Secure-)?next-auth\.session-token(\.\d+)?$/.test(c.name));
    if (!hasSession) {
      const login = new URL("/login", req.url);
      login.searchParams.set("callbackUrl", req.nextUrl.pathname);
      return NextResponse.redirect(login);
    }
  }
  const given = req.headers.get("x-request-id");
  const requestId = given && /^[A-Za-z0-9._:-]{1,128}$/.test(given) ? given : crypto.randomUUID();
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const cfg = appConfig();
  const storage = [...origin(cfg.s3.endpoint), ...origin(cfg.cdn.baseUrl)];
  if (cfg.s3.bucket && !cfg.s3.endpoint) storage.push(`https://${cfg.s3.bucket}.s3.${cfg.s3.region}.amazonaws.com`);
  // The browser's DSN, as inlined into this build (like instrumentation-client.ts reads it): the
  // CSP must allow what the bundle will call, not what the server's environment says at run time.
  const sentry = origin(process.env.NEXT_PUBLIC_SENTRY_DSN);
  const h = securityHeaders({
    production: cfg.isProduction,
    https: cfg.appUrl.startsWith("https://"),
    extraConnect: [...storage, ...sentry],
    extraImg: storage,
    nonce,
  });
  // Next reads the CSP from the request to put the nonce on the scripts it renders.
  const headers = new Headers(req.headers);
  headers.set("x-request-id", requestId);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", h["content-security-policy"]!);
  const res = NextResponse.next({ request: { headers } });
  res.headers.set("x-request-id", requestId);
  for (const [k, v] of Object.entries(h)) res.headers.set(k, v);
  return res;
}

export const config = {
  // Not the API: its routes set their own request id and headers (lib/http/respond.ts), and running
  // the proxy for every API request halved GET /api/health's requests/s in `npm run bench`.
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico).*)", "/api/auth/:path*"],
};
