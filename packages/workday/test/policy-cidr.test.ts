import { describe, expect, it } from "vitest";
import { inRange, parseCidr, parseIp, type IpRange } from "../src";

const v4 = (a: number, b: number, c: number, d: number) => BigInt(((a * 256 + b) * 256 + c) * 256 + d);

/** Eight 16-bit groups as one 128-bit value. */
const groups = (...g: number[]) => g.reduce((n, x) => (n << 16n) | BigInt(x), 0n);

const range = (raw: string): IpRange => {
  const r = parseCidr(raw);
  if (!r) throw new Error(`fixture ${raw} did not parse`);
  return r;
};

const ip = (raw: string) => {
  const a = parseIp(raw);
  if (!a) throw new Error(`fixture ${raw} did not parse`);
  return a;
};

describe("parseIp", () => {
  it("when an IPv4 address is given, then it is a 32-bit v4 value", () => {
    expect(parseIp("192.0.2.1")).toEqual({ v6: false, value: v4(192, 0, 2, 1) });
    expect(parseIp("0.0.0.0")).toEqual({ v6: false, value: 0n });
    expect(parseIp("255.255.255.255")).toEqual({ v6: false, value: 0xffffffffn });
  });

  it("when the address has surrounding spaces, then they are ignored", () => {
    expect(parseIp("  198.51.100.7 ")).toEqual({ v6: false, value: v4(198, 51, 100, 7) });
  });

  it("when an IPv6 address is written in full, compressed or in capitals, then each spelling gives the same value", () => {
    const full = parseIp("2001:0db8:0000:0000:0000:0000:0000:0001");
    expect(full).toEqual({ v6: true, value: (0x20010db8n << 96n) | 1n });
    expect(parseIp("2001:db8::1")).toEqual(full);
    expect(parseIp("2001:DB8::1")).toEqual(full);
    expect(parseIp("2001:db8:0:0:0:0:0:1")).toEqual(full);
  });

  it("when the address is :: or ::1, then it is all zeros or one", () => {
    expect(parseIp("::")).toEqual({ v6: true, value: 0n });
    expect(parseIp("::1")).toEqual({ v6: true, value: 1n });
  });

  it("when :: stands for one group at the start, middle or end, then the groups land in their places", () => {
    expect(parseIp("::2:3:4:5:6:7:8")?.value).toBe(groups(0, 2, 3, 4, 5, 6, 7, 8));
    expect(parseIp("1:2:3::5:6:7:8")?.value).toBe(groups(1, 2, 3, 0, 5, 6, 7, 8));
    expect(parseIp("1:2:3:4:5:6:7::")?.value).toBe(groups(1, 2, 3, 4, 5, 6, 7, 0));
    expect(parseIp("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")?.value).toBe((1n << 128n) - 1n);
  });

  it("when an IPv4-mapped IPv6 address is given (::ffff:192.0.2.1), then it counts as its IPv4 address", () => {
    expect(parseIp("::ffff:192.0.2.1")).toEqual({ v6: false, value: v4(192, 0, 2, 1) });
    expect(parseIp("::FFFF:192.0.2.1")).toEqual({ v6: false, value: v4(192, 0, 2, 1) });
    expect(parseIp("::ffff:c000:201")).toEqual({ v6: false, value: v4(192, 0, 2, 1) });
    expect(parseIp("0:0:0:0:0:ffff:192.0.2.1")).toEqual({ v6: false, value: v4(192, 0, 2, 1) });
  });

  it("when a dotted quad ends an IPv6 address that is not IPv4-mapped, then it stays IPv6 with the quad as its last 32 bits", () => {
    expect(parseIp("64:ff9b::192.0.2.1")).toEqual({ v6: true, value: (0x0064ff9bn << 96n) | v4(192, 0, 2, 1) });
  });

  it("when an IPv6 address carries a zone id (%eth0), then the zone is ignored", () => {
    expect(parseIp("fe80::1%eth0")).toEqual({ v6: true, value: (0xfe80n << 112n) | 1n });
    expect(parseIp("fe80::1%25")).toEqual(parseIp("fe80::1"));
  });

  it.each([
    ["", "empty"],
    ["   ", "blank"],
    ["01.2.3.4", "a leading zero"],
    ["1.2.3.04", "a leading zero in the last part"],
    ["256.0.0.1", "a part above 255"],
    ["1.2.3.256", "a last part above 255"],
    ["1.2.3", "three parts"],
    ["1.2.3.4.5", "five parts"],
    ["1.2.3.4%eth0", "a zone on IPv4"],
    ["1.2.3.-4", "a sign"],
    ["a.b.c.d", "letters"],
    ["1:2:3:4:5:6:7", "seven IPv6 groups"],
    ["1:2:3:4:5:6:7:8:9", "nine IPv6 groups"],
    ["1:2:3:4:5:6:7:8::", "eight groups and ::"],
    ["1::2::3", "two ::"],
    [":::", "three colons"],
    ["1::2:", "a trailing colon"],
    [":1::2", "a leading single colon"],
    ["12345::1", "a five-digit group"],
    ["g::1", "a non-hex group"],
    ["::ffff:01.2.3.4", "a leading zero in a mapped IPv4 tail"],
    ["::ffff:256.2.3.4", "a mapped IPv4 tail above 255"],
    ["::1.2.3.4:5", "a dotted quad that is not last"],
    ["1:2:3:4:5:6:7:1.2.3.4", "a dotted quad after seven groups"],
    ["192.0.2.1/24", "a range"],
    ["localhost", "a host name"],
  ])("when the address is %j (%s), then it is not an IP address", (raw) => {
    expect(parseIp(raw)).toBeNull();
  });
});

