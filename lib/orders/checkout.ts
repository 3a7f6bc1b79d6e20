import { getPublishedProduct } from "@/lib/catalog/queries";
import { decodeSelection, evaluate, normalize, type Definition, type EvaluateResult, type Selection } from "@/lib/configurator";
import type { Prisma } from "@/lib/db/client";
import type { DeliveryContext } from "@/lib/delivery/estimate";
import { getDeliveryContext } from "@/lib/delivery/context";
import { getSettings, type ShopSettings } from "@/lib/settings/queries";

/** The shop's free capacity as the browser needs it to recompute the delivery date for another quantity. */
export type CapacitySnapshot = DeliveryContext;

export type CheckoutData =
  | {
      ok: true;
      product: { id: string; slug: string; name: string; imageUrl: string };
      version: { id: string; version: number };
      definition: Definition;
      selection: Selection;
      evaluation: EvaluateResult;
      settings: ShopSettings;
      capacity: CapacitySnapshot;
      notice?: string;
    }
  | { ok: false; status: 404 | 400; message: string };

/** Everything the checkout page shows, recomputed on the server from the encoded configuration. */
export async function loadCheckout(db: Prisma, slug: string, encoded: string | undefined, quantity: number): Promise<CheckoutData> {
  const product = await getPublishedProduct(db, slug);
  if (!product) return { ok: false, status: 404, message: "This product is not available." };
  const { version } = product;
  const definition = version.definition;

  let notice: string | undefined;
  let raw: Selection = {};
  if (encoded) {
    const decoded = decodeSelection(encoded);
    if (decoded.ok) raw = decoded.selection;
    else notice = decoded.message;
  } else {
    notice = "No configuration was given, so the standard configuration is shown.";
  }
  const normalized = normalize(definition, raw);
  const selection = normalized.ok ? normalized.selection : (normalize(definition, {}) as { ok: true; selection: Selection }).selection;
  if (!normalized.ok) notice = "Part of this configuration no longer exists; the standard choices are shown instead.";
  const evaluation = evaluate(definition, selection, { quantity });
  const [settings, capacity] = await Promise.all([getSettings(db), getDeliveryContext(db)]);
  return {
    ok: true,
    product: { id: product.id, slug: product.slug, name: product.name, imageUrl: product.imageUrl },
    version: { id: version.id, version: version.version },
    definition,
    selection,
    evaluation,
    settings,
    capacity,
    notice,
  };
}
