/** One entry of SendGrid's error body `{"errors":[…]}`. */
export interface SendGridApiError {
  message: string;
  field: string | null;
  help: string | null;
}

const HELP = "http://sendgrid.com/docs/API_Reference/Web_API_v3/Mail/errors.html";
const EMAIL = /^[^\s@<>(),;:"[\]]+@[^\s@<>(),;:"[\]]+\.[^\s@<>(),;:"[\]]+$/;
const MAX_CUSTOM_ARGS_BYTES = 10_000;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function error(message: string, field: string | null, anchor?: string): SendGridApiError {
  return { message, field, help: anchor ? `${HELP}#${anchor}` : null };
}

function validateRecipients(p: Record<string, unknown>, i: number, errors: SendGridApiError[]): void {
  if (!Array.isArray(p.to) || p.to.length === 0) {
    errors.push(
      error(
        "The to array is required for all personalization objects, and must have at least one email object with a valid email address.",
        `personalizations.${i}.to`,
        "message.personalizations.to",
      ),
    );
  }
  const seen = new Set<string>();
  for (const kind of ["to", "cc", "bcc"] as const) {
    const list = p[kind];
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      errors.push(error(`Invalid type. Expected: array, given: ${typeof list}.`, `personalizations.${i}.${kind}`));
      continue;
    }
    list.forEach((entry, j) => {
      const email = isObject(entry) ? entry.email : undefined;
      if (typeof email !== "string" || !EMAIL.test(email)) {
        errors.push(error("Does not contain a valid address.", `personalizations.${i}.${kind}.${j}.email`, "message.personalizations.to"));
        return;
      }
      const lower = email.toLowerCase();
      if (seen.has(lower)) {
        errors.push(
          error(
            `Each email address in the personalization block should be unique between to, cc, and bcc. We found the first duplicate instance of [${email}] in the personalizations.${i}.${kind} field.`,
            `personalizations.${i}`,
            "message.personalizations",
          ),
        );
      }
      seen.add(lower);
    });
  }
}

function validateContent(content: unknown, errors: SendGridApiError[]): void {
  if (!Array.isArray(content) || content.length === 0) {
    errors.push(
      error(
        "Unless a valid template_id is provided, the content parameter is required. There must be at least one defined content block. We typically suggest both text/plain and text/html blocks are included, but only one block is required.",
        "content",
        "message.content",
      ),
    );
    return;
  }
  content.forEach((block, i) => {
    if (!isObject(block) || typeof block.type !== "string" || block.type.length === 0) {
      errors.push(error("The content type must be a string at least one character in length.", `content.${i}.type`, "message.content.type"));
      return;
    }
    if (typeof block.value !== "string" || block.value.length === 0) {
      errors.push(error("The content value must be a string at least one character in length.", `content.${i}.value`, "message.content.value"));
    }
    if (block.type === "text/plain" && i !== 0) {
      errors.push(error("If present, text/plain content must be first, followed by text/html, followed by any other content.", "content", "message.content.type"));
    }
  });
}

function validateCustomArgs(customArgs: unknown, field: string, errors: SendGridApiError[]): void {
  if (customArgs === undefined) return;
  if (!isObject(customArgs)) {
    errors.push(error(`Invalid type. Expected: object, given: ${Array.isArray(customArgs) ? "array" : typeof customArgs}.`, field, "message.custom_args"));
    return;
  }
  for (const [key, value] of Object.entries(customArgs)) {
    if (typeof value !== "string") {
      errors.push(error(`Invalid type. Expected: string, given: ${typeof value}.`, `${field}.${key}`, "message.custom_args"));
    }
  }
  if (Buffer.byteLength(JSON.stringify(customArgs)) > MAX_CUSTOM_ARGS_BYTES) {
    errors.push(error("The custom_args parameter must not exceed 10,000 bytes.", field, "message.custom_args"));
  }
}

/**
 * Validates a v3 Mail Send body the way SendGrid does for the fields OnlyWave
 * uses (messages and fields copied from SendGrid's error reference). Returns []
 * when the request would be accepted.
 */
export function validateMailSend(body: unknown): SendGridApiError[] {
  if (!isObject(body)) return [error("Bad Request", null)];
  const errors: SendGridApiError[] = [];
  const usesTemplate = typeof body.template_id === "string" && body.template_id.length > 0;
  const personalizations = body.personalizations;

  if (!Array.isArray(personalizations) || personalizations.length === 0) {
    errors.push(
      error(
        "The personalizations field is required and must have at least one personalization.",
        "personalizations",
        "-Personalizations-Errors",
      ),
    );
  } else if (personalizations.length > 1000) {
    errors.push(
      error(
        `The personalization block is limited to 1000 personalizations per API request. You have provided ${personalizations.length} personalizations. Please consider splitting this into multiple requests and resending your request.`,
        "personalizations",
        "message.personalizations",
      ),
    );
  } else {
    personalizations.forEach((p, i) => {
      if (!isObject(p)) {
        errors.push(error("Invalid type. Expected: object.", `personalizations.${i}`));
        return;
      }
      validateRecipients(p, i, errors);
      validateCustomArgs(p.custom_args, `personalizations.${i}.custom_args`, errors);
    });
  }

  const from = body.from;
  if (!isObject(from) || typeof from.email !== "string" || from.email.length === 0) {
    errors.push(
      error(
        'The from object must be provided for every email send. It is an object that requires the email parameter, but may also contain a name parameter.  e.g. {"email" : "example@example.com"}  or {"email" : "example@example.com", "name" : "Example Recipient"}.',
        "from.email",
        "message.from",
      ),
    );
  } else if (!EMAIL.test(from.email)) {
    errors.push(error("The from email does not contain a valid address.", "from.email", "message.from"));
  }

  const everyPersonalizationHasSubject =
    Array.isArray(personalizations) &&
    personalizations.length > 0 &&
    personalizations.every((p) => isObject(p) && typeof p.subject === "string" && p.subject.length > 0);
  if (!usesTemplate && !(typeof body.subject === "string" && body.subject.length > 0) && !everyPersonalizationHasSubject) {
    errors.push(
      error(
        "The subject is required. You can get around this requirement if you use a template with a subject defined or if every personalization has a subject defined.",
        "subject",
        "message.subject",
      ),
    );
  }

  if (!usesTemplate || body.content !== undefined) validateContent(body.content, errors);
  validateCustomArgs(body.custom_args, "custom_args", errors);
  return errors;
}
