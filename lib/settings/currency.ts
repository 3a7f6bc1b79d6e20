import { z } from "zod";
import { change, type AuditChange } from "@/lib/audit/changes";
import { writeAudit } from "@/lib/audit/write";
import { cheapestConfiguration } from "@/lib/catalog/from-price";
import { parseDefinition } from "@/lib/configurator";
import type { Prisma } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/transaction";
import type { Tx } from "@/lib/db/types";
import type { Prisma as PrismaTypes } from "@/lib/generated/prisma/client";
import { formatCents } from "@/lib/money";
import { CURRENCIES } from "./currencies";
import { centsStep, convertCents, convertDefinitionAmounts, RATE_DECIMALS } from "./currency-convert";

/** The largest amount an integer money column holds (PostgreSQL integer). */
const MAX_STORED_CENTS = 2_147_483_647;

// Changing the shop currency converts every price the shop will charge, in one transaction: each product's
// current published definition becomes a new published version with converted amounts (the old version
// stays, for the orders priced from it, stamped with the old currency), a draft is converted in place and
// renumbered after it, the approval value threshold is converted, and the currency changes. Orders keep
// their own currency. See lib/settings/currency-convert.ts for which numbers are amounts and the rounding.

export const currencyChangeSchema = z.object({
  currency: z.enum(CURRENCIES, "Choose a currency"),
  rate: z.coerce
    .number("Enter the exchange rate as a number, e.g. 162.35")
    .min(10 ** -RATE_DECIMALS, `Use a rate of at least 0.${"0".repeat(RATE_DECIMALS - 1)}1`)
    .max(1_000_000, "Use a rate of at most 1000000")
    .refine((r) => Math.abs(r * 10 ** RATE_DECIMALS - Math.round(r * 10 ** RATE_DECIMALS)) < 1e-6, `Use at most ${RATE_DECIMALS} decimals`),
});
export type CurrencyChangeInput = z.infer<typeof currencyChangeSchema>;

export type CurrencyChangeResult =
  | { ok: true; message: string; products: number }
  | { ok: false; message: string; field?: "currency" | "rate" };

class Refusal extends Error {
  constructor(readonly result: Extract<CurrencyChangeResult, { ok: false }>) {
    super(result.message);
  }
}

/** "1 EUR = 162.35 JPY" */
export function rateText(from: string, to: string, rate: number): string {
  return `1 ${from} = ${rate.toLocaleString("en-GB", { maximumFractionDigits: RATE_DECIMALS })} ${to}`;
}

/** Whether any product has a version (published or draft) whose amounts are in the shop currency. */
export async function hasPricedProducts(db: Tx): Promise<boolean> {
  return (await db.productVersion.count({ where: { currency: null } })) > 0;
}

type Definitionish = { basePriceCents?: unknown };
const basePrice = (d: unknown) => (typeof (d as Definitionish)?.basePriceCents === "number" ? ((d as Definitionish).basePriceCents as number) : null);

function convertOrRefuse(definition: unknown, input: CurrencyChangeInput, productName: string): { json: PrismaTypes.InputJsonValue; fromPriceCents: number | null } {
  const { definition: converted } = convertDefinitionAmounts(definition, input.rate, input.currency);
  const parsed = parseDefinition(converted);
  if (!parsed.ok) {
    throw new Refusal({ ok: false, field: "rate", message: `At this rate the prices of ${productName} fall outside what a product can hold (${parsed.issues[0]?.message ?? "invalid definition"}). Nothing was changed.` });
  }
  const fromPriceCents = cheapestConfiguration(parsed.definition)?.totalCents ?? null;
  if (fromPriceCents !== null && Math.abs(fromPriceCents) > MAX_STORED_CENTS) {
    throw new Refusal({ ok: false, field: "rate", message: `At this rate ${productName} would cost more than the largest amount the shop can store. Nothing was changed.` });
  }
  return { json: converted as PrismaTypes.InputJsonValue, fromPriceCents };
}

