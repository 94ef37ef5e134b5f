import { findUserByEmail, normalizeEmail, type UserRow } from "@/lib/accounts/users";
import { errors } from "@/lib/http/errors";
import { dummyHash, verifyPassword } from "./password";
import { recordSignInSuccess, takeSignInAttempt } from "./rate-limit";

/**
 * The one sign-in check, shared by the browser (next-auth credentials) and the mobile token route.
 * Unknown email and wrong password fail identically (same message, same work) so accounts cannot
 * be enumerated; repeated failures are limited per account and per client address.
 */
export async function verifyCredentials(emailInput: string, password: string, ip: string | undefined): Promise<UserRow> {
  const email = normalizeEmail(emailInput);
  await takeSignInAttempt(email, ip);
  const user = await findUserByEmail(email);
  const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyHash()));
  if (!user || !ok) throw errors.invalidCredentials();
  await recordSignInSuccess(email, ip);
  return user;
}

/**
 * The client address: the last x-forwarded-for hop, the one our load balancer appends (earlier
 * hops are whatever the client sent). Served by `next start` directly, Next sets the header only
 * when absent, so deploy behind a proxy that appends it.
 */
export function clientIp(headers: Headers | Record<string, string | string[] | undefined>): string | undefined {
  const raw =
    headers instanceof Headers
      ? (headers.get("x-forwarded-for") ?? headers.get("x-real-ip"))
      : (headers["x-forwarded-for"] ?? headers["x-real-ip"]);
  const value = Array.isArray(raw) ? raw[0] : raw;
  return value?.split(",").at(-1)?.trim() || undefined;
}
