import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { currentCaller } from "@/lib/auth/session";
import { formatBytes, formatDateTime } from "@/lib/files/format";
import { getFile } from "@/lib/files/get-file";
import { listFileGrants } from "@/lib/files/list-file-grants";
import type { FileDto } from "@/lib/files/types";
import { AppError } from "@/lib/http/errors";
import { Badge, Card } from "../../_components/ui";
import { FileActions } from "../_components/file-actions";
import { FileGrants } from "../_components/file-grants";

export const metadata = { title: "Arquivo" };
export const dynamic = "force-dynamic";

function Preview({ file }: { file: FileDto }) {
  if (file.status !== "ready" || !file.url) {
    return <p className="text-slate-600">O envio deste arquivo não foi concluído, então não há o que mostrar.</p>;
  }
  if (file.contentType.startsWith("image/")) {
    // biome-ignore lint/performance/noImgElement: storage/CDN URL, signed and short-lived for private files
    return <img src={file.url} alt={file.filename} data-testid="file-preview" className="mx-auto max-h-[70vh] rounded-xl" />;
  }
  if (file.contentType === "application/pdf") {
    return <iframe src={file.url} title={`Pré-visualização de ${file.filename}`} data-testid="file-preview" className="h-[70vh] w-full rounded-xl border border-sand-200" />;
  }
  if (file.contentType === "video/mp4") {
    // biome-ignore lint/a11y/useMediaCaption: user uploads carry no caption track
    return <video src={file.url} controls preload="metadata" data-testid="file-preview" className="mx-auto max-h-[70vh] w-full rounded-xl bg-black" />;
  }
  return <p className="text-slate-600">Não há pré-visualização para este tipo de arquivo. Use “Baixar”.</p>;
}

/**
 * One file: preview, metadata, link, download; for its owner and admins also visibility, sharing
 * and deletion. A file the visitor may not read is a 404 (anonymous visitors are asked to sign
 * in first, without learning whether the file exists).
 */
export default async function FilePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const caller = await currentCaller();
  let file: FileDto;
  try {
    file = await getFile(caller, id);
  } catch (err) {
    if (err instanceof AppError && err.status === 404) {
      if (!caller) redirect(`/login?callbackUrl=${encodeURIComponent(`/files/${id}`)}`);
      notFound();
    }
    throw err;
  }
  const grants = file.canManage && caller ? await listFileGrants(caller, id) : [];
  return (
    <div className="space-y-8">
      <div>
        <Link href="/files" className="text-sm font-semibold text-ocean-700 hover:underline">
          ← Meus arquivos
        </Link>
        <h1 className="mt-2 break-words text-3xl font-extrabold tracking-tight text-ocean-900" data-testid="file-name">
          {file.filename}
        </h1>
        <div className="mt-2 flex gap-2">
          <Badge tone={file.visibility === "public" ? "ocean" : "neutral"}>{file.visibility === "public" ? "Público" : "Privado"}</Badge>
          {file.status === "pending" ? <Badge tone="warning">Envio não concluído</Badge> : null}
        </div>
      </div>
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <Preview file={file} />
        </Card>
        <div className="space-y-6">
          <Card>
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
              <dt className="text-slate-500">Tipo</dt>
              <dd>{file.contentType}</dd>
              <dt className="text-slate-500">Tamanho</dt>
              <dd data-testid="file-size">{formatBytes(file.size)}</dd>
              <dt className="text-slate-500">Enviado em</dt>
              <dd>{formatDateTime(file.createdAt)}</dd>
            </dl>
          </Card>
          <Card>
            <FileActions file={file} />
          </Card>
        </div>
      </div>
      {file.canManage && file.status === "ready" ? (
        <Card>
          <h2 className="mb-4 text-lg font-bold text-ocean-900">Compartilhamento</h2>
          <FileGrants fileId={file.id} grants={grants} />
        </Card>
      ) : null}
    </div>
  );
}
