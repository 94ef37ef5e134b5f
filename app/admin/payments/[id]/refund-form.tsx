"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { formatMoney } from "@/lib/money";
import { callApi } from "../../../_components/api";
import { useToast } from "../../../_components/toast";
import { Button } from "../../../_components/ui";
import { type RefundAnswer, refundOutcome } from "./refund-outcome";

/**
 * Refund with a confirmation step; one Idempotency-Key per confirmed intent (amount), so a double
 * click refunds once, and a new key after a failure, so trying again really tries again.
 */
export function RefundForm({ paymentId, refundableCents, currency }: { paymentId: string; refundableCents: number; currency: string }) {
  const router = useRouter();
  const toast = useToast();
  const [amount, setAmount] = useState((refundableCents / 100).toFixed(2).replace(".", ","));
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();
  const key = useRef<string>(crypto.randomUUID());
  const cents = Math.round(Number(amount.replace(/\./g, "").replace(",", ".")) * 100);
  const valid = Number.isInteger(cents) && cents > 0 && cents <= refundableCents;
  const newKey = () => {
    key.current = crypto.randomUUID();
  };
  return (
    <div className="mt-4 space-y-3">
      <label className="block text-sm">
        <span className="font-medium">Valor a reembolsar (máx. {formatMoney(refundableCents, currency)})</span>
        <input
          value={amount}
          inputMode="decimal"
          onChange={(e) => {
            setAmount(e.target.value);
            setConfirming(false);
            // Another amount is another intent: the server refuses a key reused for a different amount.
            newKey();
          }}
          className="mt-1 w-40 rounded-lg border border-slate-300 px-3 py-2"
          aria-invalid={!valid}
          name="amount"
        />
      </label>
      {error ? (
        <p className="text-sm text-red-700" role="alert">
          {error}
        </p>
      ) : null}
      {!confirming ? (
        <Button variant="danger" disabled={!valid} onClick={() => setConfirming(true)}>
          Reembolsar
        </Button>
      ) : (
        <div className="flex flex-wrap items-center gap-3 rounded-xl bg-red-50 p-3" role="alertdialog" aria-label="Confirmar reembolso">
          <span className="text-sm">Confirmar reembolso de {formatMoney(cents, currency)}? Não dá para desfazer.</span>
          <Button
            variant="danger"
            disabled={pending}
            onClick={async () => {
              setPending(true);
              setError(undefined);
              const res = await callApi<RefundAnswer>(`/api/payments/${paymentId}/refunds`, {
                body: { amountCents: cents },
                headers: { "idempotency-key": key.current },
              });
              setPending(false);
              const outcome = refundOutcome(res);
              if (!outcome.keepKey) newKey();
              if (res.ok && outcome.kind !== "failed") {
                setConfirming(false);
                toast(outcome.message, outcome.kind === "succeeded" ? "success" : "info");
              } else {
                setError(outcome.message);
              }
              router.refresh();
            }}
          >
            {pending ? "Reembolsando..." : "Confirmar reembolso"}
          </Button>
          <Button variant="ghost" onClick={() => setConfirming(false)}>
            Cancelar
          </Button>
        </div>
      )}
    </div>
  );
}
