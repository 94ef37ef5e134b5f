import type { Operation } from "@/lib/http/operation";
import * as accounts from "./accounts";
import * as catalog from "./catalog";
import * as system from "./system";

/** Every API operation; the OpenAPI document and the contract tests enumerate this list. */
export const allOperations: Operation[] = [
  ...Object.values(accounts),
  ...Object.values(catalog),
  ...Object.values(system),
] as Operation[];
