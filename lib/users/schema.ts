import { z } from "zod";
import { hasNoNul, NUL_MESSAGE } from "@/lib/forms/text";
import { passwordWeakness } from "./password-strength";

export const roles = ["CUSTOMER", "STAFF", "ADMIN"] as const;
export type Role = (typeof roles)[number];

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "Enter your email address")
  .max(254, "That email address is too long")
  .pipe(z.email("Enter a valid email address, like name@example.com"));

/** The longest password accepted (argon2 reads all of it: nothing past a limit is silently ignored any more). */
export const PASSWORD_MAX = 256;

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

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, "Enter your password").max(PASSWORD_MAX),
});

// What admins send when they manage users (lib/users/manage-actions.ts) and search them (the users page).
export const userIdSchema = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);

export const changeRoleSchema = z.object({ userId: userIdSchema, role: z.enum(roles, "Choose a role") });

export const setActiveSchema = z.object({ userId: userIdSchema, active: z.enum(["true", "false"]).transform((v) => v === "true") });

export const userSearchSchema = z.object({
  q: z.string().trim().max(100).catch(""),
  role: z.enum(roles).optional().catch(undefined),
  status: z.enum(["active", "inactive"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

export type UserSearch = z.infer<typeof userSearchSchema>;
