import Link from "next/link";
import { PageTitle } from "../_components/ui";
import { ForgotPasswordForm } from "./forgot-password-form";

export const metadata = { title: "Esqueci minha senha" };

export default function ForgotPasswordPage() {
  return (
    <div className="mx-auto max-w-md">
      <PageTitle subtitle="Informe o e-mail da sua conta e enviaremos um link para criar uma nova senha.">
        Esqueci minha senha
      </PageTitle>
      <ForgotPasswordForm />
      <p className="mt-6 text-center text-sm text-slate-600">
        Lembrou a senha?{" "}
        <Link href="/login" className="font-semibold text-ocean-700 hover:underline">
          Entrar
        </Link>
      </p>
    </div>
  );
}
