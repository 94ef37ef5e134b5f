import type { Metadata, Viewport } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { currentCaller } from "@/lib/auth/session";
import { CartLink, CartProvider } from "./_components/cart";
import { SentryUser } from "./_components/sentry-user";
import { SignOutButton } from "./_components/sign-out";
import { ToastProvider } from "./_components/toast";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "OnlyWave — Surf shop", template: "%s · OnlyWave" },
  description: "Pranchas, roupas de borracha, acessórios e conteúdo digital para quem vive o surf no Brasil.",
};

export const viewport: Viewport = { themeColor: "#0b3d5c" };

const nav = [
  { href: "/products?category=pranchas", label: "Pranchas" },
  { href: "/products?category=roupas-de-borracha", label: "Roupas de borracha" },
  { href: "/products?category=acessorios", label: "Acessórios" },
  { href: "/products?category=digitais", label: "Guias e aulas" },
];

export default async function RootLayout({ children }: { children: ReactNode }) {
  const caller = await currentCaller();
  return (
    <html lang="pt-BR">
      <body className="flex min-h-screen flex-col">
        <a href="#conteudo" className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded focus:bg-white focus:px-4 focus:py-2">
          Pular para o conteúdo
        </a>
        <SentryUser id={caller?.user.id ?? null} />
        <ToastProvider>
          <CartProvider>
            <header className="bg-ocean-800 text-white">
              <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-4 px-4 py-4">
                <Link href="/" className="flex items-center gap-2 text-2xl font-black tracking-tight">
                  <svg aria-hidden="true" width="30" height="30" viewBox="0 0 32 32">
                    <path d="M2 20c4-8 10-12 16-10 4 1 5 5 2 7-2 1-4 0-4-2 3 0 3-3 0-3-5 0-8 6-14 8z" fill="#ff6b4a" />
                    <path d="M2 24c6 2 12 2 18-1s8-2 10-1" stroke="#a9d7ea" strokeWidth="2" fill="none" />
                  </svg>
                  OnlyWave
                </Link>
                <form action="/products" className="order-last w-full md:order-none md:ml-6 md:w-auto md:flex-1" role="search">
                  <label htmlFor="busca" className="sr-only">
                    Buscar produtos
                  </label>
                  <input
                    id="busca"
                    name="q"
                    type="search"
                    placeholder="Buscar pranchas, quilhas, guias..."
                    className="w-full rounded-full border-0 bg-white/95 px-4 py-2 text-sm text-slate-900 placeholder:text-slate-500"
                  />
                </form>
                <nav aria-label="Conta" className="ml-auto flex items-center gap-2">
                  {caller ? (
                    <>
                      {caller.user.role === "admin" ? (
                        <Link href="/admin" className="rounded-full px-3 py-2 text-sm text-ocean-100 hover:bg-white/10 hover:text-white">
                          Admin
                        </Link>
                      ) : null}
                      <Link href="/account" className="rounded-full px-3 py-2 text-sm text-ocean-100 hover:bg-white/10 hover:text-white" data-testid="account-link">
                        Olá, {caller.user.name.split(" ")[0]}
                      </Link>
                      <SignOutButton />
                    </>
                  ) : (
                    <Link href="/login" className="rounded-full px-3 py-2 text-sm text-ocean-100 hover:bg-white/10 hover:text-white">
                      Entrar
                    </Link>
                  )}
                  <CartLink />
                </nav>
              </div>
              <nav aria-label="Categorias" className="border-t border-white/10 bg-ocean-900/40">
                <ul className="mx-auto flex max-w-6xl gap-1 overflow-x-auto px-4 text-sm">
                  {nav.map((n) => (
                    <li key={n.href}>
                      <Link href={n.href} className="block whitespace-nowrap px-3 py-2 text-ocean-100 hover:text-white">
                        {n.label}
                      </Link>
                    </li>
                  ))}
                </ul>
              </nav>
            </header>
            <main id="conteudo" className="mx-auto w-full max-w-6xl flex-1 px-4 py-10">
              {children}
            </main>
            <footer className="bg-ocean-900 text-ocean-100">
              <div className="mx-auto grid max-w-6xl gap-6 px-4 py-10 text-sm md:grid-cols-3">
                <div>
                  <p className="text-lg font-black text-white">OnlyWave</p>
                  <p className="mt-2">Surf shop online feito por quem pega onda. Enviamos para todo o Brasil.</p>
                </div>
                <div>
                  <p className="font-semibold text-white">Atendimento</p>
                  <p className="mt-2">Seg. a sex., 9h às 18h · contato@onlywave.com.br</p>
                </div>
                <div>
                  <p className="font-semibold text-white">Pagamento seguro</p>
                  <p className="mt-2">Pix, cartão e boleto pelo Mercado Pago. Produtos digitais liberados na hora.</p>
                </div>
              </div>
              <p className="border-t border-white/10 py-4 text-center text-xs">© {new Date().getFullYear()} OnlyWave Comércio de Artigos Esportivos Ltda.</p>
            </footer>
          </CartProvider>
        </ToastProvider>
      </body>
    </html>
  );
}
