/** HTML helpers shared by the checkout and admin pages (server-rendered, no client framework). */

export function esc(value: unknown): string {
  return String(value ?? "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

const STYLE = `
*{box-sizing:border-box}body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#ededed;color:#333}
header.top{background:#ffe600;padding:12px 24px;display:flex;gap:12px;align-items:center}
header.top strong{font-size:18px;color:#2d3277}.badge{background:#2d3277;color:#fff;border-radius:12px;padding:2px 10px;font-size:12px}
main{max-width:980px;margin:24px auto;padding:0 16px}.card{background:#fff;border-radius:6px;box-shadow:0 1px 2px rgba(0,0,0,.12);padding:24px;margin-bottom:16px}
h1{font-size:22px;margin:0 0 16px}h2{font-size:18px;margin:0 0 12px}
ul.items{list-style:none;padding:0;margin:0}ul.items li{display:flex;justify-content:space-between;padding:8px 0;border-bottom:1px solid #eee}
.total{display:flex;justify-content:space-between;font-size:20px;margin-top:12px}
label{display:block;font-weight:600;margin:14px 0 4px}input[type=text],input[type=email],select{width:100%;padding:10px;border:1px solid #bbb;border-radius:6px;font-size:16px}
fieldset{border:1px solid #ddd;border-radius:6px;padding:8px 16px}fieldset label{font-weight:400;display:flex;gap:8px;align-items:center}
button{margin-top:20px;width:100%;padding:14px;border:0;border-radius:6px;background:#009ee3;color:#fff;font-size:18px;cursor:pointer}
a.button{display:inline-block;margin-top:16px;padding:12px 20px;border-radius:6px;background:#009ee3;color:#fff;text-decoration:none}
.hint{font-size:13px;color:#666}.hint code{background:#f3f3f3;padding:1px 4px;border-radius:3px}
.error{background:#fdecea;color:#a4262c;border-radius:6px;padding:12px}.ok{color:#00a650}.warn{color:#e67e00}.bad{color:#a4262c}
table{border-collapse:collapse;width:100%;font-size:13px}th,td{border-bottom:1px solid #eee;padding:6px;text-align:left;vertical-align:top}
td code,pre{font-size:12px;white-space:pre-wrap;word-break:break-all}details summary{cursor:pointer}
`;

export function page(title: string, body: string, head = ""): string {
  return `<!doctype html>
<html lang="pt-BR">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>${head}<style>${STYLE}</style></head>
<body><header class="top"><strong>mercado pago</strong><span class="badge">Emulador — ambiente de teste</span></header>
<main>${body}</main></body></html>`;
}
