import { requireUser } from "@/lib/auth/session";
import { PageTitle } from "../_components/ui";
import { ConfirmOrder } from "./confirm-order";

export const metadata = { title: "Checkout" };

/** Step 1: the signed-in shopper confirms the cart; the server prices it and reserves the stock. */
export default async function CheckoutPage() {
  await requireUser("/checkout");
  return (
    <div className="mx-auto max-w-3xl">
      <PageTitle subtitle="Confira os itens antes de pagar.">Finalizar compra</PageTitle>
      <ConfirmOrder />
    </div>
  );
}
