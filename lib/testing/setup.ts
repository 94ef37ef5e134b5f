import { inject } from "vitest";
import { resetConfig } from "@/lib/config";

/**
 * config() parses the environment once per process, as in production. Tests change knobs at run
 * time (`process.env.MAX_OPEN_ORDERS = "2"`), so here every write or delete on process.env also
 * drops the parsed config: the next config() sees the change, whether or not the test remembered
 * resetConfig().
 */
const WATCHED = Symbol.for("onlywave.test.envWatched");
const g = globalThis as { [WATCHED]?: boolean };
if (!g[WATCHED]) {
  g[WATCHED] = true;
  process.env = new Proxy(process.env, {
    set(t, key, value) {
      const ok = Reflect.set(t, key, value);
      resetConfig();
      return ok;
    },
    deleteProperty(t, key) {
      const ok = Reflect.deleteProperty(t, key);
      resetConfig();
      return ok;
    },
  });
}

const url = inject("databaseUrl");
if (url) {
  process.env.DATABASE_URL = url;
} else {
  delete process.env.DATABASE_URL;
  process.env.PGLITE_DATA_DIR = "memory://";
}
process.env.AUTH_SECRET ??= "test-secret-for-vitest-only";
process.env.APP_URL ??= "http://localhost:3000";
// Every API answer in tests is checked against its OpenAPI-declared response (contract drift).
process.env.ONLYWAVE_VALIDATE_RESPONSES = "1";
// Tests reuse one buyer for many unpaid orders; the cap itself has its own test.
process.env.MAX_OPEN_ORDERS ??= "10000";
resetConfig();
