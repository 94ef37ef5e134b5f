"use client";

import * as Sentry from "@sentry/nextjs";
import { useEffect } from "react";
import "./globals.css";

/**
 * Last-resort boundary for errors in the root layout itself (it replaces the whole document).
 * Reports to Sentry from the browser, since Next catches the error before any global handler.
 */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    Sentry.captureException(error);
  }, [error]);

  return (
    <html lang="pt-BR">
      <body className="flex min-h-screen items-center justify-center bg-sand-50 px-4 text-slate-900">
        <main className="max-w-md text-center">
          <h1 className="text-3xl font-extrabold text-ocean-900">Algo deu muito errado.</h1>
          <p className="mt-3 text-slate-600">
            A página não pôde ser carregada. Tente novamente em instantes; se o problema continuar, fale com a gente.
          </p>
          {error.digest ? <p className="mt-2 text-xs text-slate-400">Código: {error.digest}</p> : null}
          <button
            type="button"
            onClick={reset}
            className="mt-8 rounded-full bg-ocean-800 px-6 py-3 font-semibold text-white hover:bg-ocean-700"
          >
            Tentar de novo
          </button>
        </main>
      </body>
    </html>
  );
}
