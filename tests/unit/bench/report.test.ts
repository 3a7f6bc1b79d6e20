import { describe, expect, it } from "vitest";
import type { LoadResult } from "@/bench/lib/load";
import { checkBudgets, netGrowth, type BenchReport, type PassResult, type SizeResult } from "@/bench/lib/report";

// How npm run bench judges its budgets from the loads it ran (bench/lib/report.ts).
const load = (scenario: string, connections: number, requestsPerSecond: number, meanMs = 1, round?: number): LoadResult => ({
  scenario, connections, round, seconds: 3, requests: requestsPerSecond * 3, ok: requestsPerSecond * 3, failed: 0, requestsPerSecond,
  latencyMs: { p50: meanMs, p90: meanMs, p99: meanMs, mean: meanMs },
});

function step(orders: number, health: number, place: number, board: number, pairs: { insert: number; place: number; staticPage: number; configurator: number }[], others = health): SizeResult {
  const results: LoadResult[] = [
    load("baseline: /api/health", 1, 300, health),
    load("baseline: static page", 1, 900, others),
    load("baseline: insert one row", 1, 200, others),
    load("place order", 1, 100, place),
    load("staff board", 1, 20, board),
  ];
  pairs.forEach((pair, i) => {
    const round = i === 0 ? undefined : i + 1;
    results.push(load("baseline: insert one row", 16, pair.insert, 1, round), load("place order", 16, pair.place, 1, round));
    results.push(load("baseline: static page", 16, pair.staticPage, 1, round), load("configurator", 16, pair.configurator, 1, round));
  });
  return { orders, ordersAfter: orders, seedSeconds: 0, results, plans: [] };
}

const report = (pass: PassResult): BenchReport => ({
  startedAt: "2026-12-01T00:00:00Z", machine: {}, settings: { sizes: [1000, 100000], concurrency: [1, 16], secondsPerScenario: 3, tool: "autocannon" },
  buildSeconds: 0, passes: [pass], browser: null, engine: null, totalSeconds: 0,
});

describe("the benchmark's budgets", () => {
  it("take the median of the rounds each pair ran in turn, so one tilted round does not decide", () => {
    const rounds = [
      { insert: 400, place: 240, staticPage: 1000, configurator: 500 }, // a round the machine tilted: 0.50x
      { insert: 400, place: 160, staticPage: 1000, configurator: 800 },
      { insert: 400, place: 220, staticPage: 1000, configurator: 760 },
    ];
    const budgets = checkBudgets(report({ database: "pglite", sizes: [step(1000, 2, 8, 40, rounds), step(100000, 2, 8, 40, rounds)] }));
    const placement = budgets.find((b) => b.name.startsWith("order placement"))!;
    expect(placement.figure).toBe("0.55x (0.60, 0.40, 0.55); 0.55x (0.60, 0.40, 0.55) (by size)");
    expect(placement.met).toBe(true);
    const configurator = budgets.find((b) => b.name.startsWith("configurator page"))!;
    expect(configurator.figure).toBe("0.76x (0.50, 0.80, 0.76); 0.76x (0.50, 0.80, 0.76) (by size)");
    expect(configurator.met).toBe(true);
  });

  it("judge latency growth net of the machine's drift between the steps, and report the raw growth beside it", () => {
    const pair = [{ insert: 400, place: 240, staticPage: 1000, configurator: 800 }];
    // The whole machine is 1.5x slower in the last step: /api/health too. The staff board grew 1.65x raw,
    // 1.10x net; placement grew 1.5x raw, 1.00x net.
    const pass: PassResult = { database: "postgres", sizes: [step(1000, 2, 8, 40, pair), step(100000, 3, 12, 66, pair)] };
    expect(netGrowth(pass, "staff board")).toEqual({ raw: 1.65, machine: 1.5, net: expect.closeTo(1.1, 10) });
    const budgets = checkBudgets(report(pass));
    const board = budgets.find((b) => b.name.startsWith("staff board latency"))!;
    expect(board.figure).toBe("1.10x (raw 1.65x; the baselines' median 1.50x in the same steps)");
    expect(board.met).toBe(true);
    // One baseline caught in a slow moment (here /api/health, 0.6x) does not decide: the median of three does.
    const caught: PassResult = { database: "pglite", sizes: [step(1000, 5, 8, 40, pair, 2), step(100000, 3, 8, 42, pair, 2)] };
    expect(netGrowth(caught, "staff board")).toEqual({ raw: 1.05, machine: 1, net: 1.05 });
    // A board that grows 1.3x on a steady machine is over the budget.
    const steady: PassResult = { database: "postgres", sizes: [step(1000, 2, 8, 40, pair), step(100000, 2, 8, 52, pair)] };
    expect(checkBudgets(report(steady)).find((b) => b.name.startsWith("staff board latency"))!.met).toBe(false);
  });
});
