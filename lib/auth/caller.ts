import { decode } from "next-auth/jwt";
import { config } from "@/lib/config";
import { findUserById, type PublicUser, toPublicUser } from "@/lib/accounts/users";
import { findActiveToken } from "./tokens";

export interface Caller {
  user: PublicUser;
  via: "session" | "bearer";
  /** Set when the caller used a bearer token. */
  tokenId?: string;
}

export const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

/** Claims OnlyWave adds to the next-auth JWT. */
export interface SessionClaims {
  uid?: string;
  role?: string;
  sv?: number;
}

function readCookie(cookieHeader: string | null, name: string): string | undefined {
  if (!cookieHeader) return undefined;
  // next-auth splits big JWTs into name.0, name.1, ... chunks.
  const jar = new Map<string, string>();
  for (const part of cookieHeader.split(";")) {
    const i = part.indexOf("=");
    if (i > 0) jar.set(part.slice(0, i).trim(), decodeURIComponent(part.slice(i + 1).trim()));
  }
  if (jar.has(name)) return jar.get(name);
  const chunks: string[] = [];
  for (let n = 0; jar.has(`${name}.${n}`); n++) chunks.push(jar.get(`${name}.${n}`)!);
  return chunks.length ? chunks.join("") : undefined;
}

/** Resolves the caller from a next-auth session cookie value. */
export async function callerFromSessionToken(raw: string | undefined): Promise<Caller | null> {
  if (!raw) return null;
  let claims: (SessionClaims & Record<string, unknown>) | null = null;
  try {
    claims = (await decode({ token: raw, secret: config().authSecret })) as SessionClaims & Record<string, unknown>;
  } catch {
    return null;
  }
  if (!claims?.uid) return null;
  const user = await findUserById(claims.uid);
  // A password change bumps sessionVersion: sessions issued before it stop working at once.
  if (!user || user.sessionVersion !== claims.sv) return null;
  return { user: toPublicUser(user), via: "session" };
}

/**
 * Who is calling: a bearer token (mobile) or the next-auth session cookie (browser). Every route
 * resolves its caller here, so both ways of signing in behave the same.
 */
export async function resolveCaller(headers: Headers): Promise<Caller | null> {
  const auth = headers.get("authorization");
  if (auth) {
    const match = /^Bearer\s+(\S+)$/i.exec(auth.trim());
    if (!match) return null;
    const found = await findActiveToken(match[1]!);
    return found ? { user: toPublicUser(found.user), via: "bearer", tokenId: found.tokenId } : null;
  }
  const cookieHeader = headers.get("cookie");
  for (const name of SESSION_COOKIES) {
    const value = readCookie(cookieHeader, name);
    if (value) return callerFromSessionToken(value);
  }
  return null;
}