/** Changes the shop currency and converts every product's prices at the admin's rate, audited. */
export async function changeShopCurrency(db: Prisma, actor: { id: string }, input: CurrencyChangeInput, { now = new Date() }: { now?: Date } = {}): Promise<CurrencyChangeResult> {
  try {
    return await runTransaction(db, async (tx) => {
      const settings = await tx.settings.findUnique({ where: { id: 1 } });
      const from = settings?.currency ?? "EUR";
      if (from === input.currency) throw new Refusal({ ok: false, field: "currency", message: `The shop already sells in ${from}.` });
      const rate = rateText(from, input.currency, input.rate);
      const money = (cents: number | null, currency: string) => (cents === null ? null : formatCents(cents, currency));
      const products = await tx.product.findMany({
        orderBy: { sortOrder: "asc" },
        select: {
          id: true, name: true,
          currentVersion: { select: { id: true, version: true, definition: true, fromPriceCents: true } },
          versions: { where: { status: "DRAFT" }, select: { id: true, version: true, definition: true } },
        },
      });
      const last = await tx.productVersion.groupBy({ by: ["productId"], _max: { version: true } });
      const lastVersion = new Map(last.map((l) => [l.productId, l._max.version ?? 0]));
      // What stays behind (every version so far: the orders priced from them) keeps the old currency.
      await tx.productVersion.updateMany({ where: { currency: null }, data: { currency: from } });
      let converted = 0;
      for (const product of products) {
        const current = product.currentVersion;
        const draft = product.versions[0];
        if (!current && !draft) continue;
        const changes: AuditChange[] = [];
        let next = (lastVersion.get(product.id) ?? 0) + 1;
        if (current) {
          const out = convertOrRefuse(current.definition, input, product.name);
          const draftNumber = next + 1;
          // The draft moves after the new version first (version numbers are unique per product).
          if (draft) await tx.productVersion.update({ where: { id: draft.id }, data: { version: draftNumber } });
          const created = await tx.productVersion.create({
            data: {
              productId: product.id, version: next, status: "PUBLISHED", definition: out.json, fromPriceCents: out.fromPriceCents,
              note: `Prices converted from ${from} to ${input.currency} (${rate})`, publishedAt: now, publishedById: actor.id,
            },
          });
          await tx.product.update({ where: { id: product.id }, data: { currentVersionId: created.id } });
          changes.push(
            ...change("Current version", `v${current.version} (${from})`, `v${next} (${input.currency})`),
            ...change("Base price", money(basePrice(current.definition), from), money(basePrice(out.json), input.currency)),
            ...change("From price", money(current.fromPriceCents, from), money(out.fromPriceCents, input.currency)),
          );
          next = draftNumber;
        }
        if (draft) {
          const out = convertOrRefuse(draft.definition, input, product.name);
          await tx.productVersion.update({ where: { id: draft.id }, data: { definition: out.json, currency: null, version: next } });
          changes.push(...change("Draft", `v${draft.version} (${from})`, `v${next} (${input.currency})`));
          if (!current) changes.push(...change("Draft base price", money(basePrice(draft.definition), from), money(basePrice(out.json), input.currency)));
        }
        converted += 1;
        await writeAudit(tx, {
          actorId: actor.id, action: "version.convert-currency", entityType: "Product", entityId: product.id,
          summary: `Converted the prices of ${product.name} from ${from} to ${input.currency} (${rate})`,
          data: { from, to: input.currency, rate: input.rate }, changes,
        });
      }
      const threshold = settings?.approvalValueThreshold ?? 15_000_000;
      // The threshold is a 32-bit column: a converted value beyond it is capped (and the message says so).
      const wanted = convertCents(threshold, input.rate, input.currency);
      const newThreshold = wanted > MAX_STORED_CENTS ? MAX_STORED_CENTS - (MAX_STORED_CENTS % centsStep(input.currency)) : wanted;
      const capped = newThreshold !== wanted ? ` The approval value threshold was capped at ${money(newThreshold, input.currency)}, the largest amount it can hold.` : "";
      await tx.settings.upsert({
        where: { id: 1 },
        create: { id: 1, currency: input.currency, approvalValueThreshold: newThreshold },
        update: { currency: input.currency, approvalValueThreshold: newThreshold },
      });
      await writeAudit(tx, {
        actorId: actor.id, action: "settings.currency", entityType: "Settings", entityId: "1",
        summary: `Changed the shop currency from ${from} to ${input.currency} at ${rate}; converted ${converted} product${converted === 1 ? "" : "s"}`,
        data: { from, to: input.currency, rate: input.rate, products: converted },
        changes: [
          ...change("Currency", from, input.currency),
          ...change("Exchange rate", null, rate),
          ...change("Approval above (value)", money(threshold, from), money(newThreshold, input.currency)),
        ],
      });
      return { ok: true as const, products: converted, message: `The shop now sells in ${input.currency}: ${converted} product${converted === 1 ? "" : "s"} converted at ${rate}. Past orders keep their currency.${capped}` };
    });
  } catch (error) {
    if (error instanceof Refusal) return error.result;
    throw error;
  }
}

/** A few current prices and what they become, for the preview next to the rate (base prices of the first products). */
export async function findPriceSamples(db: Tx, max = 4): Promise<{ label: string; cents: number }[]> {
  const products = await db.product.findMany({ where: { currentVersionId: { not: null } }, orderBy: { sortOrder: "asc" }, take: max, select: { name: true, currentVersion: { select: { definition: true, fromPriceCents: true } } } });
  return products.flatMap((p) => {
    const cents = basePrice(p.currentVersion?.definition) ?? p.currentVersion?.fromPriceCents ?? null;
    return cents === null ? [] : [{ label: `${p.name} (base price)`, cents }];
  });
}
