"use client";

import * as Sentry from "@sentry/nextjs";
import { useEffect } from "react";
import { Button } from "./_components/ui";

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    Sentry.captureException(error);
  }, [error]);
  return (
    <div className="py-20 text-center">
      <h1 className="text-3xl font-extrabold text-ocean-900">Algo deu errado.</h1>
      <p className="mt-3 text-slate-600">Tente novamente. Se o problema continuar, fale com a gente.</p>
      {error.digest ? <p className="mt-2 text-xs text-slate-400">Código: {error.digest}</p> : null}
      <Button onClick={reset} className="mt-8">
        Tentar de novo
      </Button>
    </div>
  );
}
