import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";

/** One address a host name resolved to, as `dns.lookup` gives it. */
export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Resolves a host name to every address it may connect to. Injected in tests. */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolver: Resolver = (hostname) => lookup(hostname, { all: true, verbatim: true });

interface Range {
  label: string;
  list: BlockList;
}

function range(label: string, subnets: readonly [string, number][]): Range {
  const list = new BlockList();
  for (const [net, prefix] of subnets) list.addSubnet(net, prefix, isIP(net) === 6 ? "ipv6" : "ipv4");
  return { label, list };
}

// Order matters: the first match names the range in the message, so the metadata address comes
// before link-local. IPv4 rules also match IPv4-mapped IPv6 (::ffff:a.b.c.d) in node's BlockList.
const BLOCKED: readonly Range[] = [
  range("cloud metadata", [
    ["169.254.169.254", 32],
    ["fd00:ec2::254", 128],
  ]),
  range("unspecified", [
    ["0.0.0.0", 8],
    ["::", 128],
  ]),
  range("loopback", [
    ["127.0.0.0", 8],
    ["::1", 128],
  ]),
  range("private", [
    ["10.0.0.0", 8],
    ["172.16.0.0", 12],
    ["192.168.0.0", 16],
    ["fc00::", 7],
  ]),
  range("link-local", [
    ["169.254.0.0", 16],
    ["fe80::", 10],
  ]),
  range("carrier-grade NAT", [["100.64.0.0", 10]]),
  range("multicast", [
    ["224.0.0.0", 4],
    ["ff00::", 8],
  ]),
  range("reserved", [["240.0.0.0", 4]]),
];

/**
 * Names the non-public range `address` falls in (loopback, private, link-local, …), or null for a
 * public address. Anything that is not a valid IP address counts as non-public.
 */
export function nonPublicRange(address: string): string | null {
  const family = isIP(address);
  if (family === 0) return "not an IP address";
  const type = family === 6 ? "ipv6" : "ipv4";
  return BLOCKED.find((r) => r.list.check(address, type))?.label ?? null;
}

/** The address inside an IP-literal hostname (`[::1]` → `::1`), or null for a name. */
export function ipLiteral(hostname: string): string | null {
  const bare = hostname.startsWith("[") && hostname.endsWith("]") ? hostname.slice(1, -1) : hostname;
  return isIP(bare) === 0 ? null : bare;
}
