import type { LookupAddress, LookupOptions } from "node:dns";
import type { LookupFunction } from "node:net";
import { describe, expect, it } from "vitest";
import type { Resolver } from "../src/platform/outbound/address-policy";
import { NonPublicAddressError, pinnedLookup, UnresolvedHostError } from "../src/platform/outbound/pinned-lookup";

/** A resolver that gives `answers[i]` on its i-th call (the last one from then on) and records each call. */
function answering(...answers: string[][]): Resolver & { calls: string[] } {
  const calls: string[] = [];
  const resolve = async (hostname: string) => {
    const next = answers[Math.min(calls.length, answers.length - 1)] ?? [];
    calls.push(hostname);
    return next.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
  };
  return Object.assign(resolve, { calls });
}

interface Outcome {
  err: NodeJS.ErrnoException | null;
  address: string | LookupAddress[];
  family: number | undefined;
  callbacks: number;
}

/** Runs one lookup the way a socket does and collects what its callback got (and how often it was called). */
async function lookup(fn: LookupFunction, options: LookupOptions, hostname = "wd.example.test"): Promise<Outcome> {
  const outcome: Outcome = { err: null, address: "", family: undefined, callbacks: 0 };
  await new Promise<void>((done) => {
    fn(hostname, options, (err, address, family) => {
      Object.assign(outcome, { err, address, family, callbacks: outcome.callbacks + 1 });
      done();
    });
  });
  await new Promise((r) => setTimeout(r, 10));
  return outcome;
}

describe("pinned lookup", () => {
  it("when all addresses are asked for, then the callback gets exactly the vetted answers from a single resolution", async () => {
    const resolve = answering(["203.0.113.10", "2001:db8::10"]);
    const out = await lookup(pinnedLookup(resolve, false), { all: true });
    expect(out.err).toBeNull();
    expect(out.address).toEqual([
      { address: "203.0.113.10", family: 4 },
      { address: "2001:db8::10", family: 6 },
    ]);
    expect(resolve.calls).toEqual(["wd.example.test"]);
    expect(out.callbacks).toBe(1);
  });

  it("when one address is asked for, then the callback gets the first vetted answer and its family", async () => {
    const out = await lookup(pinnedLookup(answering(["2001:db8::10", "203.0.113.10"]), false), {});
    expect([out.err, out.address, out.family]).toEqual([null, "2001:db8::10", 6]);
  });

  it("when a family is asked for, then only answers of that family are handed over", async () => {
    const fn = pinnedLookup(answering(["2001:db8::10", "203.0.113.10"]), false);
    expect((await lookup(fn, { family: 4, all: true })).address).toEqual([{ address: "203.0.113.10", family: 4 }]);
    expect((await lookup(fn, { family: 6 })).address).toBe("2001:db8::10");
    const none = await lookup(pinnedLookup(answering(["203.0.113.10"]), false), { family: 6 });
    expect(none.err).toBeInstanceOf(UnresolvedHostError);
  });

  it("when the answers change between resolutions (rebinding), then each lookup resolves once and hands over only what it vetted", async () => {
    const resolve = answering(["203.0.113.10"], ["127.0.0.1"]);
    const fn = pinnedLookup(resolve, false);
    const first = await lookup(fn, { all: true });
    expect(first.address).toEqual([{ address: "203.0.113.10", family: 4 }]);
    expect(resolve.calls).toEqual(["wd.example.test"]);
    const second = await lookup(fn, { all: true });
    expect(second.err).toBeInstanceOf(NonPublicAddressError);
    expect(second.address).toBe("");
    expect(resolve.calls).toHaveLength(2);
  });

  it.each([
    ["127.0.0.1", "loopback"],
    ["10.0.0.5", "private"],
    ["169.254.169.254", "cloud metadata"],
    ["::ffff:127.0.0.1", "loopback"],
  ])("when one of the answers is %s, then the lookup refuses them all and hands over none", async (address, range) => {
    const out = await lookup(pinnedLookup(answering(["203.0.113.10", address]), false), { all: true });
    expect(out.err).toBeInstanceOf(NonPublicAddressError);
    expect(out.err).toMatchObject({ hostname: "wd.example.test", address, range });
    expect(out.address).toBe("");
    expect(out.callbacks).toBe(1);
  });

  it("when private answers are allowed (a host listed exactly), then they are handed over", async () => {
    const out = await lookup(pinnedLookup(answering(["127.0.0.1", "::1"]), true), { all: true });
    expect(out.address).toEqual([
      { address: "127.0.0.1", family: 4 },
      { address: "::1", family: 6 },
    ]);
  });

  it("when the resolver fails or answers nothing, then the lookup fails as unresolved", async () => {
    const failing: Resolver = async () => {
      throw Object.assign(new Error("getaddrinfo ENOTFOUND"), { code: "ENOTFOUND" });
    };
    const failed = await lookup(pinnedLookup(failing, false), { all: true });
    expect(failed.err).toMatchObject({ name: "UnresolvedHostError", reason: "failed" });
    const empty = await lookup(pinnedLookup(answering([]), false), { all: true });
    expect(empty.err).toMatchObject({ name: "UnresolvedHostError", reason: "empty" });
  });
});
