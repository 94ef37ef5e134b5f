import { safeRedirectPath } from "@/lib/http/safe-redirect";
import { PageTitle } from "../_components/ui";
import { SignupForm } from "./signup-form";

export const metadata = { title: "Criar conta" };

export default async function SignupPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const callbackUrl = safeRedirectPath((await searchParams).callbackUrl);
  return (
    <div className="mx-auto max-w-md">
      <PageTitle subtitle="Leva menos de um minuto.">Criar conta</PageTitle>
      <SignupForm callbackUrl={callbackUrl} />
    </div>
  );
}
