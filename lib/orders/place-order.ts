import { getPublishedProduct, type PublishedProduct } from "@/lib/catalog/queries";
import { evaluate, normalize, type Problem } from "@/lib/configurator";
import type { Prisma } from "@/lib/db/client";
import { runTransaction } from "@/lib/db/transaction";
import { formatCents } from "@/lib/money";
import { orderPlacedEmail } from "@/lib/notifications/templates";
import { capacityFromRows, planBooking, type BookingPlan, type CapacityRow, type CapacityState } from "@/lib/delivery/capacity";
import { processWide } from "@/lib/process-wide";
import { retryMessage } from "@/lib/security/rate-limit";
import { DEFAULT_SETTINGS, getSettings, type ShopSettings } from "@/lib/settings/queries";
import {
  isDuplicateOrder,
  isStalePlan,
  prepareOrder,
  readCapacityContext,
  writeOrder,
  writeOrderLocked,
  writeOrders,
  type PreparedOrder,
  type CapacityContext,
  type NewOrder,
  type OrderEmailRenderer,
  type OrderRateLimit,
  type WriteResult,
} from "./record";
import type { ShippingAddress } from "./schema";

export type PlaceOrderInput = {
  customer: { id: string; name: string; email: string };
  slug: string;
  /** The customer's selection as sent: untrusted; normalized and evaluated here. */
  selection: unknown;
  quantity: number;
  idempotencyKey: string;
  shippingAddress: ShippingAddress;
  notes: string;
  /** What the customer saw: if the product or price changed since, they confirm again. */
  expected: { versionId: string; totalCents: number };
  /** The customer's order rate limit, checked in the statement that writes the order (none when absent). */
  limit?: OrderRateLimit;
  now?: Date;
};

/**
 * Orders one customer may place in a short time: checked by the database in the statement that writes the
 * order, counting the customer's orders (a resubmitted order is answered, not counted again).
 */
export const ORDER_RATE_LIMIT: OrderRateLimit = { count: 20, windowMs: 10 * 60_000 };

export type PlaceOrderResult =
  | { ok: true; number: string; existing: boolean }
  | { ok: false; code: "not_found"; message: string }
  | { ok: false; code: "invalid"; message: string; problems: Pick<Problem, "group" | "message">[] }
  | { ok: false; code: "changed"; message: string; current: { versionId: string; version: number; totalCents: number } }
  | { ok: false; code: "conflict"; message: string }
  | { ok: false; code: "limited"; message: string; retryAfterMs: number };

async function findByKey(db: Prisma, key: string) {
  return db.order.findUnique({ where: { idempotencyKey: key }, select: { number: true, customerId: true } });
}

// What this process remembers between orders, per database client: the published product last seen per
// slug, and the settings and capacity figures. Only hints: the database checks, in the statement that
// writes the order, that the product's current version and the settings are still these and that the plan
// is still the one current figures give (capacity_weeks_hours_check and the full-weeks check), and refuses
// otherwise; then the order is planned again on fresh figures. A stale hint costs a retry, never a wrong order.
type CapacityView = {
  settings: ShopSettings | null;
  rows: Map<string, CapacityRow>;
  state: CapacityState | null;
  loadedAt: number;
};
type PendingWrite = { order: PreparedOrder; resolve: (result: WriteResult) => void; reject: (error: unknown) => void };
type Memory = {
  products: Map<string, PublishedProduct>;
  capacity: CapacityView | null;
  loading: Promise<CapacityView> | null;
  /** Orders waiting for a writer (see submitWrite). */
  queue: PendingWrite[];
  writers: number;
  /** Idempotency keys of the orders being written. */
  writingKeys: Set<string>;
};

const MAX_PRODUCT_HINTS = 200;
/** Capacity figures are re-read at least this often, even when no order was refused. */
const CAPACITY_TTL_MS = 2_000;
const memories = processWide("orderMemories", () => new WeakMap<object, Memory>());

function memoryOf(db: Prisma): Memory {
  let memory = memories.get(db);
  if (!memory) memories.set(db, (memory = { products: new Map(), capacity: null, loading: null, queue: [], writers: 0, writingKeys: new Set() }));
  return memory;
}

/** The published product, remembered or (when asked, or not remembered) read afresh. */
async function publishedProduct(db: Prisma, memory: Memory, slug: string, fresh: boolean): Promise<{ product: PublishedProduct | null; fresh: boolean }> {
  const hint = memory.products.get(slug);
  if (hint && !fresh) return { product: hint, fresh: false };
  const product = await getPublishedProduct(db, slug);
  memory.products.delete(slug);
  if (product) {
    if (memory.products.size >= MAX_PRODUCT_HINTS) memory.products.delete(memory.products.keys().next().value!);
    memory.products.set(slug, product);
  }
  return { product, fresh: true };
}

function remember(memory: Memory, context: CapacityContext, loadedAt: number): CapacityView {
  const view: CapacityView = { settings: context.settings, rows: new Map(context.rows.map((r) => [r[0], r])), state: null, loadedAt };
  memory.capacity = view;
  return view;
}

