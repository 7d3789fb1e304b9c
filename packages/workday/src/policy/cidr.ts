/**
 * IPv4 and IPv6 addresses and CIDR ranges as bigints, so one comparison tests membership.
 * IPv4-mapped IPv6 addresses (::ffff:192.0.2.1) count as their IPv4 address.
 */

export interface IpRange {
  v6: boolean;
  /** The network, masked. */
  base: bigint;
  mask: bigint;
}

const V4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function v4(s: string): bigint | null {
  const m = V4.exec(s);
  if (!m) return null;
  let n = 0n;
  for (let i = 1; i <= 4; i++) {
    const part = Number(m[i]);
    const text = m[i] ?? "";
    if (part > 255 || (text.length > 1 && text.startsWith("0"))) return null;
    n = (n << 8n) | BigInt(part);
  }
  return n;
}

function v6(s: string): bigint | null {
  if (!/^[0-9a-f:.]+$/i.test(s) || s.split("::").length > 2) return null;
  let tail4: bigint | null = null;
  let text = s;
  const lastColon = s.lastIndexOf(":");
  if (s.includes(".")) {
    tail4 = v4(s.slice(lastColon + 1));
    if (tail4 === null) return null;
    text = `${s.slice(0, lastColon + 1)}0:0`;
  }
  const [head = "", rest] = text.split("::") as [string, string | undefined];
  const groups = (part: string) => (part === "" ? [] : part.split(":"));
  const h = groups(head);
  const t = rest === undefined ? [] : groups(rest);
  const missing = 8 - h.length - t.length;
  if (rest === undefined ? h.length !== 8 : missing < 1) return null;
  const all = [...h, ...Array<string>(rest === undefined ? 0 : missing).fill("0"), ...t];
  let n = 0n;
  for (const g of all) {
    if (!/^[0-9a-f]{1,4}$/i.test(g)) return null;
    n = (n << 16n) | BigInt(parseInt(g, 16));
  }
  if (tail4 !== null) n = (n & ~0xffffffffn) | tail4;
  return n;
}

/** An address as {v6, value}; null when it is not an IP address. */
export function parseIp(raw: string): { v6: boolean; value: bigint } | null {
  const s = raw.trim();
  const a = v4(s);
  if (a !== null) return { v6: false, value: a };
  const b = v6(s.replace(/%.*$/, ""));
  if (b === null) return null;
  if (b >> 32n === 0xffffn) return { v6: false, value: b & 0xffffffffn };
  return { v6: true, value: b };
}

/** "192.0.2.0/24", "2001:db8::/32", or a bare address (a /32 or /128). Null when malformed. */
export function parseCidr(raw: string): IpRange | null {
  const [addr = "", len, extra] = raw.trim().split("/");
  if (extra !== undefined) return null;
  const ip = parseIp(addr);
  if (!ip) return null;
  const bits = ip.v6 ? 128 : 32;
  if (len !== undefined && !/^\d{1,3}$/.test(len)) return null;
  const prefix = len === undefined ? bits : Number(len);
  if (prefix > bits) return null;
  const all = (1n << BigInt(bits)) - 1n;
  const mask = prefix === 0 ? 0n : (all << BigInt(bits - prefix)) & all;
  return { v6: ip.v6, base: ip.value & mask, mask };
}

export const inRange = (ip: { v6: boolean; value: bigint }, r: IpRange) => ip.v6 === r.v6 && (ip.value & r.mask) === r.base;
