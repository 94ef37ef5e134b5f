"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { AdminProduct } from "@/lib/catalog/products";
import { callApi } from "../../_components/api";
import { useToast } from "../../_components/toast";
import { Button, Card, Field, FormError, Input } from "../../_components/ui";
import { UploadBox } from "../../_components/upload-box";

interface Props {
  categories: { slug: string; name: string }[];
  product?: AdminProduct;
}

function toCents(v: string): number {
  return Math.round(Number(v.replace(/\./g, "").replace(",", ".")) * 100);
}

/** Create or edit a product; images and the digital download go through the same upload box as /files. */
export function ProductForm({ categories, product }: Props) {
  const router = useRouter();
  const toast = useToast();
  const [images, setImages] = useState<{ fileId: string | null; url: string }[]>(product?.images ?? []);
  const [downloadFileId, setDownloadFileId] = useState<string | null>(product?.downloadFileId ?? null);
  const [kind, setKind] = useState<"physical" | "digital">(product?.kind ?? "physical");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);
  return (
    <form
      className="space-y-6"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        const f = Object.fromEntries(new FormData(e.currentTarget)) as Record<string, string>;
        const uploaded = images.filter((i) => i.fileId).map((i) => i.fileId!);
        const body: Record<string, unknown> = {
          slug: f.slug,
          name: f.name,
          description: f.description ?? "",
          category: f.category,
          kind,
          priceCents: toCents(f.price ?? ""),
          stock: Number(f.stock),
          active: f.active === "on",
          ...(uploaded.length === images.length && images.length > 0 ? { imageFileIds: uploaded } : { images: images.map((i) => ({ url: i.url })) }),
          ...(kind === "digital" ? { downloadFileId } : {}),
        };
        setPending(true);
        setErrors({});
        setError(undefined);
        const res = await callApi<{ id: string }>(product ? `/api/products/${product.id}` : "/api/products", {
          method: product ? "PATCH" : "POST",
          body,
        });
        setPending(false);
        if (!res.ok) {
          const errs: Record<string, string> = {};
          for (const d of res.error.details ?? []) if (d.path) errs[d.path.split(".")[0]!] = d.message;
          setErrors(errs);
          setError(res.error.message);
          return;
        }
        toast("Produto salvo.", "success");
        router.push(`/admin/products/${res.data.id}`);
        router.refresh();
      }}
    >
      <Card className="grid gap-4 md:grid-cols-2">
        <Field id="name" label="Nome" error={errors.name}>
          <Input id="name" name="name" defaultValue={product?.name} required />
        </Field>
        <Field id="slug" label="Slug (endereço)" error={errors.slug} hint="letras minúsculas, números e hífens">
          <Input id="slug" name="slug" defaultValue={product?.slug} required />
        </Field>
        <Field id="category" label="Categoria" error={errors.category}>
          <select id="category" name="category" defaultValue={product?.category ?? categories[0]?.slug} className="w-full rounded-lg border border-slate-300 px-3 py-2">
            {categories.map((c) => (
              <option key={c.slug} value={c.slug}>
                {c.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id="kind" label="Tipo">
          <select id="kind" value={kind} onChange={(e) => setKind(e.target.value as "physical" | "digital")} className="w-full rounded-lg border border-slate-300 px-3 py-2">
            <option value="physical">Físico</option>
            <option value="digital">Digital (download)</option>
          </select>
        </Field>
        <Field id="price" label="Preço (R$)" error={errors.priceCents}>
          <Input id="price" name="price" inputMode="decimal" defaultValue={product ? (product.priceCents / 100).toFixed(2).replace(".", ",") : ""} required />
        </Field>
        <Field id="stock" label="Estoque" error={errors.stock}>
          <Input id="stock" name="stock" type="number" min={0} defaultValue={product?.stock ?? 0} />
        </Field>
        <div className="md:col-span-2">
          <Field id="description" label="Descrição" error={errors.description}>
            <textarea id="description" name="description" rows={5} defaultValue={product?.description} className="w-full rounded-lg border border-slate-300 px-3 py-2" />
          </Field>
        </div>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="active" defaultChecked={product?.active ?? true} /> Ativo na loja
        </label>
      </Card>

      <Card className="space-y-4">
        <h2 className="font-semibold text-ocean-900">Imagens</h2>
        {images.length ? (
          <ul className="flex flex-wrap gap-3">
            {images.map((img, i) => (
              <li key={img.url} className="relative">
                {/* biome-ignore lint/performance/noImgElement: CDN/storage images */}
                <img src={img.url} alt="" className="h-24 w-32 rounded-lg border border-sand-200 object-cover" />
                <button type="button" onClick={() => setImages(images.filter((_, j) => j !== i))} className="absolute right-1 top-1 rounded bg-white/90 px-2 text-xs text-red-700">
                  remover
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        {errors.imageFileIds ? <p className="text-sm text-red-700">{errors.imageFileIds}</p> : null}
        <UploadBox
          purpose="product-image"
          visibility="public"
          accept="image/jpeg,image/png,image/webp,image/avif"
          label="Enviar imagens do produto"
          onUploaded={(file) => {
            if (file.url) setImages((prev) => [...prev.filter((i) => i.fileId), { fileId: file.id, url: file.url! }]);
          }}
        />
      </Card>

      {kind === "digital" ? (
        <Card className="space-y-4">
          <h2 className="font-semibold text-ocean-900">Arquivo para download</h2>
          <p className="text-sm text-slate-600">{downloadFileId ? `Arquivo atual: ${downloadFileId}` : "Nenhum arquivo ainda."}</p>
          {errors.downloadFileId ? <p className="text-sm text-red-700">{errors.downloadFileId}</p> : null}
          <UploadBox purpose="digital-good" visibility="private" multiple={false} accept="application/pdf,video/mp4,application/zip" label="Enviar o arquivo do produto" onUploaded={(file) => setDownloadFileId(file.id)} />
        </Card>
      ) : null}

      <FormError message={error} />
      <Button type="submit" disabled={pending}>
        {pending ? "Salvando..." : "Salvar produto"}
      </Button>
    </form>
  );
}
