import { z } from "zod";
import { hasNoNul, NUL_MESSAGE } from "@/lib/forms/text";

export const roles = ["CUSTOMER", "STAFF", "ADMIN"] as const;
export type Role = (typeof roles)[number];

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "Enter your email address")
  .max(254, "That email address is too long")
  .pipe(z.email("Enter a valid email address, like name@example.com"));

/** A password a user may choose: long enough, not a single repeated character, letters and digits. */
export const newPasswordSchema = z
  .string()
  .min(10, "Use at least 10 characters")
  .max(200, "Use at most 200 characters")
  .refine((p) => /[a-zA-Z]/.test(p) && /\d/.test(p), "Use letters and at least one digit")
  .refine((p) => new Set(p.toLowerCase()).size >= 5, "This password is too easy to guess");

export const signUpSchema = z
  .object({
    name: z.string().trim().min(1, "Enter your name").max(100, "Use at most 100 characters").refine(hasNoNul, NUL_MESSAGE),
    email: emailSchema,
    password: newPasswordSchema,
    confirmPassword: z.string(),
  })
  .refine((v) => v.password === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "The passwords do not match",
  });

export type SignUpInput = z.infer<typeof signUpSchema>;

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, "Enter your password").max(200),
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
