import { findUserByEmail, normalizeEmail, type UserRow } from "@/lib/accounts/users";
import { errors } from "@/lib/http/errors";
import { dummyHash, verifyPassword } from "./password";
import { assertNotRateLimited, clearSignInFailures, recordSignInFailure } from "./rate-limit";

/**
 * The one sign-in check, shared by the browser (next-auth credentials) and the mobile token route.
 * Unknown email and wrong password fail identically (same message, same work) so accounts cannot
 * be enumerated; repeated failures are limited per account and per client address.
 */
export async function verifyCredentials(emailInput: string, password: string, ip: string | undefined): Promise<UserRow> {
  const email = normalizeEmail(emailInput);
  await assertNotRateLimited(email, ip);
  const user = await findUserByEmail(email);
  const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyHash()));
  if (!user || !ok) {
    await recordSignInFailure(email, ip);
    throw errors.invalidCredentials();
  }
  await clearSignInFailures(email);
  return user;
}

/** The client address as the first hop in x-forwarded-for (set by Next or the load balancer). */
export function clientIp(headers: Headers | Record<string, string | string[] | undefined>): string | undefined {
  const raw =
    headers instanceof Headers
      ? (headers.get("x-forwarded-for") ?? headers.get("x-real-ip"))
      : (headers["x-forwarded-for"] ?? headers["x-real-ip"]);
  const value = Array.isArray(raw) ? raw[0] : raw;
  return value?.split(",")[0]?.trim() || undefined;
}
