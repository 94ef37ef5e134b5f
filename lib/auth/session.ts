import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { type Caller, resolveCaller } from "./caller";

/** The signed-in caller for server components and pages (same resolver as the API). */
export async function currentCaller(): Promise<Caller | null> {
  const jar = await cookies();
  const cookie = jar
    .getAll()
    .map((c) => `${c.name}=${encodeURIComponent(c.value)}`)
    .join("; ");
  return resolveCaller(new Headers(cookie ? { cookie } : {}));
}

/** For pages that need a signed-in user: redirects to /login and comes back afterwards. */
export async function requireUser(returnTo: string): Promise<Caller> {
  const caller = await currentCaller();
  if (!caller) redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  return caller;
}

export async function requireAdmin(returnTo: string): Promise<Caller> {
  const caller = await requireUser(returnTo);
  if (caller.user.role !== "admin") redirect("/?erro=acesso-negado");
  return caller;
}

export async function requestIdHeader(): Promise<string | undefined> {
  return (await headers()).get("x-request-id") ?? undefined;
}
