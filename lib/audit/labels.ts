import type { Prisma } from "@/lib/db/client";

type Entry = { entityType: string; entityId: string };

/**
 * Readable names of the entities a page of audit entries is about, keyed "Type:id": the order number, the
 * product's name, "Product v3" for a version, the user's name and email, the work centre's and closure's
 * name. One query per kind of entity on the page (never one per row); an entity deleted since keeps its id.
 */
export async function entityLabels(db: Prisma, entries: Entry[]): Promise<Map<string, string>> {
  const ids = (type: string) => [...new Set(entries.filter((e) => e.entityType === type).map((e) => e.entityId))];
  const versionIds = ids("ProductVersion");
  // Draft entries are keyed "productId:vN" (a draft has no stable id of its own); published ones by the version's id.
  const draftKeys = versionIds.filter((id) => /:v\d+$/.test(id));
  const productIds = [...new Set([...ids("Product"), ...draftKeys.map((k) => k.replace(/:v\d+$/, ""))])];
  const none = Promise.resolve([]);
  const [orders, products, versions, users, centres, closures] = await Promise.all([
    ids("Order").length ? db.order.findMany({ where: { id: { in: ids("Order") } }, select: { id: true, number: true } }) : none,
    productIds.length ? db.product.findMany({ where: { id: { in: productIds } }, select: { id: true, name: true } }) : none,
    versionIds.length ? db.productVersion.findMany({ where: { id: { in: versionIds } }, select: { id: true, version: true, product: { select: { name: true } } } }) : none,
    ids("User").length ? db.user.findMany({ where: { id: { in: ids("User") } }, select: { id: true, name: true, email: true } }) : none,
    ids("WorkCentre").length ? db.workCentre.findMany({ where: { id: { in: ids("WorkCentre") } }, select: { id: true, name: true } }) : none,
    ids("ShopClosure").length ? db.shopClosure.findMany({ where: { id: { in: ids("ShopClosure") } }, select: { id: true, name: true } }) : none,
  ]);
  const labels = new Map<string, string>();
  const productName = new Map(products.map((p) => [p.id, p.name]));
  for (const o of orders) labels.set(`Order:${o.id}`, o.number);
  for (const p of products) labels.set(`Product:${p.id}`, p.name);
  for (const v of versions) labels.set(`ProductVersion:${v.id}`, `${v.product.name} v${v.version}`);
  for (const key of draftKeys) {
    const [productId, version] = key.split(/:(?=v\d+$)/);
    const name = productName.get(productId ?? "");
    if (name) labels.set(`ProductVersion:${key}`, `${name} ${version}`);
  }
  for (const u of users) labels.set(`User:${u.id}`, `${u.name} <${u.email}>`);
  for (const c of centres) labels.set(`WorkCentre:${c.id}`, c.name);
  for (const c of closures) labels.set(`ShopClosure:${c.id}`, c.name);
  labels.set("Settings:1", "Shop settings");
  return labels;
}
