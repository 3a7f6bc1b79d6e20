/**
 * One value per process, however many times this module is instantiated. Next's production server gives
 * each route's bundle its own instance of the modules it uses, so module-level state (a cache, a registry)
 * is not shared between routes: a client registered by the route that opened the database would be unknown
 * to the others. Keyed by a global symbol, the value is created once and every instance finds it.
 */
export function processWide<T>(name: string, create: () => T): T {
  const registry = globalThis as { [key: symbol]: unknown };
  const key = Symbol.for(`atelier.${name}`);
  if (!(key in registry)) registry[key] = create();
  return registry[key] as T;
}
