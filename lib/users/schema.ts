import { z } from "zod";

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
