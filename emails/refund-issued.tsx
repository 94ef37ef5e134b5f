import { Heading, Text } from "@react-email/components";
import { z } from "zod";
import { CtaButton } from "./components/cta-button";
import { EmailLayout } from "./components/layout";
import { Money } from "./components/money";
import { greeting } from "./copy";
import { defineTemplate } from "./define";
import { formatBRL } from "./format";
import { centsSchema, httpUrlSchema, orderIdSchema, personNameSchema } from "./schemas";
import { styles } from "./theme";

export const refundIssuedSchema = z
  .object({
    name: personNameSchema.optional(),
    orderId: orderIdSchema,
    /** This refund only. */
    amountCents: centsSchema.positive(),
    /** All refunds of the order so far, this one included. */
    totalRefundedCents: centsSchema.positive(),
    /** true when the order is now refunded in full. */
    full: z.boolean(),
    orderUrl: httpUrlSchema.optional(),
  })
  .refine((p) => p.totalRefundedCents >= p.amountCents, {
    message: "totalRefundedCents must include amountCents",
    path: ["totalRefundedCents"],
  });

export type RefundIssuedProps = z.infer<typeof refundIssuedSchema>;

export function RefundIssuedEmail({
  name,
  orderId,
  amountCents,
  totalRefundedCents,
  full,
  orderUrl,
}: RefundIssuedProps) {
  return (
    <EmailLayout
      preview={`Estornamos ${formatBRL(amountCents)} do pedido #${orderId}.`}
      footerNote="Você recebeu este e-mail porque fez um pedido na OnlyWave."
    >
      <Heading as="h1" style={styles.heading}>
        {full ? "Reembolso total efetuado" : "Reembolso parcial efetuado"}
      </Heading>
      <Text style={styles.paragraph}>
        {greeting(name)} Estornamos <Money cents={amountCents} /> referente ao pedido #{orderId}.
      </Text>
      <Text style={styles.paragraph}>
        {full ? (
          <>
            O pedido foi reembolsado integralmente: <Money cents={totalRefundedCents} /> no total.
          </>
        ) : (
          <>
            Com este estorno, o total reembolsado neste pedido é de{" "}
            <Money cents={totalRefundedCents} />.
          </>
        )}
      </Text>
      <Text style={styles.small}>
        O prazo para o valor aparecer depende do meio de pagamento: no Pix a devolução costuma ser
        imediata; no cartão de crédito o estorno pode aparecer em até duas faturas.
      </Text>
      {orderUrl ? <CtaButton href={orderUrl} label="Ver meu pedido" variant="secondary" /> : null}
    </EmailLayout>
  );
}

export const refundIssuedTemplate = defineTemplate({
  description: "Reembolso (parcial ou total) emitido",
  schema: refundIssuedSchema,
  component: RefundIssuedEmail,
  subject: ({ orderId, full }) =>
    full ? `Reembolso total do pedido #${orderId}` : `Reembolso parcial do pedido #${orderId}`,
  sample: {
    name: "Marina",
    orderId: "OW-10427",
    amountCents: 5_970,
    totalRefundedCents: 5_970,
    full: false,
    orderUrl: "https://onlywave.com.br/pedidos/OW-10427",
  },
});

RefundIssuedEmail.PreviewProps = refundIssuedTemplate.sample;
export default RefundIssuedEmail;
