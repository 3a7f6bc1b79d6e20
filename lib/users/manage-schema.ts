import { z } from "zod";
import { roles } from "@/lib/users/schema";

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
