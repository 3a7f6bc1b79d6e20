import type { DefaultSession } from "next-auth";
import type { Role } from "@/lib/users/schema";

declare module "next-auth" {
  interface Session {
    user: DefaultSession["user"] & { id: string; role: Role };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    role?: Role;
    /** The user's session version when this token was issued (lib/auth/session.ts). */
    sv?: number;
  }
}
