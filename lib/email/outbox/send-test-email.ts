import { type EmailTemplateName, isEmailTemplateName, templates } from "@/emails";
import { errors } from "@/lib/http/errors";
import { enqueueEmail } from "./enqueue";
import { kickOutbox } from "./worker";

/**
 * Lets an admin check a template and the whole delivery path (worker, provider, tracking) by sending
 * it, with the template's sample props, to any address. Goes through the outbox like every email, so
 * it shows up in /admin/emails with its events; no dedupe key, each request is one more email.
 */
export async function sendTestEmail(input: { to: string; template: string }): Promise<{ id: string }> {
  if (!isEmailTemplateName(input.template)) {
    throw errors.validation([{ path: "template", message: "Modelo de e-mail desconhecido." }]);
  }
  const name: EmailTemplateName = input.template;
  const id = await enqueueEmail({ template: name, to: input.to, props: { ...templates[name].sample } });
  // Without a dedupe key the insert always happens; the null branch only satisfies the type.
  if (!id) throw new Error("test email was not enqueued");
  kickOutbox();
  return { id };
}
