import type { Definition } from "@/lib/configurator";
import type { Prisma } from "@/lib/db/client";
import { canonical } from "../versions/diff";

export type ProductStatusName = "ACTIVE" | "UNPUBLISHED" | "ARCHIVED";

export type AdminProductRow = {
  id: string;
  slug: string;
  name: string;
  status: ProductStatusName;
  publishedVersion: number | null;
  draftVersion: number | null;
  fromPriceCents: number | null;
  orders: number;
  updatedAt: Date;
};

/** The products for the admin list (archived ones only when asked for): published version, pending draft, order count. */
export async function findAdminProducts(db: Prisma, { archived = false }: { archived?: boolean } = {}): Promise<AdminProductRow[]> {
  const rows = await db.product.findMany({
    where: archived ? { status: "ARCHIVED" } : { status: { not: "ARCHIVED" } },
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    select: {
      id: true,
      slug: true,
      name: true,
      status: true,
      updatedAt: true,
      currentVersion: { select: { version: true, fromPriceCents: true } },
      versions: { where: { status: "DRAFT" }, select: { version: true } },
      _count: { select: { orders: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    name: r.name,
    status: r.status,
    publishedVersion: r.currentVersion?.version ?? null,
    draftVersion: r.versions[0]?.version ?? null,
    fromPriceCents: r.currentVersion?.fromPriceCents ?? null,
    orders: r._count.orders,
    updatedAt: r.updatedAt,
  }));
}

export type VersionRow = {
  id: string;
  version: number;
  status: "DRAFT" | "PUBLISHED";
  current: boolean;
  publishedAt: Date | null;
  publishedBy: string | null;
  note: string;
  fromPriceCents: number | null;
  orders: number;
};

export type ProductForEditing = {
  id: string;
  slug: string;
  name: string;
  summary: string;
  description: string;
  imageUrl: string;
  status: ProductStatusName;
  currentVersion: number | null;
  /** The draft when one exists, else a copy of the current (or, unpublished, the latest) definition to start a new draft from. */
  draft: { version: number | null; definition: unknown; updatedAt: Date | null };
  /** Whether the draft differs from the version it would replace (a rollback asks before overwriting it). */
  draftChanged: boolean;
  versions: VersionRow[];
};

/** One product with its draft (or the current definition to branch from) and all its versions. */
export async function getProductForEditing(db: Prisma, id: string): Promise<ProductForEditing | null> {
  const product = await db.product.findUnique({
    where: { id },
    select: {
      id: true,
      slug: true,
      name: true,
      summary: true,
      description: true,
      imageUrl: true,
      status: true,
      currentVersionId: true,
      versions: {
        orderBy: { version: "desc" },
        select: {
          id: true,
          version: true,
          status: true,
          definition: true,
          publishedAt: true,
          note: true,
          fromPriceCents: true,
          updatedAt: true,
          publishedBy: { select: { name: true } },
          _count: { select: { orders: true } },
        },
      },
    },
  });
  if (!product) return null;
  const draft = product.versions.find((v) => v.status === "DRAFT");
  // Unpublished, a product has no current version: a new draft starts from its latest published one.
  const current = product.versions.find((v) => v.id === product.currentVersionId) ?? product.versions.find((v) => v.status === "PUBLISHED");
  return {
    id: product.id,
    slug: product.slug,
    name: product.name,
    summary: product.summary,
    description: product.description,
    imageUrl: product.imageUrl,
    status: product.status,
    currentVersion: product.versions.find((v) => v.id === product.currentVersionId)?.version ?? null,
    draft: draft
      ? { version: draft.version, definition: draft.definition, updatedAt: draft.updatedAt }
      : { version: null, definition: current?.definition ?? null, updatedAt: null },
    draftChanged: !!draft && canonical(draft.definition) !== canonical(current?.definition ?? null),
    versions: product.versions.map((v) => ({
      id: v.id,
      version: v.version,
      status: v.status,
      current: v.id === product.currentVersionId,
      publishedAt: v.publishedAt,
      publishedBy: v.publishedBy?.name ?? null,
      note: v.note,
      fromPriceCents: v.fromPriceCents,
      orders: v._count.orders,
    })),
  };
}

/** One version of a product (published or draft), for viewing. */
export async function getProductVersion(db: Prisma, productId: string, version: number) {
  const row = await db.productVersion.findUnique({
    where: { productId_version: { productId, version } },
    select: {
      id: true,
      version: true,
      status: true,
      definition: true,
      publishedAt: true,
      note: true,
      fromPriceCents: true,
      publishedBy: { select: { name: true } },
      product: { select: { id: true, name: true, slug: true, currentVersionId: true } },
      _count: { select: { orders: true } },
    },
  });
  return row ? { ...row, definition: row.definition as Definition } : null;
}
