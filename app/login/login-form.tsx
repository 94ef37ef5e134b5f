"use client";

import Link from "next/link";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { signInErrorMessage } from "@/lib/auth/sign-in-errors";
import { Button, Card, Field, FormError, Input } from "../_components/ui";

export function LoginForm({ callbackUrl, initialError }: { callbackUrl: string; initialError?: string }) {
  const [error, setError] = useState<string | undefined>(initialError);
  const [pending, setPending] = useState(false);
  return (
    <Card>
      <form
        className="space-y-4"
        onSubmit={async (e) => {
          e.preventDefault();
          const data = new FormData(e.currentTarget);
          setPending(true);
          setError(undefined);
          const res = await signIn("credentials", {
            email: String(data.get("email")),
            password: String(data.get("password")),
            redirect: false,
            callbackUrl,
          });
          setPending(false);
          if (!res || res.error) {
            setError(signInErrorMessage(res?.error));
            return;
          }
          window.location.assign(callbackUrl);
        }}
      >
        <Field id="email" label="E-mail">
          <Input id="email" name="email" type="email" autoComplete="email" required />
        </Field>
        <Field id="password" label="Senha">
          <Input id="password" name="password" type="password" autoComplete="current-password" required />
        </Field>
        <FormError message={error} testId="login-error" />
        <Button type="submit" disabled={pending} className="w-full">
          {pending ? "Entrando..." : "Entrar"}
        </Button>
      </form>
      <div className="mt-6 flex justify-between text-sm">
        <Link href={`/signup?callbackUrl=${encodeURIComponent(callbackUrl)}`} className="font-semibold text-ocean-700 hover:underline">
          Criar conta
        </Link>
        <Link href="/forgot-password" className="text-slate-600 hover:underline">
          Esqueci minha senha
        </Link>
      </div>
    </Card>
  );
}
