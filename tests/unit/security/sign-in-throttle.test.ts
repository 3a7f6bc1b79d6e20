import { describe, expect, it } from "vitest";
import { admittedWithin, delayAfter, SIGN_IN_THROTTLES, signInKeys, throttleMessage } from "@/lib/security/sign-in-throttle";

describe("the sign-in delay schedule", () => {
  const { pair, address, account } = SIGN_IN_THROTTLES;
  it("lets the allowance through, then doubles the wait from one second up to the cap", () => {
    expect([1, 2, 3, 4].map((n) => delayAfter(pair, n))).toEqual([0, 0, 0, 0]);
    expect([5, 6, 7, 8, 9].map((n) => delayAfter(pair, n))).toEqual([1_000, 2_000, 4_000, 8_000, 16_000]);
    expect(delayAfter(pair, 15)).toBe(15 * 60_000);
    expect(delayAfter(pair, 10_000)).toBe(15 * 60_000);
  });

  it("never makes people behind one address wait more than a minute, nor an account's owner more than a few", () => {
    expect(delayAfter(address, address.free - 1)).toBe(0);
    expect(Math.max(...Array.from({ length: 200 }, (_, n) => delayAfter(address, n)))).toBe(60_000);
    expect(Math.max(...Array.from({ length: 200 }, (_, n) => delayAfter(account, n)))).toBe(5 * 60_000);
    expect(account.free).toBeGreaterThan(address.free);
    expect(address.free).toBeGreaterThan(pair.free);
    expect([pair.slide, address.slide, account.slide]).toEqual([true, false, false]);
  });

  it("admits the allowance in a burst, and few more over time", () => {
    expect(admittedWithin(pair, 0)).toBe(5);
    expect(admittedWithin(pair, 999)).toBe(5);
    expect(admittedWithin(pair, 1_000)).toBe(6);
    expect(admittedWithin(pair, 60 * 60_000)).toBeLessThan(20);
    expect(admittedWithin(account, 60 * 60_000)).toBeLessThan(80);
  });

  it("words the wait in seconds, then minutes", () => {
    expect(throttleMessage(1)).toBe("Too many attempts. Try again in 1 second.");
    expect(throttleMessage(3_200)).toBe("Too many attempts. Try again in 4 seconds.");
    expect(throttleMessage(59_990)).toBe("Too many attempts. Try again in 1 minute.");
    expect(throttleMessage(14.5 * 60_000)).toBe("Too many attempts. Try again in 15 minutes.");
  });

  it("keys an attempt by account and address, address, and account", () => {
    expect(signInKeys("a@example.com", "203.0.113.9")).toMatchObject({
      pair: { key: "pair:203.0.113.9|a@example.com" },
      address: { key: "address:203.0.113.9" },
      account: { key: "account:a@example.com" },
    });
  });
});
