import { Heading, Text } from "@react-email/components";
import { z } from "zod";
import { CtaButton } from "./components/cta-button";
import { EmailLayout } from "./components/layout";
import { Money } from "./components/money";
import { greeting } from "./copy";
import { defineTemplate } from "./define";
import { centsSchema, httpUrlSchema, orderIdSchema, personNameSchema } from "./schemas";
import { styles } from "./theme";

export const paymentRejectedSchema = z.object({
  name: personNameSchema.optional(),
  orderId: orderIdSchema,
  totalCents: centsSchema,
  /** Where the buyer can pay the same order again ("tentar novamente"). */
  retryUrl: httpUrlSchema,
  /** Customer-safe explanation in pt-BR, e.g. "saldo insuficiente". Never the raw provider code. */
  reason: z.string().trim().min(1).max(200).optional(),
});

export type PaymentRejectedProps = z.infer<typeof paymentRejectedSchema>;

export function PaymentRejectedEmail({
  name,
  orderId,
  totalCents,
  retryUrl,
  reason,
}: PaymentRejectedProps) {
  return (
    <EmailLayout
      preview={`O pagamento do pedido #${orderId} não foi aprovado. Você pode tentar novamente.`}
      footerNote="Você recebeu este e-mail porque fez um pedido na OnlyWave."
    >
      <Heading as="h1" style={styles.heading}>
        Pagamento não aprovado
      </Heading>
      <Text style={styles.paragraph}>
        {greeting(name)} O pagamento de <Money cents={totalCents} /> do pedido #{orderId} não foi
        aprovado{reason ? ` (motivo: ${reason})` : ""}. Nenhum valor foi cobrado por esta
        tentativa.
      </Text>
      <Text style={styles.paragraph}>
        Seu pedido continua aberto: você pode tentar novamente com outro cartão ou pagar com Pix.
      </Text>
      <CtaButton href={retryUrl} label="Tentar novamente" />
    </EmailLayout>
  );
}

export const paymentRejectedTemplate = defineTemplate({
  description: "Pagamento recusado, com link para tentar novamente",
  schema: paymentRejectedSchema,
  component: PaymentRejectedEmail,
  subject: ({ orderId }) => `Pagamento não aprovado: pedido #${orderId}`,
  sample: {
    name: "Marina",
    orderId: "OW-10427",
    totalCents: 295_870,
    retryUrl: "https://onlywave.com.br/pedidos/OW-10427/pagar",
    reason: "pagamento recusado pelo banco emissor",
  },
});

PaymentRejectedEmail.PreviewProps = paymentRejectedTemplate.sample;
export default PaymentRejectedEmail;
