import { Heading, Text } from "@react-email/components";
import { z } from "zod";
import { CtaButton } from "./components/cta-button";
import { EmailLayout } from "./components/layout";
import { defineTemplate } from "./define";
import { httpUrlSchema } from "./schemas";
import { styles } from "./theme";

export const adminAlertSchema = z.object({
  title: z.string().trim().min(1).max(150),
  /** Plain text; blank lines separate paragraphs. */
  message: z.string().trim().min(1).max(5_000),
  /** Where to act on it (admin page, Sentry issue...). */
  link: httpUrlSchema.optional(),
});

export type AdminAlertProps = z.infer<typeof adminAlertSchema>;

export function AdminAlertEmail({ title, message, link }: AdminAlertProps) {
  const paragraphs = message.split(/\n\s*\n/);
  return (
    <EmailLayout
      preview={title}
      footerNote="Alerta automático enviado aos administradores da OnlyWave."
    >
      <Text style={{ ...styles.small, textTransform: "uppercase", letterSpacing: "1px" }}>
        Alerta do painel
      </Text>
      <Heading as="h1" style={styles.heading}>
        {title}
      </Heading>
      {paragraphs.map((paragraph, index) => (
        <Text key={index} style={{ ...styles.paragraph, whiteSpace: "pre-line" }}>
          {paragraph}
        </Text>
      ))}
      {link ? <CtaButton href={link} label="Abrir no painel" variant="secondary" /> : null}
    </EmailLayout>
  );
}

export const adminAlertTemplate = defineTemplate({
  description: "Alerta operacional para administradores",
  schema: adminAlertSchema,
  component: AdminAlertEmail,
  subject: ({ title }) => `[OnlyWave admin] ${title}`,
  sample: {
    title: "E-mails falhando no SendGrid",
    message:
      "12 e-mails falharam nos últimos 15 minutos e foram enviados pelo SMTP de reserva.\n\nÚltimo erro: 503 Service Unavailable.",
    link: "https://onlywave.com.br/admin/emails?status=failed",
  },
});

AdminAlertEmail.PreviewProps = adminAlertTemplate.sample;
export default AdminAlertEmail;
