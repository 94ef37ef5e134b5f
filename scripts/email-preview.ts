/**
 * Renders every email template with its sample props into .tmp/email-preview/
 * (one .html and one .txt per template plus index.html) and serves that folder.
 *
 *   npx tsx scripts/email-preview.ts [--port 3030] [--host 127.0.0.1] [--out .tmp/email-preview] [--no-serve]
 *
 * Files are rendered once at start; re-run after editing a template.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { basename, extname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { type EmailTemplateName, emailTemplateNames, renderEmailUnchecked, templates } from "../emails";

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function indexPage(entries: Array<{ name: EmailTemplateName; subject: string; description: string }>): string {
  const links = entries
    .map(
      (e) =>
        `<li><a href="${e.name}.html" target="preview"><strong>${e.name}</strong></a>` +
        ` <a class="txt" href="${e.name}.txt" target="preview">texto</a>` +
        `<br><small>${escapeHtml(e.description)}</small><br><em>${escapeHtml(e.subject)}</em></li>`,
    )
    .join("\n");
  const first = entries[0]?.name ?? "";
  return `<!doctype html><html lang="pt-BR"><meta charset="utf-8"><title>OnlyWave · e-mails</title>
<style>
  body{margin:0;display:flex;height:100vh;font-family:system-ui,sans-serif;background:#f4e9d8;color:#1f2d3a}
  nav{width:320px;overflow:auto;padding:16px;background:#0b3d5c;color:#f4e9d8}
  nav h1{font-size:18px;margin:0 0 12px} nav a{color:#fff} nav a.txt{color:#ff6b4a;font-size:12px}
  nav ul{list-style:none;padding:0} nav li{margin:0 0 14px} nav small,nav em{color:#f4e9d8;opacity:.8}
  iframe{flex:1;border:0;background:#fff}
</style>
<nav><h1>OnlyWave · e-mails</h1><ul>${links}</ul></nav>
<iframe name="preview" src="${first}.html"></iframe></html>`;
}

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string", default: "3030" },
      host: { type: "string", default: "127.0.0.1" },
      out: { type: "string", default: ".tmp/email-preview" },
      "no-serve": { type: "boolean", default: false },
    },
  });
  const outDir = resolve(process.cwd(), values.out);
  mkdirSync(outDir, { recursive: true });

  const entries: Array<{ name: EmailTemplateName; subject: string; description: string }> = [];
  for (const name of emailTemplateNames) {
    const template = templates[name];
    const email = await renderEmailUnchecked(name, template.sample);
    writeFileSync(join(outDir, `${name}.html`), email.html);
    writeFileSync(join(outDir, `${name}.txt`), `Assunto: ${email.subject}\n\n${email.text}`);
    entries.push({ name, subject: email.subject, description: template.description });
  }
  writeFileSync(join(outDir, "index.html"), indexPage(entries));
  console.log(`Rendered ${entries.length} templates to ${outDir}`);
  if (values["no-serve"]) return;

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://preview").pathname;
    // basename() keeps requests inside outDir.
    const file = path === "/" ? "index.html" : basename(decodeURIComponent(path));
    const type = CONTENT_TYPES[extname(file)];
    try {
      if (!type) throw new Error("unsupported");
      const body = readFileSync(join(outDir, file));
      res.writeHead(200, { "content-type": type });
      res.end(body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
      res.end("not found");
    }
  });
  server.listen(Number(values.port), values.host, () => {
    console.log(`Email preview at http://${values.host}:${values.port}/`);
  });
  const stop = () => server.close(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
