import { eq, inArray, sql } from "drizzle-orm";
import { getDb, schema } from "@/lib/db";
import { errors } from "@/lib/http/errors";

/**
 * Failed sign-in limits, in the database so they hold across processes: per account and per client
 * address, fixed windows. A success clears the account's counter.
 */
export const SIGN_IN_LIMITS = {
  windowSeconds: 15 * 60,
  perAccount: 5,
  perIp: 30,
};

export function signInKeys(email: string, ip: string | undefined) {
  return { account: `signin:email:${email}`, ip: ip ? `signin:ip:${ip}` : undefined };
}

/** Throws 429 with retry-after when either key is over its limit inside the current window. */
export async function assertNotRateLimited(email: string, ip: string | undefined): Promise<void> {
  const db = await getDb();
  const keys = signInKeys(email, ip);
  const wanted = [keys.account, ...(keys.ip ? [keys.ip] : [])];
  const rows = await db.select().from(schema.rateLimits).where(inArray(schema.rateLimits.key, wanted));
  const now = Date.now();
  for (const row of rows) {
    const limit = row.key === keys.account ? SIGN_IN_LIMITS.perAccount : SIGN_IN_LIMITS.perIp;
    const windowEnd = row.windowStartedAt.getTime() + SIGN_IN_LIMITS.windowSeconds * 1000;
    if (row.count >= limit && windowEnd > now) throw errors.rateLimited((windowEnd - now) / 1000);
  }
}

/** Counts one failure against each key, starting a new window when the old one ran out. */
export async function recordSignInFailure(email: string, ip: string | undefined): Promise<void> {
  const db = await getDb();
  const keys = signInKeys(email, ip);
  const window = sql.raw(`interval '${SIGN_IN_LIMITS.windowSeconds} seconds'`);
  for (const key of [keys.account, keys.ip]) {
    if (!key) continue;
    await db
      .insert(schema.rateLimits)
      .values({ key, count: 1, windowStartedAt: new Date() })
      .onConflictDoUpdate({
        target: schema.rateLimits.key,
        set: {
          count: sql`case when ${schema.rateLimits.windowStartedAt} + ${window} < now() then 1 else ${schema.rateLimits.count} + 1 end`,
          windowStartedAt: sql`case when ${schema.rateLimits.windowStartedAt} + ${window} < now() then now() else ${schema.rateLimits.windowStartedAt} end`,
        },
      });
  }
}

export async function clearSignInFailures(email: string): Promise<void> {
  const db = await getDb();
  await db.delete(schema.rateLimits).where(eq(schema.rateLimits.key, signInKeys(email, undefined).account));
}
