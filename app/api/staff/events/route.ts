import { authorizeRoute } from "@/lib/auth/guards";
import { orderEventStream } from "@/lib/notifications/live";

export const dynamic = "force-dynamic";

/** Server-sent events for the staff pages: every order status change, from any app instance. */
export async function GET(request: Request): Promise<Response> {
  const caller = await authorizeRoute("staff");
  if (!caller.ok) return caller.response;
  return orderEventStream(request, () => true);
}
