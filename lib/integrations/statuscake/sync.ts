import type { StatusCakeClient } from "./client";
import type { UptimeCheck, UptimeCheckSpec } from "./types";

/** What the sync did (or would do, in a dry run) for one check. */
export interface SyncAction {
  action: "created" | "updated";
  name: string;
  id?: string;
  websiteUrl: string;
}

export interface SyncOptions {
  dryRun?: boolean;
  log?: (line: string) => void;
}

function findExisting(existing: UptimeCheck[], spec: UptimeCheckSpec): UptimeCheck[] {
  const byName = existing.filter((c) => c.name === spec.name);
  return byName.length ? byName : existing.filter((c) => c.website_url === spec.websiteUrl);
}

/**
 * Makes StatusCake match `specs`, idempotently: a check found by name (else by URL) is updated in
 * place (keeping its id and history), otherwise it is created. Checks we do not manage are never
 * touched; duplicates are reported, not deleted.
 */
export async function syncUptimeChecks(
  client: StatusCakeClient,
  specs: UptimeCheckSpec[],
  opts: SyncOptions = {},
): Promise<SyncAction[]> {
  const log = opts.log ?? (() => {});
  const existing = await client.listUptime();
  const actions: SyncAction[] = [];
  for (const spec of specs) {
    const [match, ...dupes] = findExisting(existing, spec);
    if (dupes.length) log(`warning: ${dupes.length + 1} checks named "${spec.name}"; updating ${match!.id} only`);
    if (match) {
      if (!opts.dryRun) await client.updateUptime(match.id, spec);
      actions.push({ action: "updated", name: spec.name, id: match.id, websiteUrl: spec.websiteUrl });
    } else {
      const id = opts.dryRun ? undefined : await client.createUptime(spec);
      actions.push({ action: "created", name: spec.name, id, websiteUrl: spec.websiteUrl });
    }
    const last = actions.at(-1)!;
    log(`${opts.dryRun ? "would have " : ""}${last.action} ${last.name}${last.id ? ` (id ${last.id})` : ""} → ${last.websiteUrl}`);
  }
  return actions;
}
