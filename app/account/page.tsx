import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { Card, PageTitle } from "../_components/ui";

export const metadata = { title: "Minha conta" };

export default async function AccountPage() {
  const { user } = await requireUser("/account");
  return (
    <div>
      <PageTitle subtitle={user.email}>Olá, {user.name}</PageTitle>
      <div className="grid gap-4 md:grid-cols-3">
        <Card>
          <h2 className="font-semibold text-ocean-900">Pedidos</h2>
          <p className="mt-1 text-sm text-slate-600">Acompanhe pagamentos e entregas.</p>
          <Link href="/orders" className="mt-3 inline-block text-sm font-semibold text-ocean-700 hover:underline">
            Ver meus pedidos
          </Link>
        </Card>
        <Card>
          <h2 className="font-semibold text-ocean-900">Meus arquivos</h2>
          <p className="mt-1 text-sm text-slate-600">Guias e vídeos comprados, e arquivos que você enviou.</p>
          <Link href="/files" className="mt-3 inline-block text-sm font-semibold text-ocean-700 hover:underline">
            Abrir arquivos
          </Link>
        </Card>
        <Card>
          <h2 className="font-semibold text-ocean-900">Segurança</h2>
          <p className="mt-1 text-sm text-slate-600">Trocar a senha encerra as outras sessões.</p>
          <Link href="/forgot-password" className="mt-3 inline-block text-sm font-semibold text-ocean-700 hover:underline">
            Redefinir senha
          </Link>
        </Card>
      </div>
    </div>
  );
}
