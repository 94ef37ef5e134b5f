import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { config } from "@/lib/config";
import { AppError } from "@/lib/http/errors";
import { clientIp, verifyCredentials } from "./credentials";
import type { SessionClaims } from "./caller";
import { rateLimitedSignInError } from "./sign-in-errors";

/**
 * next-auth for the browser: email + password, JWT sessions. The JWT carries the user id, role and
 * session version; `resolveCaller` re-checks them against the database on every request.
 */
export function authOptions(): AuthOptions {
  const cfg = config();
  process.env.NEXTAUTH_URL ??= cfg.appUrl;
  return {
    secret: cfg.authSecret,
    session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        name: "E-mail e senha",
        credentials: { email: { label: "E-mail", type: "email" }, password: { label: "Senha", type: "password" } },
        async authorize(credentials, req) {
          if (!credentials?.email || !credentials.password) return null;
          try {
            const user = await verifyCredentials(
              credentials.email,
              credentials.password,
              clientIp((req?.headers ?? {}) as Record<string, string>),
            );
            return { id: user.id, name: user.name, email: user.email, role: user.role, sv: user.sessionVersion };
          } catch (err) {
            // next-auth passes a thrown message to the client as `error`; the form maps it to pt-BR
            // (signInErrorMessage), including how long to wait.
            if (err instanceof AppError && err.status === 429) {
              throw new Error(rateLimitedSignInError(Number(err.headers?.["retry-after"])));
            }
            if (err instanceof AppError && err.status === 401) return null;
            throw err;
          }
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          const u = user as typeof user & { role: string; sv: number };
          const claims = token as typeof token & SessionClaims;
          claims.uid = u.id;
          claims.role = u.role;
          claims.sv = u.sv;
        }
        return token;
      },
      async session({ session, token }) {
        const claims = token as typeof token & SessionClaims;
        session.user = { ...session.user, id: claims.uid, role: claims.role } as typeof session.user;
        return session;
      },
    },
  };
}
