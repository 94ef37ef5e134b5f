import { describe, expect, it } from "vitest";
import { SIGN_IN_LIMITS } from "@/lib/auth/rate-limit";
import { makeUser } from "@/lib/testing/fixtures";
import { authOptions } from "./options";
import { rateLimitedSignInError, signInErrorMessage } from "./sign-in-errors";

type Authorize = (credentials: Record<string, string>, req: { headers: Record<string, string> }) => Promise<unknown>;

/** The credentials provider's authorize, exactly as next-auth calls it on POST /api/auth/callback/credentials. */
function authorize(): Authorize {
  const provider = authOptions().providers[0] as unknown as { options: { authorize: Authorize } };
  return provider.options.authorize;
}

describe("browser sign-in (next-auth credentials)", () => {
  it("over the limit, the error the form receives says how many minutes to wait", async () => {
    const { user } = await makeUser();
    const signIn = authorize();
    const req = { headers: { "x-forwarded-for": "10.77.0.1" } };
    for (let i = 0; i < SIGN_IN_LIMITS.perAccount; i++) {
      expect(await signIn({ email: user.email, password: "wrong-password" }, req)).toBeNull();
    }
    const error = await signIn({ email: user.email, password: "wrong-password" }, req).then(
      () => undefined,
      (err: Error) => err.message,
    );
    expect(error).toMatch(/^rate_limited:\d+$/);
    const seconds = Number(error!.split(":")[1]);
    expect(seconds).toBeGreaterThan(SIGN_IN_LIMITS.windowSeconds - 60);
    expect(seconds).toBeLessThanOrEqual(SIGN_IN_LIMITS.windowSeconds);
    expect(signInErrorMessage(error)).toBe("Muitas tentativas seguidas. Tente novamente em 15 minutos.");
  });

  it("a wrong password is still the plain invalid-credentials message", async () => {
    const { user } = await makeUser();
    expect(await authorize()({ email: user.email, password: "nope-nope" }, { headers: { "x-forwarded-for": "10.77.0.2" } })).toBeNull();
    // next-auth answers a null authorize with error=CredentialsSignin.
    expect(signInErrorMessage("CredentialsSignin")).toBe("E-mail ou senha inválidos.");
  });

  it("formats the wait in whole minutes, rounding up", () => {
    expect(signInErrorMessage(rateLimitedSignInError(30))).toBe("Muitas tentativas seguidas. Tente novamente em 1 minuto.");
    expect(signInErrorMessage(rateLimitedSignInError(61))).toBe("Muitas tentativas seguidas. Tente novamente em 2 minutos.");
    expect(signInErrorMessage(rateLimitedSignInError(Number.NaN))).toBe("Muitas tentativas seguidas. Aguarde alguns minutos e tente de novo.");
    expect(signInErrorMessage("Callback")).toBe("Não foi possível entrar. Tente novamente.");
    expect(signInErrorMessage(undefined)).toBe("Não foi possível entrar. Tente novamente.");
  });
});
