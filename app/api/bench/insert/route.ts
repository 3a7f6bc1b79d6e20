import { randomUUID } from "node:crypto";
import { NextResponse } from "next/server";
import { getDb } from "@/lib/db";

export const dynamic = "force-dynamic";

/**
 * The load benchmark's baseline (`npm run bench`): one row inserted through Prisma, the least a write can
 * cost on this stack. It exists only when the server was started with ATELIER_BENCH_ROUTES=1; otherwise 404.
 */
export async function POST() {
  if (process.env.ATELIER_BENCH_ROUTES !== "1") return NextResponse.json({ error: "Not found" }, { status: 404 });
  const db = await getDb();
  const row = await db.auditLog.create({
    data: { action: "bench.insert", entityType: "Benchmark", entityId: randomUUID() },
    select: { id: true },
  });
  return NextResponse.json({ id: row.id }, { status: 201 });
}
