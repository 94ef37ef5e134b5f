"use client";

import { type DragEvent, useCallback, useEffect, useId, useRef, useState } from "react";
import { formatBytes } from "@/lib/files/format";
import type { FileDto } from "@/lib/files/types";
import { Button } from "./ui";

/** What an upload is for (decides the allowed types and size limit on the server). */
export type UploadBoxPurpose = "product-image" | "digital-good" | "user-file";

export interface UploadBoxProps {
  /** Default `user-file`. Admin product pages use `product-image` or `digital-good`. */
  purpose?: UploadBoxPurpose;
  /** Visibility of the uploaded files; default `private`. */
  visibility?: "public" | "private";
  /** The file input's `accept` (a hint for the picker; the server decides). */
  accept?: string;
  /** Allow several files at once; default true. */
  multiple?: boolean;
  /** Heading of the drop zone. */
  label?: string;
  /** Called with the ready file after the server checked it. */
  onUploaded?: (file: FileDto) => void;
}

type Phase = "preparing" | "uploading" | "verifying" | "done" | "error" | "canceled";

interface Item {
  key: string;
  name: string;
  size: number;
  sent: number;
  phase: Phase;
  error?: string;
  fileId?: string;
}

interface ApiError {
  error?: { message?: string };
}

const NETWORK_ERROR = "Falha de rede ao enviar. Verifique sua conexão e tente de novo.";

async function apiMessage(res: Response, fallback: string): Promise<string> {
  if (res.status === 401) return "Sua sessão expirou. Entre de novo para enviar arquivos.";
  try {
    const body = (await res.json()) as ApiError;
    return body.error?.message ?? fallback;
  } catch {
    return fallback;
  }
}

/**
 * Drag-and-drop (or pick) files and send each one straight to storage with the presigned POST the
 * API answers: the bytes never pass through our server. Every file gets a real progress bar
 * (XMLHttpRequest upload progress, bytes sent of total), a cancel button (aborts the request and
 * discards the pending upload) and the API's own pt-BR message when it is too large (413), of a
 * type not allowed (415) or rejected after the upload (422).
 */
