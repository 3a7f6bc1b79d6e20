import type { Prisma } from "@/lib/db/client";
import { admitSignIn, pruneThrottles, signInSucceeded } from "@/lib/security/sign-in-throttle";
import { verifyCredentials, type CredentialsResult } from "./service";

/**
 * One sign-in attempt on `email` from `address`: counted by the throttle first (atomically, so a parallel
 * burst cannot all be checked), the password checked only when admitted; a success clears the account +
 * address pair, does not count against the address or the account, and makes the address known to the
 * account (exempt from the account-wide key from then on).
 */
export async function signIn(db: Prisma, email: string, password: string, address: string): Promise<CredentialsResult> {
  const admitted = await admitSignIn(db, email, address);
  if (!admitted.ok) return { ok: false, message: admitted.message };
  const result = await verifyCredentials(db, email, password);
  if (result.ok) {
    await signInSucceeded(db, admitted.ticket);
    // Now and then, whoever signs in sweeps rows that expired long ago (no worker needed).
    if (Math.random() < 0.02) await pruneThrottles(db);
  }
  return result;
}
