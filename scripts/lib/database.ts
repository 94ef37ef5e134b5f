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