/** The remembered settings and capacity figures, re-read (once for all concurrent callers) when too old. */
async function capacityView(db: Prisma, memory: Memory): Promise<CapacityView> {
  const view = memory.capacity;
  if (view && Date.now() - view.loadedAt < CAPACITY_TTL_MS) return view;
  if (!memory.loading) {
    const started = Date.now();
    memory.loading = readCapacityContext(db)
      .then((context) => remember(memory, context, started))
      .finally(() => (memory.loading = null));
  }
  return memory.loading;
}

function capacityState(view: CapacityView): CapacityState {
  return (view.state ??= capacityFromRows(view.rows.values()));
}

/** Records the weeks an order just booked (their figures as the database returned them). */
function rememberBooked(view: CapacityView, weeks: CapacityRow[]) {
  for (const row of weeks) {
    const known = view.rows.get(row[0]);
    // Responses may arrive out of order: between re-reads, booked hours only grow.
    if (known && known[1] === row[1] && known[2] === row[2] && known[3] > row[3]) continue;
    view.rows.set(row[0], row);
  }
  view.state = null;
}

/** At most this many orders per statement (each is a subtransaction; PostgreSQL caches 64 per transaction). */
const MAX_BATCH = 16;
/**
 * Statements in flight per client: while one is in the database, the next is being prepared (Prisma's
 * query compiler spends time proportional to the payload), so two keep both busy. More only queue on the
 * booked weeks' row locks.
 */
const MAX_WRITERS = 2;

/**
 * Writes an order together with the others that are ready at the same moment (group commit): up to
 * MAX_WRITERS statements are in flight per client; orders that become ready meanwhile queue up and go
 * together in the next one, so they share one commit and one hold of the booked weeks' row locks. Alone,
 * an order is written at once.
 */
function submitWrite(db: Prisma, memory: Memory, order: PreparedOrder): Promise<WriteResult> {
  return new Promise((resolve, reject) => {
    memory.queue.push({ order, resolve, reject });
    if (memory.writers < MAX_WRITERS) void drainWrites(db, memory);
  });
}

/**
 * The next orders to write, at most one per idempotency key. An order whose key is being written (by the
 * other writer, or earlier in this batch) waits for that write, then finds the order and replays it: two
 * statements waiting on each other's key and weeks would deadlock.
 */
function nextBatch(memory: Memory): PendingWrite[] {
  const batch: PendingWrite[] = [];
  const keys = new Set<string>();
  const waiting: PendingWrite[] = [];
  for (const pending of memory.queue) {
    const key = pending.order.idempotencyKey;
    if (batch.length < MAX_BATCH && !memory.writingKeys.has(key) && !keys.has(key)) {
      batch.push(pending);
      keys.add(key);
    } else {
      waiting.push(pending);
    }
  }
  memory.queue = waiting;
  return batch;
}

async function drainWrites(db: Prisma, memory: Memory) {
  memory.writers++;
  try {
    for (let batch = nextBatch(memory); batch.length > 0; batch = nextBatch(memory)) {
      const keys = batch.map((pending) => pending.order.idempotencyKey);
      for (const key of keys) memory.writingKeys.add(key);
      try {
        if (batch.length === 1) {
          batch[0]!.resolve(await writeOrder(db, batch[0]!.order));
          continue;
        }
        const results = await writeOrders(db, batch.map((pending) => pending.order));
        batch.forEach((pending, i) => {
          const result = results[i]!;
          if (result instanceof Error) pending.reject(result);
          else pending.resolve(result);
        });
      } catch (error) {
        for (const pending of batch) pending.reject(error);
      } finally {
        for (const key of keys) memory.writingKeys.delete(key);
      }
    }
  } finally {
    memory.writers--;
  }
}

/** Rounds of checking: a product republished (or settings changed) during each of them is reported as changed. */
const MAX_ROUNDS = 4;
const CHANGED_MESSAGE = "This product was updated since you opened this page. Review your order and confirm again.";

/**
 * Places an order: re-validates the configuration with the engine against the current published version,
 * recomputes price and promise (nothing from the browser is trusted), and atomically books the capacity and
 * writes the order, its snapshot, option rows, PLACED event and confirmation email.
 * The same idempotency key always returns the same order, also under simultaneous submissions. With
 * `limit`, the database refuses the order when the customer reached their order rate limit.
 *
 * Usually one statement: the order is planned on the figures this process remembers and written by the
 * place_order database function, which checks them (see Memory) and books the weeks under the database's
 * guards; orders ready at the same moment are written together (submitWrite). When the database refuses
 * (a week filled up, hours were freed), the order takes the booking lock and is planned again on figures
 * read under it.
 */
