import type { Operation } from "@/lib/http/operation";
import * as accounts from "./accounts";
import * as catalog from "./catalog";
import * as monitoring from "./monitoring";
import * as commerce from "./commerce";
import * as email from "./email";
import * as files from "./files";
import * as system from "./system";

function operations(module: Record<string, unknown>): Operation[] {
  return Object.values(module).filter((v): v is Operation => typeof v === "object" && v !== null && "method" in v && "path" in v);
}

/** Every API operation; the OpenAPI document and the contract tests enumerate this list. */
export const allOperations: Operation[] = [accounts, catalog, commerce, email, files, system, monitoring].flatMap(operations);
