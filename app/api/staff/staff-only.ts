import "server-only";
import { getCurrentUser } from "@/lib/auth/session";

/** A route handler's own check: null when the caller is active staff or admin, else the error response. */
export async function refuseUnlessStaff(): Promise<Response | null> {
  const user = await getCurrentUser();
  if (!user) return Response.json({ error: "Sign in first." }, { status: 401 });
  if (user.role !== "STAFF" && user.role !== "ADMIN") return Response.json({ error: "Staff only." }, { status: 403 });
  return null;
}
