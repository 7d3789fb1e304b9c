import type { LookupAddress, LookupOptions } from "node:dns";
import { isIP, type LookupFunction } from "node:net";
import { nonPublicRange, type ResolvedAddress, type Resolver } from "./address-policy";

/** A host that may reach public addresses only resolved to a loopback, private, link-local, … one. */
export class NonPublicAddressError extends Error {
  override readonly name = "NonPublicAddressError";
  constructor(
    readonly hostname: string,
    readonly address: string,
    readonly range: string,
  ) {
    super(`${hostname} resolves to ${address} (${range}), not a public address.`);
  }
}

/** The resolver failed (`failed`) or answered no address (`empty`). */
export class UnresolvedHostError extends Error {
  override readonly name = "UnresolvedHostError";
  constructor(
    readonly hostname: string,
    readonly reason: "failed" | "empty",
    options?: { cause?: unknown },
  ) {
    super(reason === "failed" ? `${hostname} could not be resolved.` : `${hostname} did not resolve to any address.`, options);
  }
}

/**
 * The answers for `hostname`, with their IP family. Unless `allowPrivate`, a single non-public
 * answer refuses them all: a name that can point inside the network is not called at all.
 */
export function vet(hostname: string, answers: readonly ResolvedAddress[], allowPrivate: boolean): LookupAddress[] {
  if (answers.length === 0) throw new UnresolvedHostError(hostname, "empty");
  if (!allowPrivate) {
    for (const { address } of answers) {
      const range = nonPublicRange(address);
      if (range !== null) throw new NonPublicAddressError(hostname, address, range);
    }
  }
  return answers.map(({ address }) => ({ address, family: isIP(address) }));
}

/** Resolves `hostname` once through `resolve` and vets the answer. Timeouts and aborts pass through as they are. */
export async function resolveVetted(hostname: string, resolve: Resolver, allowPrivate: boolean): Promise<LookupAddress[]> {
  let answers: ResolvedAddress[];
  try {
    answers = await resolve(hostname);
  } catch (e) {
    if (e instanceof Error && (e.name === "TimeoutError" || e.name === "AbortError")) throw e;
    throw new UnresolvedHostError(hostname, "failed", { cause: e });
  }
  return vet(hostname, answers, allowPrivate);
}

/**
 * A `dns.lookup`-style function for a socket's `lookup` option (undici's `Agent({ connect: { lookup } })`):
 * the connection goes to exactly the addresses this one resolution vetted, so a DNS answer that
 * changes after the check (rebinding) is never used. Errors reach the socket, and so the caller of
 * fetch as its `cause`.
 */
export function pinnedLookup(resolve: Resolver, allowPrivate: boolean): LookupFunction {
  return (hostname: string, options: LookupOptions, callback) => {
    resolveVetted(hostname, resolve, allowPrivate).then(
      (vetted) => {
        const family = options.family === 4 || options.family === "IPv4" ? 4 : options.family === 6 || options.family === "IPv6" ? 6 : 0;
        const wanted = family === 0 ? vetted : vetted.filter((a) => a.family === family);
        const first = wanted[0];
        if (first === undefined) callback(new UnresolvedHostError(hostname, "empty"), "");
        else if (options.all === true) callback(null, wanted);
        else callback(null, first.address, first.family);
      },
      (e: unknown) => callback(e instanceof Error ? e : new UnresolvedHostError(hostname, "failed", { cause: e }), ""),
    );
  };
}
