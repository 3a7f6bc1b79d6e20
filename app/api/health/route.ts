import { NextResponse } from "next/server";
import { getDb } from "@/lib/db";

export const dynamic = "force-dynamic";

/** Liveness and database reachability, for load balancers and the start script. */
export async function GET() {
  const started = performance.now();
  try {
    const db = await getDb();
    await db.$queryRaw`SELECT 1`;
    return NextResponse.json({ status: "ok", database: "reachable", ms: Math.round(performance.now() - started) });
  } catch (error) {
    console.error("health check failed", error);
    return NextResponse.json({ status: "error", database: "unreachable" }, { status: 503 });
  }
}
