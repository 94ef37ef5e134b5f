import { and, asc, eq, gt, ilike, inArray, or, type SQL, sql } from "drizzle-orm";
import { type Executor, getDb, schema } from "@/lib/db";
import { errors } from "@/lib/http/errors";
import { variantUrls } from "@/lib/files/image-variants";
import { decodeKeyset, type Page, toPage } from "@/lib/http/pagination";
import { assertDownloadFile, imagesFromFiles } from "./product-files";

const { products, categories, productImages } = schema;

/** A product as the storefront and anonymous API callers see it. */
export interface Product {
  id: string;
  slug: string;
  name: string;
  description: string;
  category: string;
  categoryName: string;
  kind: "physical" | "digital";
  priceCents: number;
  currency: string;
  stock: number;
  active: boolean;
  images: ProductImage[];
}

/**
 * What admins (product editing) also see: the file buyers of a digital product are granted. Kept
 * out of the public shape, so it never reaches anonymous callers.
 */
export interface AdminProduct extends Product {
  downloadFileId: string | null;
}

function toPublic(product: AdminProduct): Product {
  const { downloadFileId: _, ...rest } = product;
  return rest;
}

/**
 * A product image. Uploaded ones also have their pixel size and narrower WebP copies for `srcset`;
 * images shipped with the app (the seed's SVGs) have neither.
 */
export interface ProductImage {
  fileId: string | null;
  url: string;
  width: number | null;
  height: number | null;
  variants: { width: number; url: string }[];
}

type Row = typeof products.$inferSelect & { categorySlug: string; categoryName: string };

const columns = {
  id: products.id,
  slug: products.slug,
  name: products.name,
  description: products.description,
  categoryId: products.categoryId,
  kind: products.kind,
  priceCents: products.priceCents,
  currency: products.currency,
  stock: products.stock,
  active: products.active,
  downloadFileId: products.downloadFileId,
  createdAt: products.createdAt,
  updatedAt: products.updatedAt,
  categorySlug: categories.slug,
  categoryName: categories.name,
};

async function withImages(db: Executor, rows: Row[]): Promise<AdminProduct[]> {
  if (rows.length === 0) return [];
  const images = await db
    .select({
      productId: productImages.productId,
      fileId: productImages.fileId,
      url: productImages.url,
      key: schema.files.key,
      width: schema.files.width,
      height: schema.files.height,
    })
    .from(productImages)
    .leftJoin(schema.files, eq(schema.files.id, productImages.fileId))
    .where(
      inArray(
        productImages.productId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(asc(productImages.position));
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    name: r.name,
    description: r.description,
    category: r.categorySlug,
    categoryName: r.categoryName,
    kind: r.kind,
    priceCents: r.priceCents,
    currency: r.currency,
    stock: r.stock,
    active: r.active,
    downloadFileId: r.downloadFileId,
    images: images
      .filter((i) => i.productId === r.id)
      .map((i) => ({ fileId: i.fileId, url: i.url, width: i.width, height: i.height, variants: variantUrls(i) })),
  }));
}

