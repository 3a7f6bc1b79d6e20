import { z } from "zod";
import { hasNoNul, NUL_MESSAGE } from "@/lib/forms/text";
import { passwordWeakness } from "./password-strength";
import { emailSchema, PASSWORD_MAX } from "./schema";

// The schemas where a password is chosen: apart from lib/users/schema.ts, because the strength check loads
// zxcvbn's dictionaries, which only the code that sets a password needs (not every route that reads a session).

const passwordLength = z.string().min(10, "Use at least 10 characters").max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters`);
const fitsLength = (p: string) => p.length >= 10 && p.length <= PASSWORD_MAX;

/** A password a user may choose: 10 to 256 characters, and hard to guess (zxcvbn score 3 or more, on the server). */
export const newPasswordSchema = passwordLength.superRefine((password, ctx) => {
  const weakness = fitsLength(password) ? passwordWeakness(password) : null;
  if (weakness) ctx.addIssue({ code: "custom", message: weakness });
});

export const signUpSchema = z
  .object({
    name: z.string().trim().min(1, "Enter your name").max(100, "Use at most 100 characters").refine(hasNoNul, NUL_MESSAGE),
    email: emailSchema,
    password: passwordLength,
    confirmPassword: z.string(),
    // Where to go once the email is confirmed and the user signed in (checked again by safeCallbackUrl).
    callbackUrl: z.string().max(2000).optional().catch(undefined),
  })
  .superRefine((v, ctx) => {
    // Judged with the name and email as known words: "nora-2026-nora" is weak for Nora.
    const weakness = fitsLength(v.password) ? passwordWeakness(v.password, [v.name, v.email, v.email.split("@")[0] ?? ""]) : null;
    if (weakness) ctx.addIssue({ code: "custom", path: ["password"], message: weakness });
    if (v.password !== v.confirmPassword) ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "The passwords do not match" });
  });

export type SignUpInput = z.infer<typeof signUpSchema>;
