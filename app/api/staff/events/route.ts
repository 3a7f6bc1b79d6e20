import { authorizeStream } from "@/lib/auth/guards";
import { orderEventStream } from "@/lib/notifications/live";

export const dynamic = "force-dynamic";

/** Server-sent events for the staff pages: every order status change, from any app instance, while the caller stays staff. */
export async function GET(request: Request): Promise<Response> {
  const caller = await authorizeStream("staff");
  if (!caller.ok) return caller.response;
  return orderEventStream(request, caller.owner, () => true);
}