describe("parseCidr", () => {
  it("when an IPv4 range is given, then its base is masked and its mask has the prefix's bits", () => {
    expect(parseCidr("192.0.2.0/24")).toEqual({ v6: false, base: v4(192, 0, 2, 0), mask: 0xffffff00n });
  });

  it("when the address has host bits set (192.0.2.77/24), then the base is the network", () => {
    expect(parseCidr("192.0.2.77/24")).toEqual(parseCidr("192.0.2.0/24"));
  });

  it("when an IPv6 range is given, then its base and mask are 128-bit", () => {
    expect(parseCidr("2001:db8::/32")).toEqual({ v6: true, base: 0x20010db8n << 96n, mask: ((1n << 32n) - 1n) << 96n });
  });

  it("when the prefix is /0, then the mask is empty and the base zero", () => {
    expect(parseCidr("203.0.113.9/0")).toEqual({ v6: false, base: 0n, mask: 0n });
    expect(parseCidr("2001:db8::1/0")).toEqual({ v6: true, base: 0n, mask: 0n });
  });

  it("when the prefix is the full length (/32, /128) or absent, then the range is one address", () => {
    expect(parseCidr("192.0.2.1/32")).toEqual({ v6: false, base: v4(192, 0, 2, 1), mask: 0xffffffffn });
    expect(parseCidr("192.0.2.1")).toEqual(parseCidr("192.0.2.1/32"));
    expect(parseCidr("2001:db8::1/128")).toEqual({ v6: true, base: (0x20010db8n << 96n) | 1n, mask: (1n << 128n) - 1n });
    expect(parseCidr("2001:db8::1")).toEqual(parseCidr("2001:db8::1/128"));
  });

  it("when the range has surrounding spaces or a zone id, then they are ignored", () => {
    expect(parseCidr(" 192.0.2.0/24 ")).toEqual(parseCidr("192.0.2.0/24"));
    expect(parseCidr("fe80::1%eth0/64")).toEqual(parseCidr("fe80::/64"));
  });

  it.each([
    ["", "empty"],
    ["/24", "no address"],
    ["192.0.2.0/", "an empty prefix"],
    ["192.0.2.0/33", "a v4 prefix above 32"],
    ["2001:db8::/129", "a v6 prefix above 128"],
    ["192.0.2.0/-1", "a negative prefix"],
    ["192.0.2.0/1000", "a four-digit prefix"],
    ["192.0.2.0/2a", "letters in the prefix"],
    ["192.0.2.0/ 24", "a space in the prefix"],
    ["a/b/c", "two slashes and no address"],
    ["192.0.2.0/24/8", "two prefixes"],
    ["01.2.3.4/8", "a leading zero"],
    ["256.0.0.0/8", "a part above 255"],
  ])("when the range is %j (%s), then it is malformed", (raw) => {
    expect(parseCidr(raw)).toBeNull();
  });
});

