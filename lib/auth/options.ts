import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/lib/db";
import { authSecret } from "@/lib/env";
import { authRedirect } from "./callback-url";
import { clientIp } from "@/lib/security/rate-limit";
import { signInSchema } from "@/lib/users/schema";
import { getUserById } from "@/lib/users/service";
import { signIn } from "@/lib/users/sign-in";
import type { Role } from "@/lib/users/schema";

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
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.role = (user as { role?: Role }).role ?? "CUSTOMER";
      }
      return token;
    },
    // The header reads this: show the role the database holds now, and nothing for a deactivated account.
    async session({ session, token }) {
      const user = token.sub ? await getUserById(await getDb(), token.sub) : null;
      if (!user || !user.active) return { expires: session.expires } as typeof session;
      session.user = { ...session.user, id: user.id, name: user.name, email: user.email, role: user.role };
      return session;
    },
  },
};
