import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull } from "drizzle-orm";
import { type Executor, getDb, schema } from "@/lib/db";
import type { UserRow } from "@/lib/accounts/users";

/** Mobile bearer tokens live 30 days; they are opaque, stored hashed and revocable. */
export const TOKEN_TTL_MS = 30 * 24 * 60 * 60 * 1000;
const PREFIX = "owt_";

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export async function issueToken(userId: string, deviceName?: string): Promise<{ token: string; expiresAt: Date }> {
  const db = await getDb();
  const token = PREFIX + randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + TOKEN_TTL_MS);
  await db.insert(schema.apiTokens).values({
    userId,
    tokenHash: hashToken(token),
    deviceName: deviceName?.trim() || null,
    expiresAt,
  });
  return { token, expiresAt };
}

/** The live token's row and its user, or undefined when unknown, revoked or expired. */
export async function findActiveToken(token: string): Promise<{ tokenId: string; user: UserRow } | undefined> {
  if (!token.startsWith(PREFIX)) return undefined;
  const db = await getDb();
  const [row] = await db
    .select({ tokenId: schema.apiTokens.id, user: schema.users })
    .from(schema.apiTokens)
    .innerJoin(schema.users, eq(schema.users.id, schema.apiTokens.userId))
    .where(
      and(
        eq(schema.apiTokens.tokenHash, hashToken(token)),
        isNull(schema.apiTokens.revokedAt),
        gt(schema.apiTokens.expiresAt, new Date()),
      ),
    )
    .limit(1);
  return row;
}

export async function revokeToken(tokenId: string): Promise<void> {
  const db = await getDb();
  await db.update(schema.apiTokens).set({ revokedAt: new Date() }).where(eq(schema.apiTokens.id, tokenId));
}

/** Revokes every live token of a user; pass a transaction to do it atomically with a password change. */
export async function revokeAllTokens(userId: string, executor?: Executor): Promise<void> {
  const db = executor ?? (await getDb());
  await db
    .update(schema.apiTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(schema.apiTokens.userId, userId), isNull(schema.apiTokens.revokedAt)));
}
