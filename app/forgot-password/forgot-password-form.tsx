"use client";

import { useState } from "react";
import { Button, Card, Field, Input } from "../_components/ui";

/**
 * Asks for a reset link. The answer is the same whether or not the address has an account (the API
 * always says 202), so the page never tells a visitor who is a customer.
 */
export function ForgotPasswordForm() {
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);
  if (sent) {
    return (
      <Card>
        <p role="status" data-testid="forgot-password-sent" className="text-slate-800">
          Se existir uma conta com este e-mail, enviamos um e-mail com um link para redefinir a senha. O link vale
          por 1 hora. Confira também a caixa de spam.
        </p>
      </Card>
    );
  }
  return (
    <Card>
      <form
        className="space-y-4"
        onSubmit={async (e) => {
          e.preventDefault();
          const email = String(new FormData(e.currentTarget).get("email") ?? "");
          setPending(true);
          setError(undefined);
          const res = await fetch("/api/password-resets", {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ email }),
          }).catch(() => null);
          setPending(false);
          if (res?.status === 202) setSent(true);
          else setError("Não foi possível enviar agora. Tente novamente em alguns minutos.");
        }}
      >
        <Field id="email" label="E-mail" error={error}>
          <Input id="email" name="email" type="email" autoComplete="email" required aria-invalid={Boolean(error)} />
        </Field>
        <Button type="submit" disabled={pending} className="w-full">
          {pending ? "Enviando..." : "Enviar link"}
        </Button>
      </form>
    </Card>
  );
}
