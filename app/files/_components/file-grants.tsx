"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { formatDateTime } from "@/lib/files/format";
import type { FileGrantDto } from "@/lib/files/types";
import { Button, Field, Input } from "../../_components/ui";
import { useToast } from "../../_components/toast";
import { callApi } from "./api";

/** Who else can read the file: add by email, remove shares. Purchases are listed, not removable. */
export function FileGrants({ fileId, grants }: { fileId: string; grants: FileGrantDto[] }) {
  const router = useRouter();
  const toast = useToast();
  const [email, setEmail] = useState("");
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const add = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await callApi(`/api/files/${fileId}/grants`, { method: "POST", json: { email } });
      toast(`Compartilhado com ${email}.`, "success");
      setEmail("");
      router.refresh();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const removeGrant = async (g: FileGrantDto) => {
    setBusy(true);
    try {
      await callApi(`/api/files/${fileId}/grants/${g.userId}`, { method: "DELETE" });
      toast(`${g.email} não tem mais acesso.`, "success");
      router.refresh();
    } catch (err) {
      toast((err as Error).message, "error");
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="space-y-4">
      <form onSubmit={add} className="flex flex-wrap items-end gap-2">
        <div className="min-w-60 flex-1">
          <Field id="grant-email" label="Compartilhar com (e-mail)" error={error}>
            <Input
              id="grant-email"
              type="email"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? "grant-email-error" : undefined}
              placeholder="amigo@exemplo.com"
            />
          </Field>
        </div>
        <Button type="submit" disabled={busy}>
          Compartilhar
        </Button>
      </form>
      {grants.length === 0 ? (
        <p className="text-sm text-slate-600">Ninguém além de você tem acesso.</p>
      ) : (
        <ul className="divide-y divide-sand-200 rounded-xl border border-sand-200" aria-label="Pessoas com acesso">
          {grants.map((g) => (
            <li key={`${g.userId}-${g.reason}-${g.createdAt}`} className="flex items-center justify-between gap-3 px-4 py-3 text-sm" data-testid="grant-row">
              <span>
                <span className="font-medium text-slate-900">{g.email}</span>
                <span className="block text-xs text-slate-500">
                  {g.reason === "purchase" ? "Comprou o produto" : "Compartilhado"} em {formatDateTime(g.createdAt)}
                </span>
              </span>
              {g.reason === "share" ? (
                <Button variant="ghost" className="px-3 py-1" disabled={busy} onClick={() => removeGrant(g)} aria-label={`Remover acesso de ${g.email}`}>
                  Remover
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
