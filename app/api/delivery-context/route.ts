import { NextResponse } from "next/server";
import { getDeliveryContext } from "@/lib/catalog/delivery-context";
import { getDb } from "@/lib/db";

export const dynamic = "force-dynamic";

/** Today's capacity and delivery settings; the cached configurator page fetches it once per load. */
export async function GET() {
  try {
    const context = await getDeliveryContext(await getDb());
    return NextResponse.json(context, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    console.error("delivery context failed", error);
    return NextResponse.json({ message: "Delivery dates are unavailable right now" }, { status: 503 });
  }
}
