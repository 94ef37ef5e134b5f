import { signInErrorMessage } from "@/lib/auth/sign-in-errors";
import { safeRedirectPath } from "@/lib/http/safe-redirect";
import { PageTitle } from "../_components/ui";
import { LoginForm } from "./login-form";

export const metadata = { title: "Entrar" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const sp = await searchParams;
  return (
    <div className="mx-auto max-w-md">
      <PageTitle subtitle="Acesse seus pedidos, arquivos e o checkout.">Entrar</PageTitle>
      {sp.aviso === "senha-redefinida" ? (
        <p className="mb-4 rounded-lg bg-emerald-50 px-4 py-3 text-sm text-emerald-900" role="status">
          Senha redefinida. Entre com a nova senha.
        </p>
      ) : null}
      {/* next-auth lands here with ?error= when it redirects instead of answering the form's fetch. */}
      <LoginForm
        callbackUrl={safeRedirectPath(sp.callbackUrl)}
        initialError={typeof sp.error === "string" ? signInErrorMessage(sp.error) : undefined}
      />
    </div>
  );
}
