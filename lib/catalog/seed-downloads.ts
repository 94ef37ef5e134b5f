import { and, eq, isNull } from "drizzle-orm";
import { config } from "@/lib/config";
import { getDb, schema } from "@/lib/db";
import { createObjectKey } from "@/lib/files/keys";
import { cacheControlFor } from "@/lib/files/rules";
import { fileStorage } from "@/lib/files/storage";

/** A small but valid one-page PDF (offsets computed), so seeded guides open in any viewer. */
export function samplePdf(title: string): Buffer {
  const text = title.replace(/[()\\]/g, "").normalize("NFD").replace(/[^\x20-\x7e]/g, "");
  const content = `BT /F1 20 Tf 60 760 Td (${text}) Tj 0 -32 Td /F1 12 Tf (OnlyWave - conteudo de exemplo para desenvolvimento.) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

/**
 * Development and e2e seed: gives every digital product without a download a sample PDF in
 * storage (uploaded the way browsers do, through a presigned POST), owned by the admin, so buying a
 * guide really grants a file. Skipped when no storage is configured.
 */
export async function seedDigitalDownloads(ownerId: string): Promise<number> {
  if (!config().s3.bucket) return 0;
  const db = await getDb();
  const { storage } = fileStorage();
  const products = await db
    .select()
    .from(schema.products)
    .where(and(eq(schema.products.kind, "digital"), isNull(schema.products.downloadFileId)));
  let seeded = 0;
  for (const product of products) {
    const bytes = samplePdf(product.name);
    const key = createObjectKey({ visibility: "private", contentType: "application/pdf" });
    const cacheControl = cacheControlFor("private");
    const post = await storage.presignUpload({ key, contentType: "application/pdf", size: bytes.length, cacheControl, expiresInSeconds: 300 });
    const form = new FormData();
    for (const [k, v] of Object.entries(post.fields)) form.append(k, v);
    form.append("file", new Blob([new Uint8Array(bytes)], { type: "application/pdf" }), `${product.slug}.pdf`);
    const res = await fetch(post.url, { method: "POST", body: form });
    if (!res.ok) throw new Error(`seed upload of ${product.slug} failed: ${res.status} ${await res.text()}`);
    await db.transaction(async (tx) => {
      const [file] = await tx
        .insert(schema.files)
        .values({
          ownerId,
          key,
          visibility: "private",
          purpose: "digital-good",
          status: "ready",
          filename: `${product.slug}.pdf`,
          contentType: "application/pdf",
          size: bytes.length,
          cacheControl,
          completedAt: new Date(),
        })
        .returning();
      await tx.update(schema.products).set({ downloadFileId: file!.id }).where(eq(schema.products.id, product.id));
    });
    seeded++;
  }
  return seeded;
}
