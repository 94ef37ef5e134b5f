"use client";

import Link from "next/link";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { callApi } from "../_components/api";
import { Button, Card, Field, FormError, Input } from "../_components/ui";

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
          const res = await callApi("/api/users", { body: { name: data.name, email: data.email, password: data.password } });
          if (!res.ok) {
            setPending(false);
            const errs: Record<string, string> = {};
            for (const d of res.error.details ?? []) if (d.path && !errs[d.path]) errs[d.path] = d.message;
            if (res.error.code === "email_taken" && res.error.message) errs.email = res.error.message;
            setFieldErrors(errs);
            if (!Object.keys(errs).length) setError(res.error.message);
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
        <FormError message={error} />
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
