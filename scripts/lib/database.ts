import postgres from "postgres";

/** Creates a fresh, uniquely named database next to the one `baseUrl` points at; returns its URL. */
export async function createScratchDatabase(baseUrl: string, prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = postgres(baseUrl, { max: 1, onnotice: () => {} });
      try {
        await c.unsafe(`drop database if exists "${name}" with (force)`);
      } finally {
        await c.end({ timeout: 5 });
      }
    },
  };
}

/** Refuses to run destructive test setup against anything but a local server (dub's rule). */
export function assertLocalDatabase(url: string): void {
  const host = new URL(url).hostname;
  if (!["127.0.0.1", "localhost", "::1", "[::1]", ""].includes(host)) {
    throw new Error(`Refusing to create test databases on non-local host ${host}`);
  }
}

/**
 * Drops scratch databases a killed run left behind (their names carry their creation time), so a
 * SIGKILLed test run does not leak databases forever.
 */
export async function dropStaleDatabases(baseUrl: string, prefix: string, olderThanMs: number): Promise<number> {
  const c = postgres(baseUrl, { max: 1, onnotice: () => {} });
  let dropped = 0;
  try {
    const rows = await c<{ datname: string }[]>`select datname from pg_database where datname like ${`${prefix}\\_%`}`;
    for (const { datname } of rows) {
      const born = Number.parseInt(datname.slice(prefix.length + 1).split("_")[0] ?? "", 36);
      if (Number.isFinite(born) && Date.now() - born > olderThanMs) {
        await c.unsafe(`drop database if exists "${datname}" with (force)`);
        dropped++;
      }
    }
  } finally {
    await c.end({ timeout: 5 });
  }
  return dropped;
}
