"use client";

import Link from "next/link";
import { useState } from "react";
import { Button, Card, Field, Input } from "../../_components/ui";

interface ApiError {
  error: { code: string; message: string; details?: { path?: string; message: string }[] };
}

/** Sets the new password; on success sends the user to sign in with it. */
export function ResetPasswordForm({ token }: { token: string }) {
  const [fieldError, setFieldError] = useState<string>();
  const [linkError, setLinkError] = useState<string>();
  const [pending, setPending] = useState(false);
  return (
    <Card>
      <form
        className="space-y-4"
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          const data = new FormData(e.currentTarget);
          const password = String(data.get("password") ?? "");
          if (password.length < 8) return setFieldError("A senha precisa ter pelo menos 8 caracteres.");
          if (password !== String(data.get("confirm") ?? "")) return setFieldError("As senhas não conferem.");
          setPending(true);
          setFieldError(undefined);
          setLinkError(undefined);
          const res = await fetch(`/api/password-resets/${encodeURIComponent(token)}`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ password }),
          }).catch(() => null);
          if (res?.status === 204) {
            window.location.assign("/login?aviso=senha-redefinida");
            return;
          }
          setPending(false);
          const body = (await res?.json().catch(() => null)) as ApiError | null;
          if (body?.error.code === "validation_failed") setFieldError(body.error.details?.[0]?.message ?? body.error.message);
          else if (body?.error.code === "invalid_reset_token" || res?.status === 422) setLinkError(body?.error.message ?? "Link inválido.");
          else setLinkError("Não foi possível redefinir a senha agora. Tente novamente.");
        }}
      >
        <Field id="password" label="Nova senha" hint="Pelo menos 8 caracteres." error={fieldError}>
          <Input
            id="password"
            name="password"
            type="password"
            autoComplete="new-password"
            required
            minLength={8}
            aria-invalid={Boolean(fieldError)}
            aria-describedby={fieldError ? "password-error" : "password-hint"}
          />
        </Field>
        <Field id="confirm" label="Repita a nova senha">
          <Input id="confirm" name="confirm" type="password" autoComplete="new-password" required minLength={8} />
        </Field>
        {linkError ? (
          <div role="alert" data-testid="reset-link-error" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800">
            {linkError}{" "}
            <Link href="/forgot-password" className="font-semibold underline">
              Pedir um novo link
            </Link>
          </div>
        ) : null}
        <Button type="submit" disabled={pending} className="w-full">
          {pending ? "Salvando..." : "Salvar nova senha"}
        </Button>
      </form>
    </Card>
  );
}
