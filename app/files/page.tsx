import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { formatBytes, formatDateTime } from "@/lib/files/format";
import { listFiles } from "@/lib/files/list-files";
import type { FileDto } from "@/lib/files/types";
import { Badge, Card, PageTitle, Table, Td, Th } from "../_components/ui";
import { FilesUploader } from "./_components/files-uploader";

export const metadata = { title: "Meus arquivos" };
export const dynamic = "force-dynamic";

const STATUS: Record<FileDto["status"], { text: string; tone: "success" | "warning" | "neutral" }> = {
  ready: { text: "Pronto", tone: "success" },
  pending: { text: "Envio não concluído", tone: "warning" },
  deleted: { text: "Excluído", tone: "neutral" },
};

function FileTable({ files, caption, empty }: { files: FileDto[]; caption: string; empty: string }) {
  if (files.length === 0) return <p className="text-sm text-slate-600">{empty}</p>;
  return (
    <Table caption={caption}>
      <thead>
        <tr>
          <Th>Nome</Th>
          <Th>Tamanho</Th>
          <Th>Visibilidade</Th>
          <Th>Situação</Th>
          <Th>Enviado em</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-sand-200">
        {files.map((f) => (
          <tr key={f.id} data-testid="file-row">
            <Td>
              <Link href={`/files/${f.id}`} className="font-medium text-ocean-700 hover:underline">
                {f.filename}
              </Link>
              <span className="block text-xs text-slate-500">{f.contentType}</span>
            </Td>
            <Td>{formatBytes(f.size)}</Td>
            <Td>
              <Badge tone={f.visibility === "public" ? "ocean" : "neutral"}>{f.visibility === "public" ? "Público" : "Privado"}</Badge>
            </Td>
            <Td>
              <Badge tone={STATUS[f.status].tone}>{STATUS[f.status].text}</Badge>
            </Td>
            <Td className="whitespace-nowrap text-slate-600">{formatDateTime(f.createdAt)}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

/** My uploads with the upload box, and the files others shared with me or I bought. */
export default async function FilesPage() {
  const caller = await requireUser("/files");
  const [owned, shared] = await Promise.all([
    listFiles(caller, { limit: 100, scope: "owned" }),
    listFiles(caller, { limit: 100, scope: "shared" }),
  ]);
  return (
    <div className="space-y-10">
      <PageTitle subtitle="Envie fotos, PDFs, vídeos e outros arquivos. Os privados só você e quem você escolher podem ver.">
        Meus arquivos
      </PageTitle>
      <Card>
        <FilesUploader />
      </Card>
      <section aria-labelledby="owned-title" className="space-y-3">
        <h2 id="owned-title" className="text-xl font-bold text-ocean-900">
          Enviados por você
        </h2>
        <FileTable files={owned.data} caption="Arquivos enviados por você" empty="Você ainda não enviou arquivos." />
      </section>
      <section aria-labelledby="shared-title" className="space-y-3">
        <h2 id="shared-title" className="text-xl font-bold text-ocean-900">
          Compartilhados com você e compras
        </h2>
        <FileTable files={shared.data} caption="Arquivos compartilhados com você" empty="Nenhum arquivo compartilhado com você ainda." />
      </section>
    </div>
  );
}
