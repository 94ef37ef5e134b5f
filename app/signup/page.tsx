import { PageTitle } from "../_components/ui";
import { SignupForm } from "./signup-form";

export const metadata = { title: "Criar conta" };

export default async function SignupPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const raw = (await searchParams).callbackUrl;
  const v = Array.isArray(raw) ? raw[0] : raw;
  const callbackUrl = v?.startsWith("/") && !v.startsWith("//") ? v : "/";
  return (
    <div className="mx-auto max-w-md">
      <PageTitle subtitle="Leva menos de um minuto.">Criar conta</PageTitle>
      <SignupForm callbackUrl={callbackUrl} />
    </div>
  );
}
