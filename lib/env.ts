import { z } from "zod";
import { MAX_TRUSTED_PROXY_HOPS } from "@/lib/security/forwarded";

// Environment read and validated once. Only server code imports this.
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().optional(),
  NEXTAUTH_SECRET: z.string().min(16, "NEXTAUTH_SECRET must be at least 16 characters").optional(),
  NEXTAUTH_URL: z.url().optional(),
  // Where customers' order messages are emailed (lib/messages); unset: to every active staff member.
  SHOP_EMAIL: z.email("SHOP_EMAIL must be an email address").optional(),
  // How many proxies we run in front of the app append to X-Forwarded-For (0: clients connect directly, and
  // every X-Forwarded-* header they send is ignored). See lib/security/forwarded.ts.
  TRUSTED_PROXY_HOPS: z
    .string()
    .trim()
    .regex(/^\d{1,2}$/, "TRUSTED_PROXY_HOPS must be a whole number of proxies, e.g. 0 or 1")
    .transform(Number)
    .pipe(z.number().max(MAX_TRUSTED_PROXY_HOPS, `TRUSTED_PROXY_HOPS must be at most ${MAX_TRUSTED_PROXY_HOPS}`))
    .default(0),
});

const parsed = envSchema.safeParse(process.env);
if (!parsed.success) {
  throw new Error(`Invalid environment: ${z.prettifyError(parsed.error)}`);
}

export const env = parsed.data;

/**
 * True while `next build` runs: it loads route modules and prerenders pages without serving them, so
 * nothing may read the embedded database or need serving secrets then.
 */
export function isBuildPhase(): boolean {
  return process.env.NEXT_PHASE === "phase-production-build";
}

/** The secret that signs session tokens; a fixed development value outside production. */
export function authSecret(): string {
  if (env.NEXTAUTH_SECRET) return env.NEXTAUTH_SECRET;
  // The secret is only needed to serve.
  if (env.NODE_ENV === "production" && !isBuildPhase()) {
    throw new Error("NEXTAUTH_SECRET is not set (npm start sets one for you; see README).");
  }
  return "atelier-development-secret-not-for-production";
}
