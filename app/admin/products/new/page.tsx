import { listCategories } from "@/lib/catalog/products";
import { PageTitle } from "../../../_components/ui";
import { ProductForm } from "../product-form";

export const metadata = { title: "Novo produto" };

export default async function NewProductPage() {
  const categories = await listCategories();
  return (
    <div>
      <PageTitle>Novo produto</PageTitle>
      <ProductForm categories={categories.map((c) => ({ slug: c.slug, name: c.name }))} />
    </div>
  );
}
