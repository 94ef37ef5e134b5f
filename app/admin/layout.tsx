import Link from "next/link";
import type { ReactNode } from "react";
import { requireAdmin } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

const sections = [
  { href: "/admin", label: "Painel" },
  { href: "/admin/payments", label: "Pagamentos" },
  { href: "/admin/products", label: "Produtos" },
  { href: "/admin/emails", label: "E-mails" },
];

/** Every page under /admin is for admins only: customers are sent away, visitors to /login. */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requireAdmin("/admin");
  return (
    <div className="grid gap-8 md:grid-cols-[200px_1fr]">
      <nav aria-label="Administração" className="h-fit rounded-2xl border border-sand-200 bg-white p-3">
        <p className="px-3 pb-2 text-xs font-semibold uppercase tracking-widest text-slate-500">Admin</p>
        <ul className="space-y-1">
          {sections.map((s) => (
            <li key={s.href}>
              <Link href={s.href} className="block rounded-lg px-3 py-2 text-sm font-medium text-slate-700 hover:bg-ocean-50 hover:text-ocean-800">
                {s.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="min-w-0">{children}</div>
    </div>
  );
}
