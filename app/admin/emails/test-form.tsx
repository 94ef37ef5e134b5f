"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button, Field, Input } from "../../_components/ui";

/** Sends one template with its sample data to any address through POST /api/emails/test. */
export function TestEmailForm({ templates }: { templates: readonly string[] }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();
  const [queuedId, setQueuedId] = useState<string>();
  return (
    <form
      className="mt-4 grid gap-3 md:grid-cols-[1fr_1fr_auto] md:items-end"
      aria-label="Enviar e-mail de teste"
      onSubmit={async (e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        setPending(true);
        setError(undefined);
        setQueuedId(undefined);
        const res = await fetch("/api/emails/test", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ to: data.get("to"), template: data.get("template") }),
        }).catch(() => null);
        const body = (await res?.json().catch(() => null)) as { id?: string; error?: { message: string; details?: { message: string }[] } } | null;
        setPending(false);
        if (res?.status === 202 && body?.id) {
          setQueuedId(body.id);
          router.refresh();
        } else {
          setError(body?.error?.details?.[0]?.message ?? body?.error?.message ?? "Não foi possível enviar.");
        }
      }}
    >
      <Field id="test-to" label="Para">
        <Input id="test-to" name="to" type="email" required placeholder="voce@exemplo.com" />
      </Field>
      <Field id="test-template" label="Modelo">
        <select id="test-template" name="template" className="w-full rounded-lg border border-slate-300 bg-white px-3 py-2">
          {templates.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </Field>
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Enviando..." : "Enviar teste"}
      </Button>
      {error ? (
        <p role="alert" className="text-sm text-red-700 md:col-span-3">
          {error}
        </p>
      ) : null}
      {queuedId ? (
        <p role="status" className="text-sm text-emerald-800 md:col-span-3">
          E-mail de teste na fila.{" "}
          <Link href={`/admin/emails/${queuedId}`} className="font-semibold underline">
            Acompanhar
          </Link>
        </p>
      ) : null}
    </form>
  );
}
