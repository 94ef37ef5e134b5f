import { inject } from "vitest";
import { resetConfig } from "@/lib/config";

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
