import { and, eq, isNull } from "drizzle-orm";
import { findUserByEmail } from "@/lib/accounts/users";
import { getDb, schema } from "@/lib/db";
import { errors } from "@/lib/http/errors";
import { loadFileFor } from "./access";
import { grantFileAccess, revokeFileAccess } from "./grant-file-access";
import type { Actor, FileShareDto } from "./types";

/**
 * Shares a file (owner or admin) with the account that has this email: read access through a
 * `share` grant. Answers 422 for an unknown email or the owner's own, 409 while the upload is
 * not finished. `created` is false when the user already had the share.
 *
 * The answer echoes the email as typed plus the grant's id and time, never the account's name or
 * id: a customer must not be able to learn who is behind an address by sharing a file with it. The
 * 422 for an unknown email stays (the owner must know the share did nothing); only owners of a
 * ready file can ask.
 */
export async function shareFile(
  caller: NonNullable<Actor>,
  id: string,
  email: string,
): Promise<{ grant: FileShareDto; created: boolean }> {
  const file = await loadFileFor(caller, id, "manage");
  if (file.status !== "ready") throw errors.conflict("file_not_ready", "O envio deste arquivo ainda não foi concluído.");
  const user = await findUserByEmail(email);
  if (!user) {
    throw errors.rule("user_not_found", "Não encontramos uma conta com este e-mail.", [{ path: "email", message: "Conta não encontrada." }]);
  }
  if (user.id === file.ownerId) throw errors.rule("grant_to_owner", "O dono do arquivo já tem acesso a ele.");
  const db = await getDb();
  const g = schema.fileGrants;
  const [existing] = await db
    .select({ id: g.id })
    .from(g)
    .where(and(eq(g.fileId, file.id), eq(g.userId, user.id), eq(g.reason, "share"), isNull(g.revokedAt)))
    .limit(1);
  const row = await grantFileAccess({ fileId: file.id, userId: user.id, reason: "share", grantedBy: caller.user.id }, db);
  const created = !existing;
  return { grant: { id: row.id, email: email.trim(), createdAt: row.createdAt.toISOString() }, created };
}

/** Removes a user's `share` grant (owner or admin). Purchases are revoked by refunds, not here. */
export async function unshareFile(caller: NonNullable<Actor>, id: string, userId: string): Promise<void> {
  const file = await loadFileFor(caller, id, "manage");
  const revoked = /^[0-9a-f-]{36}$/i.test(userId) && (await revokeFileAccess({ fileId: file.id, userId, reason: "share" }));
  if (!revoked) throw errors.notFound("Compartilhamento");
}
