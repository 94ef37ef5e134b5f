import { Heading, Text } from "@react-email/components";
import { z } from "zod";
import { CtaButton } from "./components/cta-button";
import { EmailLayout } from "./components/layout";
import { Money } from "./components/money";
import { greeting } from "./copy";
import { defineTemplate } from "./define";
import { centsSchema, httpUrlSchema, orderIdSchema, personNameSchema } from "./schemas";
import { styles } from "./theme";

export const paymentPendingSchema = z.object({
  name: personNameSchema.optional(),
  orderId: orderIdSchema,
  totalCents: centsSchema,
  orderUrl: httpUrlSchema.optional(),
});

export type PaymentPendingProps = z.infer<typeof paymentPendingSchema>;

export function PaymentPendingEmail({ name, orderId, totalCents, orderUrl }: PaymentPendingProps) {
  return (
    <EmailLayout
      preview={`O pagamento do pedido #${orderId} está em análise.`}
      footerNote="Você recebeu este e-mail porque fez um pedido na OnlyWave."
    >
      <Heading as="h1" style={styles.heading}>
        Pagamento em análise
      </Heading>
      <Text style={styles.paragraph}>
        {greeting(name)} O pagamento de <Money cents={totalCents} /> do pedido #{orderId} está
        sendo processado. Isso costuma levar poucos minutos, mas pode levar até 2 dias úteis.
      </Text>
      <Text style={styles.paragraph}>
        Avisaremos por e-mail assim que ele for aprovado. Não é preciso pagar de novo.
      </Text>
      {orderUrl ? (
        <CtaButton href={orderUrl} label="Acompanhar pedido" variant="secondary" />
      ) : null}
    </EmailLayout>
  );
}

export const paymentPendingTemplate = defineTemplate({
  description: "Pagamento em processamento/análise",
  schema: paymentPendingSchema,
  component: PaymentPendingEmail,
  subject: ({ orderId }) => `Pagamento em análise: pedido #${orderId}`,
  sample: {
    name: "Marina",
    orderId: "OW-10427",
    totalCents: 295_870,
    orderUrl: "https://onlywave.com.br/pedidos/OW-10427",
  },
});

PaymentPendingEmail.PreviewProps = paymentPendingTemplate.sample;
export default PaymentPendingEmail;
