import { and, eq, gt, sql } from "drizzle-orm";
import { getDb, schema } from "@/lib/db";
import { errors } from "@/lib/http/errors";

/**
 * Sign-in limits, in the database so they hold across processes: per account and per client
 * address, fixed windows. Each attempt is counted atomically *before* the password is checked
 * (so a parallel burst cannot slip past a read-then-write check); a successful sign-in gives its
 * attempt back, so only failures use up the allowance.
 */
export const SIGN_IN_LIMITS = {
  windowSeconds: 15 * 60,
  perAccount: 5,
  perIp: 30,
};

export function signInKeys(email: string, ip: string | undefined) {
  return { account: `signin:email:${email}`, ip: ip ? `signin:ip:${ip}` : undefined };
}

async function count(key: string): Promise<{ count: number; windowStartedAt: Date }> {
  const db = await getDb();
  const window = sql.raw(`interval '${SIGN_IN_LIMITS.windowSeconds} seconds'`);
  const [row] = await db
    .insert(schema.rateLimits)
    .values({ key, count: 1, windowStartedAt: new Date() })
    .onConflictDoUpdate({
      target: schema.rateLimits.key,
      set: {
        count: sql`case when ${schema.rateLimits.windowStartedAt} + ${window} < now() then 1 else ${schema.rateLimits.count} + 1 end`,
        windowStartedAt: sql`case when ${schema.rateLimits.windowStartedAt} + ${window} < now() then now() else ${schema.rateLimits.windowStartedAt} end`,
      },
    })
    .returning({ count: schema.rateLimits.count, windowStartedAt: schema.rateLimits.windowStartedAt });
  return row!;
}

/** Counts this sign-in attempt against the account and the address; 429 with retry-after when over. */
export async function takeSignInAttempt(email: string, ip: string | undefined): Promise<void> {
  const keys = signInKeys(email, ip);
  const checks: [string, number][] = [[keys.account, SIGN_IN_LIMITS.perAccount]];
  if (keys.ip) checks.push([keys.ip, SIGN_IN_LIMITS.perIp]);
  for (const [key, limit] of checks) {
    const row = await count(key);
    if (row.count > limit) {
      const windowEnd = row.windowStartedAt.getTime() + SIGN_IN_LIMITS.windowSeconds * 1000;
      throw errors.rateLimited((windowEnd - Date.now()) / 1000);
    }
  }
}

/** A successful sign-in: the account's counter resets and the address gets its attempt back. */
export async function recordSignInSuccess(email: string, ip: string | undefined): Promise<void> {
  const db = await getDb();
  const keys = signInKeys(email, ip);
  await db.delete(schema.rateLimits).where(eq(schema.rateLimits.key, keys.account));
  if (keys.ip) {
    await db
      .update(schema.rateLimits)
      .set({ count: sql`${schema.rateLimits.count} - 1` })
      .where(and(eq(schema.rateLimits.key, keys.ip), gt(schema.rateLimits.count, 0)));
  }
}

/** Clears an account's counter (after a password reset, the owner proved who they are). */
export async function clearSignInFailures(email: string): Promise<void> {
  const db = await getDb();
  await db.delete(schema.rateLimits).where(eq(schema.rateLimits.key, signInKeys(email, undefined).account));
}
