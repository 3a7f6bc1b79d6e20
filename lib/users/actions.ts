"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { formTexts } from "@/lib/forms/read";
import type { FormState } from "@/lib/forms/state";
import { clientIp, hitRateLimit, RATE_LIMITS } from "@/lib/security/rate-limit";
import { signUpSchema } from "./schema";
import { signUp } from "./service";

/** Creates a customer account from the sign-up form; the client then signs in with the same credentials. */
export async function signUpAction(_: FormState, formData: FormData): Promise<FormState> {
  const raw = formTexts(formData, ["name", "email", "password", "confirmPassword"], { trim: false });
  const values = { name: raw.name.slice(0, 100), email: raw.email.slice(0, 254) };
  const parsed = signUpSchema.safeParse(raw);
  if (!parsed.success) return { errors: z.flattenError(parsed.error).fieldErrors, values };
  try {
    const db = await getDb();
    const limited = await hitRateLimit(db, RATE_LIMITS.signUpIp, clientIp(await headers()), "sign-ups from your network");
    if (!limited.ok) return { message: limited.message, values };
    const result = await signUp(db, parsed.data);
    if (!result.ok) return { errors: { [result.field]: [result.message] }, values };
    return { ok: true, values };
  } catch (error) {
    console.error("sign-up failed", error);
    return { message: "We could not create your account right now. Please try again.", values };
  }
}
