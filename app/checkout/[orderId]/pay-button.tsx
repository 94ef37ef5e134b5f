"use client";

import { useState } from "react";
import { Button } from "../../_components/ui";

/** Creates (or reuses) the Mercado Pago preference and sends the shopper to its checkout. */
export function PayButton({ orderId }: { orderId: string }) {
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);
  return (
    <div className="space-y-3">
      {error ? (
        <p className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800" role="alert">
          {error}
        </p>
      ) : null}
      <Button
        className="w-full bg-[#009ee3] hover:bg-[#007eb5]"
        disabled={pending}
        onClick={async () => {
          setPending(true);
          setError(undefined);
          const res = await fetch("/api/payments", {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ orderId }),
          });
          const body = await res.json().catch(() => null);
          if (!res.ok || !body?.initPoint) {
            setPending(false);
            setError(body?.error?.message ?? "Não foi possível iniciar o pagamento. Tente novamente.");
            return;
          }
          window.location.assign(body.initPoint);
        }}
      >
        {pending ? "Abrindo o Mercado Pago..." : "Pagar com Mercado Pago"}
      </Button>
    </div>
  );
}
