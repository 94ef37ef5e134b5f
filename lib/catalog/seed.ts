import { eq } from "drizzle-orm";
import { getDb, schema } from "@/lib/db";
import { seedCategories, seedProducts } from "./seed-data";

/**
 * Loads the starter catalog. Idempotent: rows that already exist (by slug) are left as they are,
 * so running it again never overwrites what an admin edited.
 */
export async function seedCatalog(): Promise<{ categories: number; products: number }> {
  const db = await getDb();
  let products = 0;
  await db.insert(schema.categories).values(seedCategories).onConflictDoNothing({ target: schema.categories.slug });
  const cats = await db.select().from(schema.categories);
  const bySlug = new Map(cats.map((c) => [c.slug, c.id]));
  for (const p of seedProducts) {
    const [row] = await db
      .insert(schema.products)
      .values({
        slug: p.slug,
        name: p.name,
        description: p.description,
        categoryId: bySlug.get(p.category)!,
        kind: p.kind,
        priceCents: p.priceCents,
        stock: p.stock,
      })
      .onConflictDoNothing({ target: schema.products.slug })
      .returning({ id: schema.products.id });
    if (!row) continue;
    products++;
    await db.insert(schema.productImages).values({ productId: row.id, url: `/products/${p.slug}.svg`, alt: p.name });
  }
  return { categories: seedCategories.length, products };
}

export async function isCatalogEmpty(): Promise<boolean> {
  const db = await getDb();
  const rows = await db.select({ id: schema.products.id }).from(schema.products).where(eq(schema.products.active, true)).limit(1);
  return rows.length === 0;
}
