"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { formTexts } from "@/lib/forms/read";
import type { FormState } from "@/lib/forms/state";
import { clientIp, hitRateLimit, RATE_LIMITS } from "@/lib/security/rate-limit";
import { signUpSchema } from "./sign-up-schema";
import { CHECK_INBOX, requestSignUp } from "./sign-up";

/**
 * The sign-up form: validates (the password's strength too), counts the address's sign-ups before any work,
 * then records the sign-up and emails its link. The answer is the same for a new and a taken email.
 */
export async function signUpAction(_: FormState, formData: FormData): Promise<FormState> {
  const raw = formTexts(formData, ["name", "email", "password", "confirmPassword", "callbackUrl"], { trim: false });
  const values = { name: raw.name.slice(0, 100), email: raw.email.slice(0, 254) };
  const parsed = signUpSchema.safeParse(raw);
  if (!parsed.success) return { errors: z.flattenError(parsed.error).fieldErrors, values };
  try {
    const db = await getDb();
    const limited = await hitRateLimit(db, RATE_LIMITS.signUpIp, clientIp(await headers()), "sign-ups from your network");
    if (!limited.ok) return { message: limited.message, values };
    await requestSignUp(db, parsed.data);
    return { ok: true, message: CHECK_INBOX, values };
  } catch (error) {
    console.error("sign-up failed", error);
    return { message: "We could not create your account right now. Please try again.", values };
  }
}
