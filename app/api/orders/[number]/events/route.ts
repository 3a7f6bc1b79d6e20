import { authorizeStream } from "@/lib/auth/guards";
import { isStaff } from "@/lib/auth/roles";
import { getDb } from "@/lib/db";
import { orderEventStream } from "@/lib/notifications/live";
import { orderNumberSchema } from "@/lib/orders/schema";

export const dynamic = "force-dynamic";

/** Live status changes of one order (server-sent events): its customer, or staff and admins. */
export async function GET(request: Request, { params }: { params: Promise<{ number: string }> }) {
  const caller = await authorizeStream("user");
  if (!caller.ok) return caller.response;
  const { user } = caller;
  const parsed = orderNumberSchema.safeParse((await params).number);
  if (!parsed.success) return new Response("Not found", { status: 404 });
  const order = await (await getDb()).order.findFirst({
    where: { number: parsed.data, ...(isStaff(user.role) ? {} : { customerId: user.id }) },
    select: { id: true },
  });
  if (!order) return new Response("Not found", { status: 404 });
  return orderEventStream(request, caller.owner, (notice) => notice.orderId === order.id);
}
