import { NextResponse } from "next/server";
import { estimateDelivery, toEstimateJson } from "@/lib/delivery/estimate";
import { getDeliveryContext } from "@/lib/delivery/context";
import { estimateRequest } from "@/lib/delivery/estimate-request";
import { getDb } from "@/lib/db";

export const dynamic = "force-dynamic";

/**
 * Today's capacity and delivery settings; the cached configurator page fetches it once per load. With
 * `?leadDays=&work=` (the first view's lead days and hours per work centre) it also carries the estimate for them, so the page shows
 * its delivery week before the engine has loaded.
 */
export async function GET(request: Request) {
  try {
    const context = await getDeliveryContext(await getDb());
    const wanted = estimateRequest(new URL(request.url).searchParams);
    const body = wanted ? { ...context, estimate: toEstimateJson(estimateDelivery(context, wanted.leadDays, wanted.work), wanted.leadDays, wanted.signature) } : context;
    return NextResponse.json(body, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    console.error("delivery context failed", error);
    return NextResponse.json({ message: "Delivery dates are unavailable right now" }, { status: 503 });
  }
}
