import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { createUser, type PublicUser } from "@/lib/accounts/users";
import { issueToken } from "@/lib/auth/tokens";
import { getDb, schema } from "@/lib/db";
import { uniqueEmail } from "./http";

export interface TestUser {
  user: PublicUser;
  token: string;
  password: string;
}

/** A real account with a real bearer token. */
export async function makeUser(opts: { role?: "customer" | "admin"; name?: string } = {}): Promise<TestUser> {
  const password = `senha-${randomUUID()}`;
  const user = await createUser({ name: opts.name ?? "Maria Teste", email: uniqueEmail(opts.role ?? "user"), password });
  if (opts.role === "admin") {
    const db = await getDb();
    await db.update(schema.users).set({ role: "admin" }).where(eq(schema.users.id, user.id));
    user.role = "admin";
  }
  const { token } = await issueToken(user.id, "vitest");
  return { user, token, password };
}

/** A category and product of our own, so tests never depend on (or disturb) the seed catalog. */
export async function makeProduct(
  overrides: Partial<typeof schema.products.$inferInsert> = {},
): Promise<typeof schema.products.$inferSelect> {
  const db = await getDb();
  const tag = randomUUID().slice(0, 8);
  const [cat] = await db
    .insert(schema.categories)
    .values({ slug: `cat-${tag}`, name: `Categoria ${tag}` })
    .returning();
  const [product] = await db
    .insert(schema.products)
    .values({
      slug: `produto-${tag}`,
      name: `Produto ${tag}`,
      description: "Produto de teste",
      categoryId: cat!.id,
      kind: "physical",
      priceCents: 10_000,
      stock: 10,
      ...overrides,
    })
    .returning();
  return product!;
}
