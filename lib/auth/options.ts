import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/lib/db";
import { authSecret } from "@/lib/env";
import { authRedirect } from "./callback-url";
import { clientIp } from "@/lib/security/rate-limit";
import { signInSchema } from "@/lib/users/schema";
import { signIn } from "@/lib/users/sign-in";
import type { Role } from "@/lib/users/schema";
import { endSessionsOfToken } from "@/lib/users/manage-sessions";
import { currentSessionVersion, userOfSession } from "./session";
import { claimsOf } from "./session-token";

/** next-auth configuration: email + password, JWT sessions carrying the user id and role. */
export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const parsed = signInSchema.safeParse(credentials ?? {});
        if (!parsed.success) throw new Error("Enter your email address and password.");
        // Counted before the password is checked (lib/users/sign-in.ts); one message for a wrong email or password.
        const result = await signIn(await getDb(), parsed.data.email, parsed.data.password, clientIp(req?.headers));
        if (!result.ok) throw new Error(result.message);
        return { id: result.user.id, email: result.user.email, name: result.user.name, role: result.user.role };
      },
    }),
  ],
  callbacks: {
    // Only this app's own origin, whatever callbackUrl said (lib/auth/callback-url.ts).
    redirect: authRedirect,
    // The token carries the user's session version as it was at sign-in: bumping it ends this session (./session).
    async jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.role = (user as { role?: Role }).role ?? "CUSTOMER";
        token.sv = (await currentSessionVersion(await getDb(), user.id)) ?? 0;
      }
      return token;
    },
    // The header reads this: show the role the database holds now, and nothing for an ended session.
    async session({ session, token }) {
      const claims = claimsOf(token);
      const user = claims ? await userOfSession(await getDb(), claims) : null;
      if (!user) return { expires: session.expires } as typeof session;
      session.user = { ...session.user, id: user.id, name: user.name, email: user.email, role: user.role };
      return session;
    },
  },
  events: {
    // Signing out ends every session of the user (all devices) and closes their live streams, not just this cookie.
    async signOut({ token }) {
      const claims = claimsOf(token);
      if (claims) await endSessionsOfToken(await getDb(), claims);
    },
  },
};