function escapeLike(q: string): string {
  return q.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export interface ProductQuery {
  q?: string;
  category?: string;
  cursor?: string;
  limit: number;
  includeInactive?: boolean;
}

/** Active products by name, with search, category filter and keyset pagination. */
export async function listProducts(query: ProductQuery): Promise<Page<Product>> {
  const db = await getDb();
  const where: SQL[] = [];
  if (!query.includeInactive) where.push(eq(products.active, true));
  if (query.category) where.push(eq(categories.slug, query.category));
  const q = query.q?.trim();
  if (q) {
    const pattern = `%${escapeLike(q)}%`;
    where.push(or(ilike(products.name, pattern), ilike(products.description, pattern), ilike(categories.name, pattern))!);
  }
  const after = decodeKeyset(query.cursor, ["string", "uuid"]);
  if (after) {
    const [name, id] = after;
    where.push(or(gt(products.name, name), and(eq(products.name, name), gt(products.id, id)))!);
  }
  const rows = await db
    .select(columns)
    .from(products)
    .innerJoin(categories, eq(categories.id, products.categoryId))
    .where(and(...where))
    .orderBy(asc(products.name), asc(products.id))
    .limit(query.limit + 1);
  const page = toPage(rows, query.limit, (r) => r, (r) => [r.name, r.id]);
  return { data: (await withImages(db, page.data)).map(toPublic), nextCursor: page.nextCursor };
}

export async function getProductBySlug(slug: string, opts: { includeInactive?: boolean } = {}): Promise<Product> {
  const db = await getDb();
  const rows = await db
    .select(columns)
    .from(products)
    .innerJoin(categories, eq(categories.id, products.categoryId))
    .where(and(eq(products.slug, slug), opts.includeInactive ? undefined : eq(products.active, true)))
    .limit(1);
  const [product] = await withImages(db, rows);
  if (!product) throw errors.notFound("Produto");
  return toPublic(product);
}

/** Any product, active or not, with the admin-only fields (admin editing, after create/update). */
export async function getProductById(id: string, db?: Executor): Promise<AdminProduct> {
  const d = db ?? (await getDb());
  const rows = await d
    .select(columns)
    .from(products)
    .innerJoin(categories, eq(categories.id, products.categoryId))
    .where(eq(products.id, id))
    .limit(1);
  const [product] = await withImages(d, rows);
  if (!product) throw errors.notFound("Produto");
  return product;
}

export async function listCategories() {
  const db = await getDb();
  return db.select().from(categories).orderBy(asc(categories.position), asc(categories.name));
}

export interface ProductInput {
  slug: string;
  name: string;
  description: string;
  category: string;
  kind: "physical" | "digital";
  priceCents: number;
  stock: number;
  active: boolean;
  images?: { url: string; fileId?: string | null; alt?: string }[];
  /** Uploaded public images, in display order; replaces `images` when given. */
  imageFileIds?: string[];
  downloadFileId?: string | null;
}

async function resolveFiles(db: Executor, input: Partial<ProductInput>): Promise<ProductInput["images"]> {
  if (input.downloadFileId) await assertDownloadFile(db, input.downloadFileId);
  if (input.imageFileIds) return imagesFromFiles(db, input.imageFileIds);
  return input.images;
}

async function categoryId(db: Executor, slug: string): Promise<string> {
  const [cat] = await db.select({ id: categories.id }).from(categories).where(eq(categories.slug, slug)).limit(1);
  if (!cat) throw errors.rule("unknown_category", "Categoria inexistente.", [{ path: "category", message: slug }]);
  return cat.id;
}

async function replaceImages(db: Executor, productId: string, images: ProductInput["images"]) {
  if (!images) return;
  await db.delete(productImages).where(eq(productImages.productId, productId));
  if (images.length) {
    await db
      .insert(productImages)
      .values(images.map((img, position) => ({ productId, position, url: img.url, fileId: img.fileId ?? null, alt: img.alt ?? "" })));
  }
}

export async function createProduct(input: ProductInput): Promise<AdminProduct> {
  const db = await getDb();
  const id = await db.transaction(async (tx) => {
    const catId = await categoryId(tx, input.category);
    const images = await resolveFiles(tx, input);
    const [row] = await tx
      .insert(products)
      .values({
        slug: input.slug,
        name: input.name,
        description: input.description,
        categoryId: catId,
        kind: input.kind,
        priceCents: input.priceCents,
        stock: input.stock,
        active: input.active,
        downloadFileId: input.downloadFileId ?? null,
      })
      .onConflictDoNothing({ target: products.slug })
      .returning({ id: products.id });
    if (!row) throw errors.conflict("slug_taken", "Já existe um produto com este slug.");
    await replaceImages(tx, row.id, images);
    return row.id;
  });
  return getProductById(id);
}

export async function updateProduct(id: string, patch: Partial<ProductInput>): Promise<AdminProduct> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [current] = await tx.select({ id: products.id }).from(products).where(eq(products.id, id)).for("update");
    if (!current) throw errors.notFound("Produto");
    const images = await resolveFiles(tx, patch);
    const { category, images: _urls, imageFileIds: _ids, ...rest } = patch;
    const set: Partial<typeof products.$inferInsert> = { ...rest, updatedAt: new Date() };
    if (category) set.categoryId = await categoryId(tx, category);
    if (patch.slug) {
      const [clash] = await tx
        .select({ id: products.id })
        .from(products)
        .where(and(eq(products.slug, patch.slug), sql`${products.id} <> ${id}`))
        .limit(1);
      if (clash) throw errors.conflict("slug_taken", "Já existe um produto com este slug.");
    }
    await tx.update(products).set(set).where(eq(products.id, id));
    await replaceImages(tx, id, images);
  });
  return getProductById(id);
}