export async function placeOrder(db: Prisma, input: PlaceOrderInput): Promise<PlaceOrderResult> {
  const placedAt = input.now ?? new Date();
  const memory = memoryOf(db);
  let freshProduct = false;
  let current = { versionId: input.expected.versionId, version: 0, totalCents: input.expected.totalCents };
  for (let round = 1; round <= MAX_ROUNDS; round++) {
    const { product, fresh } = await publishedProduct(db, memory, input.slug, freshProduct);
    // A refusal is only given on a fresh read: a remembered product may be out of date.
    const refuse = <T extends PlaceOrderResult>(result: T): T | null => {
      freshProduct = true;
      return fresh ? result : null;
    };
    if (!product) {
      const refused = refuse({ ok: false, code: "not_found", message: "This product is no longer available." } as const);
      if (refused) return refused;
      continue;
    }
    const { version } = product;
    const definition = version.definition;
    const normalized = normalize(definition, input.selection);
    if (!normalized.ok) {
      const refused = refuse({ ok: false, code: "invalid", message: "This configuration is not valid any more.", problems: normalized.errors } as const);
      if (refused) return refused;
      continue;
    }
    const evaluation = evaluate(definition, normalized.selection, { quantity: input.quantity });
    if (!evaluation.valid) {
      const refused = refuse({ ok: false, code: "invalid", message: "This configuration cannot be ordered as it is.", problems: evaluation.problems } as const);
      if (refused) return refused;
      continue;
    }
    current = { versionId: version.id, version: version.version, totalCents: evaluation.totalCents };
    if (input.expected.versionId !== version.id || input.expected.totalCents !== evaluation.totalCents) {
      if (!fresh) {
        freshProduct = true;
        continue;
      }
      const settings = await getSettings(db);
      const message =
        input.expected.totalCents !== evaluation.totalCents
          ? `The price changed since you opened this page: it is now ${formatCents(evaluation.totalCents, settings.currency)} instead of ${formatCents(input.expected.totalCents, settings.currency)}. Review it and confirm again.`
          : CHANGED_MESSAGE;
      return { ok: false, code: "changed", message, current };
    }

    const view = await capacityView(db, memory);
    const order: NewOrder = {
      customerId: input.customer.id,
      product: { id: product.id, slug: product.slug, name: product.name },
      version: { id: version.id, version: version.version },
      definition,
      selection: normalized.selection,
      evaluation,
      idempotencyKey: input.idempotencyKey,
      shippingAddress: input.shippingAddress,
      notes: input.notes,
      settings: view.settings ?? DEFAULT_SETTINGS,
      placedAt,
    };
    const email: OrderEmailRenderer = ({ number, promisedDate, settings }) => ({
      to: input.customer.email,
      ...orderPlacedEmail({
        number, customerName: input.customer.name, productName: product.name, totalCents: evaluation.totalCents,
        currency: settings.currency, promisedDate, companyName: settings.companyName,
      }),
    });

    let result: WriteResult | null = null;
    try {
      let plan: BookingPlan | null = null;
      try {
        plan = planBooking({ today: placedAt, leadDays: evaluation.leadDays, productionHours: evaluation.productionHours, settings: order.settings }, capacityState(view));
      } catch {
        // No room on the remembered figures: the locked attempt below decides on fresh ones.
      }
      if (plan) {
        try {
          result = await submitWrite(db, memory, prepareOrder(order, plan, { email, limit: input.limit, expect: { settings: view.settings } }));
        } catch (error) {
          if (!isStalePlan(error)) throw error;
        }
      }
      if (!result) {
        // A week filled up or was freed since the figures were read: book in turn, on fresh figures.
        const started = Date.now();
        const locked = await runTransaction(db, (tx) => writeOrderLocked(tx, order, { email, limit: input.limit, expect: { settings: view.settings } }), 10);
        remember(memory, locked.fresh, started);
        result = locked.result;
      }
    } catch (error) {
      // A simultaneous submission with the same key won: return its order.
      if (isDuplicateOrder(error)) {
        const winner = await findByKey(db, input.idempotencyKey);
        if (winner) return replayResult(winner, input.customer.id);
      }
      throw error;
    }

    switch (result.status) {
      case "placed":
        if (memory.capacity) rememberBooked(memory.capacity, result.weeks);
        return { ok: true, number: result.number, existing: false };
      case "replay":
        return replayResult(result, input.customer.id);
      case "limited": {
        const retryAfterMs = Math.max(0, new Date(result.retryAt).getTime() - placedAt.getTime());
        return { ok: false, code: "limited", message: retryMessage(retryAfterMs, "orders in a short time"), retryAfterMs };
      }
      case "product":
        freshProduct = true;
        continue;
      case "settings":
        view.settings = result.settings;
        view.state = null;
        continue;
    }
  }
  return { ok: false, code: "changed", message: CHANGED_MESSAGE, current };
}

function replayResult(order: { number: string; customerId: string }, customerId: string): PlaceOrderResult {
  if (order.customerId !== customerId) {
    return { ok: false, code: "conflict", message: "This form was already used. Reload the page to order again." };
  }
  return { ok: true, number: order.number, existing: true };
}
