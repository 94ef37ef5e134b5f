"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { UploadBox } from "../../_components/upload-box";
import { useToast } from "../../_components/toast";

/** The /files upload area: the shared UploadBox plus a visibility choice; refreshes the list. */
export function FilesUploader() {
  const router = useRouter();
  const toast = useToast();
  const [visibility, setVisibility] = useState<"private" | "public">("private");
  return (
    <div className="space-y-3">
      <fieldset className="flex flex-wrap items-center gap-4 text-sm">
        <legend className="sr-only">Visibilidade dos novos arquivos</legend>
        <label className="inline-flex items-center gap-2">
          <input type="radio" name="visibility" value="private" checked={visibility === "private"} onChange={() => setVisibility("private")} />
          Privado (só você e quem você compartilhar)
        </label>
        <label className="inline-flex items-center gap-2">
          <input type="radio" name="visibility" value="public" checked={visibility === "public"} onChange={() => setVisibility("public")} />
          Público (qualquer pessoa com o link)
        </label>
      </fieldset>
      <UploadBox
        visibility={visibility}
        accept="image/jpeg,image/png,image/webp,image/avif,image/gif,application/pdf,video/mp4,application/zip,text/plain,text/csv"
        onUploaded={(file) => {
          toast(`“${file.filename}” enviado.`, "success");
          router.refresh();
        }}
      />
    </div>
  );
}
