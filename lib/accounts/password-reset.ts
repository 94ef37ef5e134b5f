import { randomBytes } from "node:crypto";
import { and, count, eq, gt, isNull, sql } from "drizzle-orm";
import { findUserByEmail } from "@/lib/accounts/users";
import { hashPassword } from "@/lib/auth/password";
import { clearSignInFailures } from "@/lib/auth/rate-limit";
import { hashToken, revokeAllTokens } from "@/lib/auth/tokens";
import { config } from "@/lib/config";
import { getDb, schema } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/outbox/enqueue";
import { kickOutbox } from "@/lib/email/outbox/worker";
import { errors } from "@/lib/http/errors";

/** A reset link works for one hour, once. */
export const RESET_TTL_MS = 60 * 60 * 1000;

/**
 * At most this many reset emails per account per window. Light on purpose: it only stops someone
 * from flooding a mailbox through our form; the answer stays 202 either way, so it reveals nothing.
 */
export const RESET_REQUEST_LIMIT = { windowMs: 15 * 60 * 1000, max: 3 };

const { passwordResets, users } = schema;

/**
 * POST /api/password-resets. Creates a single-use token and enqueues the reset email, in one
 * transaction, when the address has an account; does nothing otherwise. The caller answers 202 in
 * both cases so the form cannot be used to find out who has an account. Only the token's SHA-256 is
 * stored; the token itself exists only in the email's link.
 */
export async function requestPasswordReset(emailInput: string): Promise<void> {
  const user = await findUserByEmail(emailInput);
  if (!user) return;
  const token = randomBytes(32).toString("base64url");
  const db = await getDb();
  const enqueued = await db.transaction(async (tx) => {
    // Serialises concurrent requests for the same account so the limit below holds.
    await tx.select({ id: users.id }).from(users).where(eq(users.id, user.id)).for("update");
    const since = new Date(Date.now() - RESET_REQUEST_LIMIT.windowMs);
    const [recent] = await tx
      .select({ n: count() })
      .from(passwordResets)
      .where(and(eq(passwordResets.userId, user.id), gt(passwordResets.createdAt, since)));
    if (Number(recent?.n ?? 0) >= RESET_REQUEST_LIMIT.max) return false;
    const [reset] = await tx
      .insert(passwordResets)
      .values({ userId: user.id, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + RESET_TTL_MS) })
      .returning({ id: passwordResets.id });
    await enqueueEmail(
      {
        template: "password-reset",
        to: user.email,
        dedupeKey: `password-reset:${reset!.id}`,
        props: {
          name: user.name,
          resetUrl: `${config().appUrl}/reset-password/${token}`,
          expiresInMinutes: RESET_TTL_MS / 60_000,
        },
      },
      tx,
    );
    return true;
  });
  if (enqueued) kickOutbox();
}

/**
 * POST /api/password-resets/{token}. Consumes the token with one conditional UPDATE (unused and not
 * expired), so two concurrent uses cannot both succeed; then, in the same transaction, sets the new
 * password, bumps `sessionVersion` (every cookie session ends) and revokes every bearer token and
 * every other outstanding reset link of the account. 422 `invalid_reset_token` for an unknown, used
 * or expired token.
 */
export async function resetPassword(token: string, password: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  const db = await getDb();
  const email = await db.transaction(async (tx) => {
    const now = new Date();
    const [consumed] = await tx
      .update(passwordResets)
      .set({ usedAt: now })
      .where(and(eq(passwordResets.tokenHash, hashToken(token)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, now)))
      .returning({ userId: passwordResets.userId });
    if (!consumed) return null;
    const [user] = await tx
      .update(users)
      .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: now })
      .where(eq(users.id, consumed.userId))
      .returning({ email: users.email });
    // Inside this transaction: the password never changes while the old tokens keep working.
    await revokeAllTokens(consumed.userId, tx);
    await tx
      .update(passwordResets)
      .set({ usedAt: now })
      .where(and(eq(passwordResets.userId, consumed.userId), isNull(passwordResets.usedAt)));
    return user?.email ?? null;
  });
  if (email === null) {
    throw errors.rule("invalid_reset_token", "Este link de redefinição é inválido, já foi usado ou expirou. Peça um novo.");
  }
  // Whoever locked the account out by guessing should not keep the owner out after the reset.
  await clearSignInFailures(email);
}
