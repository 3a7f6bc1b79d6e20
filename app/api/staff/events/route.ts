import { orderEventStream } from "@/lib/notifications/live";
import { refuseUnlessStaff } from "../staff-only";

export const dynamic = "force-dynamic";

/** Server-sent events for the staff pages: every order status change, from any app instance. */
export async function GET(request: Request): Promise<Response> {
  const refused = await refuseUnlessStaff();
  if (refused) return refused;
  return orderEventStream(request, () => true);
}
