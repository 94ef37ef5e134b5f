import { listCategories } from "@/lib/catalog/products";
import { PageTitle } from "../../../_components/ui";
import { ProductForm } from "../product-form";
import { requireAdmin } from "@/lib/auth/session";

export const metadata = { title: "Novo produto" };

export default async function NewProductPage() {
  // Every admin page checks by itself: an RSC request can render a page without its layout.
  await requireAdmin("/admin/products/new");
  const categories = await listCategories();
  return (
    <div>
      <PageTitle>Novo produto</PageTitle>
      <ProductForm categories={categories.map((c) => ({ slug: c.slug, name: c.name }))} />
    </div>
  );
}
