import { carryOver, encodeSelection, type ChoiceLine, type KeptConfiguration, type Selection } from "@/lib/configurator";
import { getPublishedProduct, type PublishedProduct } from "@/lib/catalog/queries";
import type { Prisma } from "@/lib/db/client";
import { getDeliveryContext } from "@/lib/delivery/context";
import { estimateDelivery } from "@/lib/delivery/estimate";
import { workOf } from "@/lib/delivery/work";
import { getSettings } from "@/lib/settings/queries";
import { MAX_SAVED_DESIGNS } from "./schema";

/** A saved design as it stands today: carried over to the product's current version, priced and dated now. */
export type DesignView = {
  id: string;
  name: string;
  createdAt: Date;
  quantity: number;
  product: { slug: string; name: string };
  savedVersion: number;
  /** Null when the product is no longer in the catalog (the design cannot be ordered). */
  now: {
    version: number;
    /** What differs from the design as saved, in words (empty when nothing does). */
    changes: string[];
    selection: Selection;
    /** The configuration in the share-link format, for the configurator and checkout links. */
    code: string;
    choices: ChoiceLine[];
    valid: boolean;
    problems: string[];
    totalCents: number;
    currency: string;
    delivery: { ok: true; promisedDate: Date } | { ok: false; message: string };
  } | null;
  saved: { totalCents: number; currency: string };
};

const designSelect = {
  id: true,
  name: true,
  createdAt: true,
  quantity: true,
  selection: true,
  choices: true,
  totalCents: true,
  currency: true,
  product: { select: { slug: true, name: true } },
  version: { select: { id: true, version: true } },
} as const;

type DesignRow = {
  id: string;
  name: string;
  createdAt: Date;
  quantity: number;
  selection: unknown;
  choices: unknown;
  totalCents: number;
  currency: string;
  product: { slug: string; name: string };
  version: { id: string; version: number };
};

/** Re-reads each design's product once and computes every design's view with today's engine and capacity. */
async function viewsOf(db: Prisma, rows: DesignRow[]): Promise<DesignView[]> {
  if (rows.length === 0) return [];
  const slugs = [...new Set(rows.map((r) => r.product.slug))];
  const products = new Map<string, PublishedProduct | null>(await Promise.all(slugs.map(async (s) => [s, await getPublishedProduct(db, s)] as const)));
  const [capacity, { currency }] = await Promise.all([getDeliveryContext(db), getSettings(db)]);
  return rows.map((row) => {
    const product = products.get(row.product.slug) ?? null;
    const base = {
      id: row.id,
      name: row.name,
      createdAt: row.createdAt,
      quantity: row.quantity,
      product: row.product,
      savedVersion: row.version.version,
      saved: { totalCents: row.totalCents, currency: row.currency },
    };
    if (!product) return { ...base, now: null };
    const kept: KeptConfiguration = { selection: row.selection as Selection, choices: row.choices as KeptConfiguration["choices"], quantity: row.quantity };
    const carried = carryOver(kept, product.version.definition);
    const changes = product.version.id === row.version.id ? carried.differences : ["The product has been updated since you saved this design.", ...carried.differences];
    const { evaluation } = carried;
    const plan = estimateDelivery(capacity, evaluation.leadDays, workOf(evaluation));
    return {
      ...base,
      now: {
        version: product.version.version,
        changes,
        selection: carried.selection,
        code: encodeSelection(carried.selection),
        choices: carried.choices,
        valid: evaluation.valid,
        problems: evaluation.problems.map((p) => p.message),
        totalCents: evaluation.totalCents,
        currency,
        delivery: plan.ok ? { ok: true, promisedDate: plan.promisedDate } : { ok: false, message: plan.message },
      },
    };
  });
}

/** The customer's own saved designs, newest first, each priced and dated now (scoped to the customer in the query). */
export async function findDesigns(db: Prisma, customerId: string): Promise<DesignView[]> {
  const rows = await db.savedDesign.findMany({ where: { customerId }, orderBy: [{ createdAt: "desc" }, { id: "asc" }], take: MAX_SAVED_DESIGNS, select: designSelect });
  return viewsOf(db, rows);
}

/** Some of the customer's own designs by id, in the order asked; an id that is not theirs is missing from the result. */
export async function getDesigns(db: Prisma, customerId: string, ids: string[]): Promise<DesignView[]> {
  const rows = await db.savedDesign.findMany({ where: { customerId, id: { in: ids } }, select: designSelect });
  const views = await viewsOf(db, rows);
  return ids.flatMap((id) => views.filter((v) => v.id === id));
}

/** How many designs the customer has saved (for the limit shown on the list). */
export function countDesigns(db: Prisma, customerId: string): Promise<number> {
  return db.savedDesign.count({ where: { customerId } });
}
