import { eq } from "drizzle-orm";
import { type Executor, getDb, schema } from "@/lib/db";
import { errors } from "@/lib/http/errors";
import { hashPassword } from "@/lib/auth/password";
import { config } from "@/lib/config";
import { enqueueEmail } from "@/lib/email/outbox/enqueue";

export type UserRow = typeof schema.users.$inferSelect;
export type Role = UserRow["role"];

export interface PublicUser {
  id: string;
  name: string;
  email: string;
  role: Role;
}

export function toPublicUser(u: Pick<UserRow, "id" | "name" | "email" | "role">): PublicUser {
  return { id: u.id, name: u.name, email: u.email, role: u.role };
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function findUserByEmail(email: string, db?: Executor): Promise<UserRow | undefined> {
  const d = db ?? (await getDb());
  const [row] = await d.select().from(schema.users).where(eq(schema.users.email, normalizeEmail(email))).limit(1);
  return row;
}

export async function findUserById(id: string, db?: Executor): Promise<UserRow | undefined> {
  const d = db ?? (await getDb());
  const [row] = await d.select().from(schema.users).where(eq(schema.users.id, id)).limit(1);
  return row;
}

/**
 * Registers an account and enqueues its welcome email in the same transaction: the email exists
 * exactly when the account does (the outbox worker sends it). The unique index decides races: two
 * sign-ups with one email give one 409.
 */
export async function createUser(input: {
  name: string;
  email: string;
  password: string;
  role?: Role;
}): Promise<PublicUser> {
  const db = await getDb();
  const passwordHash = await hashPassword(input.password);
  const row = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(schema.users)
      .values({ name: input.name.trim(), email: normalizeEmail(input.email), passwordHash, role: input.role ?? "customer" })
      .onConflictDoNothing({ target: schema.users.email })
      .returning();
    if (!created) throw errors.conflict("email_taken", "Já existe uma conta com este e-mail.");
    await enqueueEmail(
      { template: "welcome", to: created.email, dedupeKey: `welcome:${created.id}`, props: { name: created.name, shopUrl: config().appUrl } },
      tx,
    );
    return created;
  });
  return toPublicUser(row);
}

/** Creates or updates an account as admin (used by the create-admin script and the dev seed). */
export async function upsertAdmin(input: { name: string; email: string; password: string }): Promise<PublicUser> {
  const db = await getDb();
  const passwordHash = await hashPassword(input.password);
  const [row] = await db
    .insert(schema.users)
    .values({ name: input.name, email: normalizeEmail(input.email), passwordHash, role: "admin" })
    .onConflictDoUpdate({
      target: schema.users.email,
      set: { passwordHash, role: "admin", updatedAt: new Date() },
    })
    .returning();
  return toPublicUser(row!);
}