describe("inRange", () => {
  it("when an address is the first or last of a v4 range, then it is in; the addresses just outside are not", () => {
    const r = range("192.0.2.0/24");
    expect(inRange(ip("192.0.2.0"), r)).toBe(true);
    expect(inRange(ip("192.0.2.255"), r)).toBe(true);
    expect(inRange(ip("192.0.1.255"), r)).toBe(false);
    expect(inRange(ip("192.0.3.0"), r)).toBe(false);
  });

  it("when a v4 range is not byte-aligned (/27), then its boundaries are exact", () => {
    const r = range("198.51.100.32/27");
    expect(inRange(ip("198.51.100.32"), r)).toBe(true);
    expect(inRange(ip("198.51.100.63"), r)).toBe(true);
    expect(inRange(ip("198.51.100.31"), r)).toBe(false);
    expect(inRange(ip("198.51.100.64"), r)).toBe(false);
  });

  it("when an address is the first or last of a v6 range, then it is in; the addresses just outside are not", () => {
    const r = range("2001:db8::/32");
    expect(inRange(ip("2001:db8::"), r)).toBe(true);
    expect(inRange(ip("2001:db8:ffff:ffff:ffff:ffff:ffff:ffff"), r)).toBe(true);
    expect(inRange(ip("2001:db7:ffff:ffff:ffff:ffff:ffff:ffff"), r)).toBe(false);
    expect(inRange(ip("2001:db9::"), r)).toBe(false);
  });

  it("when the range is a single address (/32, /128), then only that address is in it", () => {
    const one4 = range("203.0.113.7/32");
    expect(inRange(ip("203.0.113.7"), one4)).toBe(true);
    expect(inRange(ip("203.0.113.6"), one4)).toBe(false);
    expect(inRange(ip("203.0.113.8"), one4)).toBe(false);
    const one6 = range("2001:db8::7/128");
    expect(inRange(ip("2001:db8::7"), one6)).toBe(true);
    expect(inRange(ip("2001:db8::6"), one6)).toBe(false);
    expect(inRange(ip("2001:db8::8"), one6)).toBe(false);
  });

  it("when the range is /0, then every address of its family is in it", () => {
    expect(inRange(ip("0.0.0.0"), range("0.0.0.0/0"))).toBe(true);
    expect(inRange(ip("255.255.255.255"), range("0.0.0.0/0"))).toBe(true);
    expect(inRange(ip("::"), range("::/0"))).toBe(true);
    expect(inRange(ip("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"), range("::/0"))).toBe(true);
  });

  it("when the address and the range are of different families, then they never match, even at /0", () => {
    expect(inRange(ip("192.0.2.1"), range("::/0"))).toBe(false);
    expect(inRange(ip("2001:db8::1"), range("0.0.0.0/0"))).toBe(false);
    // ::c000:201 has the same low 32 bits as 192.0.2.1 but is not IPv4-mapped.
    expect(inRange(ip("::c000:201"), range("192.0.2.0/24"))).toBe(false);
    expect(inRange(ip("192.0.2.1"), range("::c000:200/120"))).toBe(false);
  });

  it("when an IPv4-mapped address is tested, then it matches the IPv4 range of its address", () => {
    expect(inRange(ip("::ffff:192.0.2.1"), range("192.0.2.0/24"))).toBe(true);
    expect(inRange(ip("::ffff:192.0.3.1"), range("192.0.2.0/24"))).toBe(false);
  });
});
