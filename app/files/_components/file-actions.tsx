"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import type { FileDto } from "@/lib/files/types";
import { Button, buttonClass } from "../../_components/ui";
import { useToast } from "../../_components/toast";
import { callApi } from "./api";

/**
 * Actions on one file: copy link and download for every reader; visibility switch and delete
 * (with a confirmation dialog) for its owner and admins.
 */
export function FileActions({ file }: { file: FileDto }) {
  const router = useRouter();
  const toast = useToast();
  const dialog = useRef<HTMLDialogElement>(null);
  const [busy, setBusy] = useState(false);
  const ready = file.status === "ready";

  const copyLink = async () => {
    // Public files: the permanent CDN link. Private ones: this page (signed URLs expire in minutes).
    const link = file.visibility === "public" && file.url ? file.url : window.location.href;
    try {
      await navigator.clipboard.writeText(link);
      toast("Link copiado.", "success");
    } catch {
      window.prompt("Copie o link:", link);
    }
  };

  const setVisibility = async (visibility: "public" | "private") => {
    setBusy(true);
    try {
      await callApi(`/api/files/${file.id}`, { method: "PATCH", json: { visibility } });
      toast(visibility === "public" ? "Arquivo agora é público." : "Arquivo agora é privado.", "success");
      router.refresh();
    } catch (err) {
      toast((err as Error).message, "error");
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    setBusy(true);
    try {
      await callApi(`/api/files/${file.id}`, { method: "DELETE" });
      dialog.current?.close();
      toast("Arquivo excluído.", "success");
      router.push("/files");
      router.refresh();
    } catch (err) {
      toast((err as Error).message, "error");
      setBusy(false);
    }
  };

  const isPublic = file.visibility === "public";
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap gap-2">
        {ready ? (
          <>
            <Button variant="ghost" onClick={copyLink}>
              Copiar link
            </Button>
            <a href={`/api/files/${file.id}/download`} className={buttonClass("secondary")} data-testid="file-download">
              Baixar
            </a>
          </>
        ) : null}
        {file.canManage ? (
          <Button variant="danger" onClick={() => dialog.current?.showModal()} disabled={busy}>
            Excluir
          </Button>
        ) : null}
      </div>
      {file.canManage && ready ? (
        <div className="flex items-center gap-3">
          <button
            type="button"
            role="switch"
            aria-checked={isPublic}
            aria-label="Arquivo público"
            disabled={busy}
            onClick={() => setVisibility(isPublic ? "private" : "public")}
            className={`relative h-6 w-11 rounded-full transition-colors disabled:opacity-50 ${isPublic ? "bg-coral-500" : "bg-slate-300"}`}
          >
            <span className={`absolute top-0.5 h-5 w-5 rounded-full bg-white shadow transition-all ${isPublic ? "left-5" : "left-0.5"}`} />
          </button>
          <span className="text-sm text-slate-700">
            {isPublic ? "Público: qualquer pessoa com o link pode ver." : "Privado: só você e quem você compartilhar."}
          </span>
        </div>
      ) : null}
      <dialog ref={dialog} aria-labelledby="confirm-delete-title" className="m-auto max-w-md rounded-2xl p-6 shadow-xl backdrop:bg-slate-900/50">
        <h2 id="confirm-delete-title" className="text-lg font-bold text-ocean-900">
          Excluir “{file.filename}”?
        </h2>
        <p className="mt-2 text-sm text-slate-600">O arquivo será apagado do armazenamento e quem tinha acesso perde o link. Esta ação não pode ser desfeita.</p>
        <div className="mt-6 flex justify-end gap-2">
          <Button variant="ghost" onClick={() => dialog.current?.close()} disabled={busy}>
            Cancelar
          </Button>
          <Button variant="danger" onClick={remove} disabled={busy}>
            Excluir definitivamente
          </Button>
        </div>
      </dialog>
    </div>
  );
}
