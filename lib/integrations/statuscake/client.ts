import type { UptimeCheck, UptimeCheckSpec } from "./types";

export const STATUSCAKE_API_URL = "https://api.statuscake.com/v1";

/** A non-2xx answer from StatusCake. The message never contains the API key. */
export class StatusCakeError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
    what: string,
  ) {
    super(`StatusCake ${what} answered HTTP ${status}: ${body.slice(0, 500)}`);
    this.name = "StatusCakeError";
  }
}

export interface StatusCakeClientOptions {
  apiKey: string;
  /** Default https://api.statuscake.com/v1; tests point it at a local stand-in. */
  baseUrl?: string;
  /** Per-request timeout (default 15 s). */
  timeoutMs?: number;
}

/** The fields of a create/update, form-encoded the way the API expects (arrays as `name[]`). */
export function uptimeForm(spec: UptimeCheckSpec, opts: { create: boolean }): URLSearchParams {
  const form = new URLSearchParams();
  form.set("name", spec.name);
  if (opts.create) form.set("test_type", "HTTP");
  // Updatable since StatusCakeDev/statuscake-go#22 ("allow resource URLs to be updated").
  form.set("website_url", spec.websiteUrl);
  form.set("check_rate", String(spec.checkRate));
  form.set("timeout", String(spec.timeout));
  form.set("confirmation", String(spec.confirmation));
  form.set("trigger_rate", String(spec.triggerRate));
  form.set("follow_redirects", String(spec.followRedirects));
  form.set("paused", String(spec.paused));
  form.set("status_codes_csv", spec.statusCodes.join(","));
  if (spec.findString) form.set("find_string", spec.findString);
  for (const tag of spec.tags) form.append("tags[]", tag);
  for (const group of spec.contactGroups) form.append("contact_groups[]", group);
  return form;
}

/**
 * A minimal StatusCake v1 client for uptime checks: raw fetch with `Authorization: Bearer` and
 * form-encoded bodies (the official JS client is labelled beta). One retry on 429, honouring
 * Retry-After up to 5 s, since the API rate-limits per key.
 */
export function createStatusCakeClient(opts: StatusCakeClientOptions) {
  const base = (opts.baseUrl ?? STATUSCAKE_API_URL).replace(/\/+$/, "");
  const timeoutMs = opts.timeoutMs ?? 15_000;

  async function request(method: string, path: string, what: string, body?: URLSearchParams): Promise<Response> {
    for (let attempt = 0; ; attempt++) {
      const res = await fetch(`${base}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${opts.apiKey}`,
          accept: "application/json",
          ...(body ? { "content-type": "application/x-www-form-urlencoded" } : {}),
        },
        body: body?.toString(),
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (res.status === 429 && attempt === 0) {
        const wait = Math.min(5, Number(res.headers.get("retry-after") ?? "1") || 1);
        await res.body?.cancel();
        await new Promise((r) => setTimeout(r, wait * 1000));
        continue;
      }
      if (!res.ok) throw new StatusCakeError(res.status, await res.text(), what);
      return res;
    }
  }

  return {
    /** Every uptime check of the account (follows `metadata.page_count`). */
    async listUptime(): Promise<UptimeCheck[]> {
      const all: UptimeCheck[] = [];
      for (let page = 1; ; page++) {
        const res = await request("GET", `/uptime?page=${page}&limit=100`, "list uptime checks");
        const json = (await res.json()) as { data: UptimeCheck[]; metadata?: { page_count?: number } };
        all.push(...json.data);
        if (page >= (json.metadata?.page_count ?? 1)) return all;
      }
    },
    /** Creates a check; returns its id. */
    async createUptime(spec: UptimeCheckSpec): Promise<string> {
      const res = await request("POST", "/uptime", `create "${spec.name}"`, uptimeForm(spec, { create: true }));
      const json = (await res.json()) as { data: { new_id: string } };
      return String(json.data.new_id);
    },
    /** Replaces the settings of an existing check. */
    async updateUptime(id: string, spec: UptimeCheckSpec): Promise<void> {
      const res = await request("PUT", `/uptime/${encodeURIComponent(id)}`, `update "${spec.name}"`, uptimeForm(spec, { create: false }));
      await res.body?.cancel();
    },
  };
}

export type StatusCakeClient = ReturnType<typeof createStatusCakeClient>;
