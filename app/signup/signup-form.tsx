"use client";

import Link from "next/link";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { Button, Card, Field, Input } from "../_components/ui";

interface ApiError {
  error: { code: string; message: string; details?: { path?: string; message: string }[] };
}

export function SignupForm({ callbackUrl }: { callbackUrl: string }) {
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);
  return (
    <Card>
      <form
        className="space-y-4"
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          const data = Object.fromEntries(new FormData(e.currentTarget)) as Record<string, string>;
          setPending(true);
          setError(undefined);
          setFieldErrors({});
          const res = await fetch("/api/users", {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ name: data.name, email: data.email, password: data.password }),
          });
          if (!res.ok) {
            setPending(false);
            const body = (await res.json().catch(() => null)) as ApiError | null;
            const errs: Record<string, string> = {};
            for (const d of body?.error.details ?? []) if (d.path && !errs[d.path]) errs[d.path] = d.message;
            if (body?.error.code === "email_taken") errs.email = body.error.message;
            setFieldErrors(errs);
            if (!Object.keys(errs).length) setError(body?.error.message ?? "Não foi possível criar a conta.");
            return;
          }
          await signIn("credentials", { email: data.email, password: data.password, redirect: false });
          window.location.assign(callbackUrl);
        }}
      >
        <Field id="name" label="Nome" error={fieldErrors.name}>
          <Input id="name" name="name" autoComplete="name" required aria-invalid={Boolean(fieldErrors.name)} />
        </Field>
        <Field id="email" label="E-mail" error={fieldErrors.email}>
          <Input id="email" name="email" type="email" autoComplete="email" required aria-invalid={Boolean(fieldErrors.email)} />
        </Field>
        <Field id="password" label="Senha" hint="Pelo menos 8 caracteres." error={fieldErrors.password}>
          <Input
            id="password"
            name="password"
            type="password"
            autoComplete="new-password"
            required
            minLength={8}
            aria-invalid={Boolean(fieldErrors.password)}
            aria-describedby={fieldErrors.password ? "password-error" : "password-hint"}
          />
        </Field>
        {error ? (
          <p className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800" role="alert">
            {error}
          </p>
        ) : null}
        <Button type="submit" disabled={pending} className="w-full">
          {pending ? "Criando..." : "Criar conta"}
        </Button>
      </form>
      <p className="mt-6 text-sm">
        Já tem conta?{" "}
        <Link href="/login" className="font-semibold text-ocean-700 hover:underline">
          Entrar
        </Link>
      </p>
    </Card>
  );
}