export function UploadBox({ purpose = "user-file", visibility = "private", accept, multiple = true, label = "Enviar arquivos", onUploaded }: UploadBoxProps) {
  const inputId = useId();
  const [items, setItems] = useState<Item[]>([]);
  const [dragging, setDragging] = useState(false);
  const requests = useRef(new Map<string, XMLHttpRequest>());
  const canceled = useRef(new Set<string>());

  useEffect(() => {
    const open = requests.current;
    return () => {
      for (const xhr of open.values()) xhr.abort();
    };
  }, []);

  const update = useCallback((key: string, patch: Partial<Item>) => {
    setItems((prev) => prev.map((it) => (it.key === key ? { ...it, ...patch } : it)));
  }, []);

  const upload = useCallback(
    async (file: File) => {
      const key = `${Date.now()}-${Math.random().toString(36).slice(2)}`;
      setItems((prev) => [...prev, { key, name: file.name, size: file.size, sent: 0, phase: "preparing" }]);
      const fail = (error: string) => update(key, { phase: "error", error });
      try {
        const created = await fetch("/api/uploads", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({
            filename: file.name,
            contentType: file.type || "application/octet-stream",
            size: file.size,
            visibility,
            purpose,
          }),
        });
        if (!created.ok) return fail(await apiMessage(created, "Não foi possível iniciar o envio."));
        const { file: pending, upload: form } = (await created.json()) as {
          file: FileDto;
          upload: { url: string; fields: Record<string, string> };
        };
        if (canceled.current.has(key)) {
          await fetch(`/api/files/${pending.id}`, { method: "DELETE" }).catch(() => {});
          return;
        }
        update(key, { phase: "uploading", fileId: pending.id });

        const body = new FormData();
        for (const [name, value] of Object.entries(form.fields)) body.append(name, value);
        body.append("file", file); // S3 requires the file to be the last field
        const stored = await new Promise<"ok" | "aborted" | string>((resolve) => {
          const xhr = new XMLHttpRequest();
          requests.current.set(key, xhr);
          xhr.upload.onprogress = (e) => update(key, { sent: e.lengthComputable ? e.loaded : 0 });
          xhr.onload = () => resolve(xhr.status >= 200 && xhr.status < 300 ? "ok" : `O armazenamento recusou o arquivo (HTTP ${xhr.status}).`);
          xhr.onerror = () => resolve(NETWORK_ERROR);
          xhr.onabort = () => resolve("aborted");
          xhr.open("POST", form.url);
          xhr.send(body);
        });
        requests.current.delete(key);
        if (stored === "aborted") {
          // Nothing will complete it: drop the pending upload now instead of waiting for the cleanup job.
          await fetch(`/api/files/${pending.id}`, { method: "DELETE" }).catch(() => {});
          return;
        }
        if (stored !== "ok") return fail(stored);

        update(key, { phase: "verifying", sent: file.size });
        const done = await fetch(`/api/uploads/${pending.id}/complete`, { method: "POST" });
        if (!done.ok) return fail(await apiMessage(done, "O arquivo foi recusado na verificação."));
        const { file: ready } = (await done.json()) as { file: FileDto };
        update(key, { phase: "done" });
        onUploaded?.(ready);
      } catch {
        fail(NETWORK_ERROR);
      }
    },
    [purpose, visibility, onUploaded, update],
  );

  const cancel = (key: string) => {
    canceled.current.add(key);
    requests.current.get(key)?.abort();
    update(key, { phase: "canceled" });
  };

  const take = (list: FileList | null) => {
    if (!list) return;
    const picked = Array.from(list);
    for (const file of multiple ? picked : picked.slice(0, 1)) void upload(file);
  };

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    take(e.dataTransfer.files);
  };

  return (
    <div className="space-y-4">
      <div
        role="region"
        aria-label={label}
        data-testid="upload-dropzone"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        className={`rounded-2xl border-2 border-dashed p-8 text-center transition-colors ${dragging ? "border-coral-500 bg-coral-500/5" : "border-ocean-200 bg-white"}`}
      >
        <p className="font-semibold text-ocean-900">{label}</p>
        <p className="mt-1 text-sm text-slate-600">Arraste e solte aqui, ou</p>
        <label htmlFor={inputId} className="mt-3 inline-flex cursor-pointer items-center rounded-full bg-ocean-800 px-5 py-2.5 text-sm font-semibold text-white hover:bg-ocean-900">
          Escolher arquivos
        </label>
        <input
          id={inputId}
          type="file"
          className="sr-only"
          accept={accept}
          multiple={multiple}
          data-testid="upload-input"
          onChange={(e) => {
            take(e.currentTarget.files);
            e.currentTarget.value = "";
          }}
        />
      </div>
      {items.length > 0 ? (
        <ul className="space-y-3" aria-label="Envios">
          {items.map((it) => (
            <UploadRow key={it.key} item={it} onCancel={() => cancel(it.key)} />
          ))}
        </ul>
      ) : null}
    </div>
  );
}

const PHASE_TEXT: Record<Phase, string> = {
  preparing: "Preparando…",
  uploading: "Enviando…",
  verifying: "Verificando…",
  done: "Concluído",
  error: "Erro",
  canceled: "Cancelado",
};

function UploadRow({ item, onCancel }: { item: Item; onCancel: () => void }) {
  const percent = item.size > 0 ? Math.min(100, Math.floor((item.sent / item.size) * 100)) : 0;
  const active = item.phase === "preparing" || item.phase === "uploading";
  const bar = item.phase === "error" ? "bg-red-600" : item.phase === "done" ? "bg-emerald-600" : "bg-coral-500";
  return (
    <li className="rounded-xl border border-sand-200 bg-white p-4" data-testid="upload-item" data-phase={item.phase}>
      <div className="flex items-center justify-between gap-3 text-sm">
        <span className="truncate font-medium text-slate-900">{item.name}</span>
        <span className="shrink-0 text-slate-600">
          {PHASE_TEXT[item.phase]} · {formatBytes(item.sent)} de {formatBytes(item.size)}
        </span>
      </div>
      <div
        role="progressbar"
        aria-label={`Progresso do envio de ${item.name}`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        data-testid="upload-progress"
        className="mt-2 h-2 overflow-hidden rounded-full bg-sand-100"
      >
        <div className={`h-full ${bar} transition-[width]`} style={{ width: `${percent}%` }} />
      </div>
      {item.error ? (
        <p role="alert" className="mt-2 text-sm text-red-700" data-testid="upload-error">
          {item.error}
        </p>
      ) : null}
      {active ? (
        <Button variant="ghost" className="mt-2 px-3 py-1" onClick={onCancel}>
          Cancelar
        </Button>
      ) : null}
    </li>
  );
}
