import { z } from "zod";
import { hasNoNul, NUL_MESSAGE } from "@/lib/forms/text";
import { emailSchema, roles } from "./schema";
import { newPasswordSchema } from "./sign-up-schema";

// What the forms around emailed links send: an admin's invitation, a reset request, a new password.

export const inviteSchema = z.object({
  name: z.string().trim().min(1, "Enter their name").max(100, "Use at most 100 characters").refine(hasNoNul, NUL_MESSAGE),
  email: emailSchema,
  role: z.enum(roles, "Choose a role"),
});

export const resetRequestSchema = z.object({ email: emailSchema });

export const tokenPurposes = ["INVITE", "RESET"] as const;

export const setPasswordSchema = z
  .object({
    // Only its shape is checked here; lib/users/set-password.ts judges it (and says why it cannot be used).
    token: z.string().max(200),
    purpose: z.enum(tokenPurposes, "This form is not valid. Open the link from your email again."),
    password: newPasswordSchema,
    confirmPassword: z.string().max(1000),
  })
  .superRefine((v, ctx) => {
    if (v.password !== v.confirmPassword) ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "The passwords do not match" });
  });
