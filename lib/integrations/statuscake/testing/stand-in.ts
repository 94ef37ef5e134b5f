import http from "node:http";
import type { AddressInfo } from "node:net";
import { CHECK_RATES, type UptimeCheck } from "../types";

/** A request the stand-in received, for assertions. */
export interface RecordedRequest {
  method: string;
  path: string;
  authorization?: string;
  contentType?: string;
  form: URLSearchParams;
}

type Stored = UptimeCheck & { fields: Record<string, string | string[]> };

const TEST_TYPES = ["HTTP", "HEAD", "TCP", "DNS", "SMTP", "SSH", "PING", "PUSH"];

/**
 * A local stand-in for StatusCake's v1 uptime API (the real one is unreachable here): bearer
 * auth, form-encoded bodies, `{data, metadata}` pagination (25 per page by default), 201
 * `{data:{new_id}}` on create, 204 on update, and 400 `{message, errors}` on invalid fields.
 */
export async function startStatusCakeStandIn(opts: { apiKey: string; perPage?: number }) {
  const checks = new Map<string, Stored>();
  const requests: RecordedRequest[] = [];
  let nextId = 7_000_000;

  const send = (res: http.ServerResponse, status: number, body?: unknown) => {
    res.writeHead(status, body === undefined ? {} : { "content-type": "application/json" });
    res.end(body === undefined ? undefined : JSON.stringify(body));
  };

  function validate(form: URLSearchParams, create: boolean): Record<string, string[]> {
    const errors: Record<string, string[]> = {};
    const required = create ? ["name", "test_type", "website_url", "check_rate"] : [];
    for (const f of required) if (!form.get(f)) errors[f] = [`${f} is required`];
    const rate = form.get("check_rate");
    if (rate !== null && !(CHECK_RATES as readonly number[]).includes(Number(rate))) errors.check_rate = ["check_rate is invalid"];
    const type = form.get("test_type");
    if (type !== null && !TEST_TYPES.includes(type)) errors.test_type = ["test_type is invalid"];
    const url = form.get("website_url");
    if (url !== null && !/^https?:\/\/[^/\s]+/.test(url)) errors.website_url = ["website_url must be a valid URL"];
    return errors;
  }

  function apply(stored: Stored, form: URLSearchParams) {
    for (const key of new Set(form.keys())) {
      const name = key.replace(/\[\]$/, "");
      stored.fields[name] = key.endsWith("[]") ? form.getAll(key).filter(Boolean) : form.get(key)!;
    }
    const f = stored.fields;
    Object.assign(stored, {
      name: String(f.name ?? stored.name),
      website_url: String(f.website_url ?? stored.website_url),
      check_rate: Number(f.check_rate ?? stored.check_rate),
      paused: String(f.paused ?? stored.paused) === "true",
      tags: (f.tags as string[] | undefined) ?? stored.tags,
      contact_groups: (f.contact_groups as string[] | undefined) ?? stored.contact_groups,
    });
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://stand-in");
      const form = new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
      requests.push({
        method: req.method ?? "",
        path: url.pathname,
        authorization: req.headers.authorization,
        contentType: req.headers["content-type"],
        form,
      });
      if (req.headers.authorization !== `Bearer ${opts.apiKey}`) return send(res, 401, { message: "Unauthorized" });
      const one = /^\/v1\/uptime\/([^/]+)$/.exec(url.pathname);

      if (req.method === "GET" && url.pathname === "/v1/uptime") {
        const perPage = Number(url.searchParams.get("limit") ?? opts.perPage ?? 25);
        const limit = Math.min(perPage, opts.perPage ?? 25);
        const page = Number(url.searchParams.get("page") ?? 1);
        const all = [...checks.values()].map(({ fields: _fields, ...c }) => c);
        const pageCount = Math.max(1, Math.ceil(all.length / limit));
        return send(res, 200, {
          data: all.slice((page - 1) * limit, page * limit),
          metadata: { page, per_page: limit, page_count: pageCount, total_count: all.length },
        });
      }
      if (req.method === "POST" && url.pathname === "/v1/uptime") {
        const errors = validate(form, true);
        if (Object.keys(errors).length) {
          return send(res, 400, { message: "The provided parameters are invalid. Check the errors output for detailed information.", errors });
        }
        const id = String(nextId++);
        const stored: Stored = { id, name: "", website_url: "", test_type: form.get("test_type")!, check_rate: 0, paused: false, tags: [], contact_groups: [], status: "up", fields: {} };
        apply(stored, form);
        checks.set(id, stored);
        return send(res, 201, { data: { new_id: id } });
      }
      if (one && req.method === "PUT") {
        const stored = checks.get(one[1]!);
        if (!stored) return send(res, 404, { message: "No results found" });
        const errors = validate(form, false);
        if (form.has("test_type")) errors.test_type = ["test_type cannot be updated"];
        if (Object.keys(errors).length) return send(res, 400, { message: "The provided parameters are invalid.", errors });
        apply(stored, form);
        return send(res, 204);
      }
      if (one && req.method === "GET") {
        const stored = checks.get(one[1]!);
        return stored ? send(res, 200, { data: { ...stored } }) : send(res, 404, { message: "No results found" });
      }
      return send(res, 404, { message: "Not found" });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    checks,
    requests,
    /** Adds a check as if someone created it in the StatusCake UI. */
    seed(check: Partial<UptimeCheck> & { name: string; website_url: string }) {
      const id = String(nextId++);
      checks.set(id, { id, test_type: "HTTP", check_rate: 300, paused: false, tags: [], contact_groups: [], status: "up", fields: {}, ...check });
      return id;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
