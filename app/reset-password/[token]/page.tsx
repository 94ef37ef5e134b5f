import { PageTitle } from "../../_components/ui";
import { ResetPasswordForm } from "./reset-password-form";

export const metadata = { title: "Criar nova senha", referrer: "no-referrer" };

/**
 * The link from the reset email lands here. Opening it changes nothing (mail scanners follow links);
 * only submitting the form spends the token.
 */
export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return (
    <div className="mx-auto max-w-md">
      <PageTitle subtitle="Escolha uma senha nova. Todas as sessões abertas da sua conta serão encerradas.">
        Criar nova senha
      </PageTitle>
      <ResetPasswordForm token={token} />
    </div>
  );
}
