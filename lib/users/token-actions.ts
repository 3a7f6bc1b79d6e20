"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { formTexts } from "@/lib/forms/read";
import type { FormState } from "@/lib/forms/state";
import { clientIp, hitRateLimit, RATE_LIMITS } from "@/lib/security/rate-limit";
import { requestPasswordReset, RESET_REQUESTED } from "./password-reset";
import { setPasswordWithToken } from "./set-password";
import { resetRequestSchema, setPasswordSchema } from "./token-schema";

// The public forms around emailed links: asking for a reset link, and setting a password with a link
// (reset or invitation). Neither needs a session: holding the emailed link is the proof.

/**
 * "Forgot your password?": counts the client's address and the email asked about before any work, then
 * answers the same whether or not the address has an account (see lib/users/password-reset.ts).
 */
export async function requestPasswordResetAction(_: FormState, formData: FormData): Promise<FormState> {
  const raw = formTexts(formData, ["email"], { trim: false });
  const values = { email: raw.email.slice(0, 254) };
  const parsed = resetRequestSchema.safeParse(raw);
  if (!parsed.success) return { errors: z.flattenError(parsed.error).fieldErrors, values };
  try {
    const db = await getDb();
    const byAddress = await hitRateLimit(db, RATE_LIMITS.resetRequestIp, clientIp(await headers()), "reset requests from your network");
    if (!byAddress.ok) return { message: byAddress.message, values };
    const byEmail = await hitRateLimit(db, RATE_LIMITS.resetRequestEmail, parsed.data.email, "reset requests for this address");
    if (!byEmail.ok) return { message: byEmail.message, values };
    await requestPasswordReset(db, parsed.data.email);
    return { ok: true, message: RESET_REQUESTED, values };
  } catch (error) {
    console.error("password reset request failed", error instanceof Error ? error.name : "unknown error");
    return { message: "We could not send the link right now. Please try again.", values };
  }
}

/**
 * Sets a password with an emailed link (purpose RESET or INVITE): the client's address is counted first,
 * then the password judged (length, zxcvbn), then the link claimed once (lib/users/set-password.ts).
 * On success the form offers sign-in with the email filled in.
 */
export async function setPasswordAction(_: FormState, formData: FormData): Promise<FormState> {
  const raw = formTexts(formData, ["token", "purpose", "password", "confirmPassword"], { trim: false });
  try {
    const db = await getDb();
    const limited = await hitRateLimit(db, RATE_LIMITS.setPasswordIp, clientIp(await headers()), "attempts from your network");
    if (!limited.ok) return { ok: false, message: limited.message };
    const parsed = setPasswordSchema.safeParse(raw);
    if (!parsed.success) {
      const errors = z.flattenError(parsed.error).fieldErrors;
      const formProblem = errors.token ?? errors.purpose;
      return { ok: false, errors, message: formProblem ? "This form is not valid. Open the link from your email again." : undefined };
    }
    const result = await setPasswordWithToken(db, parsed.data);
    if (!result.ok) return { ok: false, message: result.message };
    return { ok: true, message: "Your password is set, and every earlier session has ended. Sign in with your new password.", values: { email: result.email } };
  } catch (error) {
    // Never the error's details: they could quote the statement's parameters (the token's hash, the password's).
    console.error("setting a password failed", error instanceof Error ? error.name : "unknown error");
    return { ok: false, message: "Your password could not be set right now. Please try again." };
  }
}
