// One load scenario with autocannon: keep-alive connections from this process, for a fixed time, with
// every response checked (status, and optionally a header or a text the page must contain).
import autocannon from "autocannon";

export type Scenario = {
  name: string;
  method?: "GET" | "POST";
  path: string;
  /** Cookie headers to rotate through, one per request (signed-in scenarios). */
  cookies?: string[];
  headers?: Record<string, string>;
  /** A body per request (e.g. a fresh idempotency key each time). */
  body?: () => string;
  /** What a successful response shows: its status, and a header or text it must carry. */
  expect: { status: number; header?: string; text?: string };
};

export type LoadResult = {
  scenario: string;
  connections: number;
  /** Extra rounds of a scenario and its baseline, run in turn after the first (the first has no round). */
  round?: number;
  seconds: number;
  requests: number;
  ok: number;
  failed: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; mean: number };
};

/**
 * Where each scenario's cookie rotation stands: it carries on from one load run (and warm-up) to the next, so
 * that every signed-in user takes an equal share of a step's requests (order placement is rate-limited per
 * customer; starting each run from the first cookie sent the first customers over the limit).
 */
const turns = new WeakMap<Scenario, { next: number }>();

/** The autocannon request of a scenario: a cookie and body per request, each response checked. */
function requestOf(scenario: Scenario, record: (good: boolean, status: number, body: string) => void) {
  const turn = turns.get(scenario) ?? { next: 0 };
  turns.set(scenario, turn);
  return {
    method: scenario.method ?? "GET",
    path: scenario.path,
    setupRequest: (request: autocannon.Request) => {
      const cookie = scenario.cookies?.[turn.next++ % scenario.cookies.length];
      return {
        ...request,
        headers: { ...scenario.headers, ...(cookie ? { cookie } : {}) },
        ...(scenario.body ? { body: scenario.body() } : {}),
      };
    },
    onResponse: (status: number, body: string, _context: unknown, headers: unknown) => {
      const header = scenario.expect.header;
      const good =
        status === scenario.expect.status &&
        (!header || Boolean((headers as Record<string, unknown> | undefined)?.[header])) &&
        (!scenario.expect.text || body.includes(scenario.expect.text));
      record(good, status, body);
    },
  } as autocannon.Request;
}

/**
 * Runs the scenario at `connections` for a number of seconds, or for a number of requests (a run whose cost
 * must not depend on the machine's speed, such as orders placed by customers with a rate limit), after a warm-up.
 */
export async function runLoad(base: string, scenario: Scenario, connections: number, length: number | { requests: number }): Promise<LoadResult> {
  let ok = 0;
  let failed = 0;
  let firstFailure = "";
  // A short warm-up at the same concurrency first (code paths loaded, pools filled), not counted. autocannon
  // notices that a fixed amount is done only at its next sample: at the default 1 s, every warm-up took a second.
  await autocannon({ url: base, connections, amount: connections * 3, timeout: 30, sampleInt: 50, requests: [requestOf(scenario, () => undefined)] });
  const result = await autocannon({
    url: base,
    connections,
    // A fixed amount ends only at autocannon's next sample: every 50 ms, as for the warm-up.
    ...(typeof length === "number" ? { duration: length } : { amount: length.requests, sampleInt: 50 }),
    timeout: 30,
    requests: [
      requestOf(scenario, (good, status, body) => {
        if (good) ok++;
        else {
          failed++;
          if (!firstFailure) firstFailure = `${status} ${body.slice(body.indexOf("\n") + 1, body.indexOf("\n") + 400)}`;
        }
      }),
    ],
  });
  const elapsed = result.duration;
  if (failed > 0) console.warn(`  ${scenario.name} c${connections}: ${failed} unexpected responses, e.g. ${firstFailure}`);
  if (result.errors > 0 || result.timeouts > 0) console.warn(`  ${scenario.name} c${connections}: ${result.errors} errors, ${result.timeouts} timeouts`);
  return {
    scenario: scenario.name,
    connections,
    seconds: Number(elapsed.toFixed(2)),
    requests: ok + failed,
    ok,
    failed: failed + result.errors,
    requestsPerSecond: Number((ok / elapsed).toFixed(1)),
    latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, mean: Number(result.latency.average.toFixed(2)) },
  };
}
