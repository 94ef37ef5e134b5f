"use client";

import { useState } from "react";
import { callApi } from "../../_components/api";
import { Button, FormError } from "../../_components/ui";

/** Creates (or reuses) the Mercado Pago preference and sends the shopper to its checkout. */
export function PayButton({ orderId }: { orderId: string }) {
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);
  return (
    <div className="space-y-3">
      <FormError message={error} />
      <Button
        className="w-full bg-[#009ee3] hover:bg-[#007eb5]"
        disabled={pending}
        onClick={async () => {
          setPending(true);
          setError(undefined);
          const res = await callApi<{ initPoint: string | null }>("/api/payments", { body: { orderId } });
          if (!res.ok || !res.data.initPoint) {
            setPending(false);
            setError(res.ok ? "Não foi possível iniciar o pagamento. Tente novamente." : res.error.message);
            return;
          }
          window.location.assign(res.data.initPoint);
        }}
      >
        {pending ? "Abrindo o Mercado Pago..." : "Pagar com Mercado Pago"}
      </Button>
    </div>
  );
}
