// Runs once when a server instance starts, before it handles a request: the edge guard (truthful forwarded
// headers, malformed addresses, foreign origins, oversized actions, unknown product pages); a timer that
// expires the approval holds of large orders (fair use); a timer that rolls late shop-floor work forward (once a
// day per database); and, when SMTP_URL is set, a worker that sends the
// email outbox.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const [{ installEdgeGuard }, { env }, { routeProductPage }, { getDb }] = await Promise.all([
    import("./lib/security/edge-guard"),
    import("./lib/env"),
    import("./lib/catalog/known-slugs"),
    import("./lib/db"),
  ]);
  const { readdirSync } = await import("node:fs");
  const { join } = await import("node:path");
  // The files under public/products (product images) share the configurator pages' address space.
  let productFiles: Set<string>;
  try {
    productFiles = new Set(readdirSync(join(process.cwd(), "public", "products")));
  } catch {
    productFiles = new Set();
  }
  installEdgeGuard({ hops: env.TRUSTED_PROXY_HOPS, route: (method, url) => routeProductPage(method, url, getDb, productFiles) });
  (await import("./lib/orders/holds")).startHoldExpiry();
  // Late work rolls forward once a day per database, whichever instance's timer gets there first.
  (await import("./lib/production/late-work")).startLateWorkRoller();
  if (!process.env.SMTP_URL) return;
  const { startEmailWorker } = await import("./lib/notifications/worker");
  startEmailWorker(process.env.SMTP_URL, process.env.SMTP_FROM ?? "Atelier <orders@atelier.test>");
}
