"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { callApi } from "../../_components/api";
import { useToast } from "../../_components/toast";
import { Button, FormError } from "../../_components/ui";

/** "Cancelar pedido" with a confirmation step; the stock held for the order goes back on sale. */
export function CancelOrderButton({ orderId }: { orderId: string }) {
  const router = useRouter();
  const toast = useToast();
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();
  if (!confirming) {
    return (
      <Button variant="ghost" onClick={() => setConfirming(true)}>
        Cancelar pedido
      </Button>
    );
  }
  return (
    <div className="space-y-3 rounded-xl bg-sand-50 p-3" role="alertdialog" aria-label="Confirmar cancelamento">
      <p className="text-sm">Cancelar este pedido? Os itens voltam para o estoque e o pedido não poderá mais ser pago.</p>
      <FormError message={error} />
      <div className="flex flex-wrap gap-3">
        <Button
          variant="danger"
          disabled={pending}
          onClick={async () => {
            setPending(true);
            setError(undefined);
            const res = await callApi(`/api/orders/${orderId}/cancel`, { method: "POST" });
            setPending(false);
            if (!res.ok) {
              setError(res.error.message);
              router.refresh();
              return;
            }
            setConfirming(false);
            toast("Pedido cancelado.", "success");
            router.refresh();
          }}
        >
          {pending ? "Cancelando..." : "Sim, cancelar pedido"}
        </Button>
        <Button variant="ghost" onClick={() => setConfirming(false)}>
          Voltar
        </Button>
      </div>
    </div>
  );
}
