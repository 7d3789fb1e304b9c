import { isIP } from "node:net";

/** What Express's "trust proxy" setting gets: nothing, a number of hops, or the proxies' addresses. */
export type TrustProxy = false | number | string[];

const NAMED = new Set(["loopback", "linklocal", "uniquelocal"]);

function validAddress(token: string): boolean {
  if (NAMED.has(token)) return true;
  const [ip, prefix, ...rest] = token.split("/");
  const family = isIP(ip ?? "");
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  // A netmask (10.0.0.0/255.0.0.0) is accepted for IPv4, as Express accepts it.
  if (family === 4 && isIP(prefix) === 4) return true;
  const bits = Number(prefix);
  return /^\d{1,3}$/.test(prefix) && bits <= (family === 4 ? 32 : 128);
}

/**
 * TRUST_PROXY: empty (trust no proxy; the socket's address is the client's), a number of proxy hops
 * in front (1–10), or a comma-separated list of proxy addresses, CIDR ranges, or Express's names
 * loopback / linklocal / uniquelocal. Returns the problem as a sentence when the value is unusable.
 */
export function parseTrustProxy(raw: string): TrustProxy | string {
  const v = raw.trim();
  if (v === "" || v === "false" || v === "0") return false;
  if (v === "true" || v === "*") {
    return "must not trust every address (any client could forge its own with X-Forwarded-For): give the number of proxies in front (e.g. 1) or their addresses (e.g. 10.0.0.0/8)";
  }
  if (/^\d+$/.test(v)) {
    const hops = Number(v);
    return hops >= 1 && hops <= 10 ? hops : "must be a number of proxy hops from 1 to 10, or a list of proxy addresses";
  }
  const tokens = v
    .split(",")
    .map((t) => t.trim())
    .filter(Boolean);
  const bad = tokens.filter((t) => !validAddress(t));
  if (bad.length > 0) {
    return `is not an IP address, CIDR range, loopback, linklocal or uniquelocal: ${bad
      .slice(0, 3)
      .map((b) => JSON.stringify(b.slice(0, 40)))
      .join(", ")}`;
  }
  return tokens;
}
