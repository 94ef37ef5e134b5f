import { notFound } from "next/navigation";
import { getProductById, listCategories } from "@/lib/catalog/products";
import { AppError } from "@/lib/http/errors";
import { PageTitle } from "../../../_components/ui";
import { ProductForm } from "../product-form";
import { requireAdmin } from "@/lib/auth/session";

export const metadata = { title: "Editar produto" };

export default async function EditProductPage({ params }: { params: Promise<{ id: string }> }) {
  // Every admin page checks by itself: an RSC request can render a page without its layout.
  await requireAdmin("/admin/products");
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const [product, categories] = await Promise.all([
    getProductById(id).catch((err) => {
      if (err instanceof AppError && err.status === 404) notFound();
      throw err;
    }),
    listCategories(),
  ]);
  return (
    <div>
      <PageTitle subtitle={product.slug}>{product.name}</PageTitle>
      <ProductForm categories={categories.map((c) => ({ slug: c.slug, name: c.name }))} product={product} />
    </div>
  );
}
