import { createServer, type RequestListener, type Server } from "node:http";
import net, { type AddressInfo, type NetConnectOpts, type Socket } from "node:net";
import { parseHostAllowList } from "@wc/workday";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Resolver } from "../src/platform/outbound/address-policy";
import { createOutboundFetch, OutboundError } from "../src/platform/outbound/outbound-fetch";

const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise<void>((r) => s.close(() => r()));
  }
});

async function stub(handler: RequestListener): Promise<number> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return (server.address() as AddressInfo).port;
}

function resolvingTo(...addresses: string[]): Resolver & { calls: string[] } {
  const calls: string[] = [];
  const resolve = async (hostname: string) => {
    calls.push(hostname);
    return addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
  };
  return Object.assign(resolve, { calls });
}

const okFetch: typeof fetch = async () => new Response("ok", { status: 200 });

function outbound(opts: { allowed?: string; resolve?: Resolver; fetch?: typeof fetch; timeoutMs?: number; maxBytes?: number }) {
  return createOutboundFetch({
    allow: parseHostAllowList(opts.allowed),
    timeoutMs: opts.timeoutMs ?? 2000,
    ...(opts.maxBytes !== undefined ? { maxBytes: opts.maxBytes } : {}),
    resolve: opts.resolve ?? resolvingTo("203.0.113.10"),
    fetch: opts.fetch ?? okFetch,
  });
}

async function failure(p: Promise<unknown>): Promise<OutboundError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(OutboundError);
  return e as OutboundError;
}

describe("address check", () => {
  it.each([
    ["loopback", "127.0.0.1"],
    ["loopback", "127.255.0.9"],
    ["loopback", "::1"],
    ["private", "10.1.2.3"],
    ["private", "172.16.0.1"],
    ["private", "172.31.255.254"],
    ["private", "192.168.1.1"],
    ["private", "fd12:3456::1"],
    ["link-local", "169.254.10.20"],
    ["link-local", "fe80::1"],
    ["cloud metadata", "169.254.169.254"],
    ["carrier-grade NAT", "100.64.0.1"],
    ["unspecified", "0.0.0.0"],
    ["unspecified", "::"],
    ["multicast", "224.0.0.1"],
    ["multicast", "ff02::1"],
    ["loopback", "::ffff:127.0.0.1"],
    ["cloud metadata", "::ffff:169.254.169.254"],
    ["private", "::ffff:10.0.0.1"],
  ])("when a default-allowed Workday host resolves to %s (%s), then the call is refused", async (range, address) => {
    const f = outbound({ resolve: resolvingTo(address) });
    const e = await failure(f("https://tenant.workday.com/ccx/oauth2/token"));
    expect(e.kind).toBe("refused");
    expect(e.message).toContain(address);
    expect(e.message).toContain(range);
    expect(e.message).toContain("ALLOWED_WORKDAY_HOSTS");
  });

  it("when one of several resolved addresses is private, then the call is refused", async () => {
    const f = outbound({ resolve: resolvingTo("203.0.113.10", "10.0.0.5") });
    expect((await failure(f("https://tenant.myworkday.com/x"))).kind).toBe("refused");
  });

  it("when the host resolves only to public addresses, then the request is sent", async () => {
    const resolve = resolvingTo("203.0.113.10", "2001:db8::10");
    const res = await outbound({ resolve })("https://wd2-impl-services1.workday.com/ccx/api");
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("ok");
    expect(resolve.calls).toEqual(["wd2-impl-services1.workday.com"]);
  });

  it("when the private host is listed exactly, then it is allowed without the address check", async () => {
    const resolve = resolvingTo("10.0.0.5");
    const res = await outbound({ allowed: "wd.corp.example", resolve })("https://wd.corp.example/x");
    expect(res.status).toBe(200);
    expect(resolve.calls).toEqual([]);
  });

  it("when a Workday host under the default wildcard is also listed exactly, then it may resolve to a private address", async () => {
    const res = await outbound({ allowed: "tenant.workday.com", resolve: resolvingTo("10.0.0.5") })("https://tenant.workday.com/x");
    expect(res.status).toBe(200);
  });

  it("when the exact entry names another port, then the private address is still refused", async () => {
    const f = outbound({ allowed: "tenant.workday.com:8443", resolve: resolvingTo("10.0.0.5") });
    expect((await failure(f("https://tenant.workday.com/x"))).kind).toBe("refused");
  });

  it("when an operator wildcard covers the host, then a private address is still refused", async () => {
    const f = outbound({ allowed: "*.corp.example", resolve: resolvingTo("192.168.0.7") });
    const e = await failure(f("https://wd.corp.example/x"));
    expect(e.kind).toBe("refused");
    expect(e.message).toContain("wildcard");
  });

  it("when localhost is listed exactly, then both 127.0.0.1 and ::1 are allowed", async () => {
    const res = await outbound({ allowed: "http://localhost:4000", resolve: resolvingTo("127.0.0.1", "::1") })("http://localhost:4000/x");
    expect(res.status).toBe(200);
  });

  it("when the name cannot be resolved, then the call fails as reset", async () => {
    const resolve: Resolver = async () => {
      throw Object.assign(new Error("getaddrinfo ENOTFOUND"), { code: "ENOTFOUND" });
    };
    expect((await failure(outbound({ resolve })("https://nowhere.workday.com/x"))).kind).toBe("reset");
  });
});

describe("IP literals", () => {
  it.each(["http://127.0.0.1:4000/x", "https://[::1]/x", "https://10.0.0.1/x", "https://169.254.169.254/latest/meta-data", "https://[::ffff:7f00:1]/x"])(
    "when %s is not listed, then it is refused",
    async (url) => {
      expect((await failure(outbound({})(url))).kind).toBe("refused");
    },
  );

  it("when the IP literal is listed exactly, then it is allowed", async () => {
    const res = await outbound({ allowed: "http://127.0.0.1:4000,[::1]:8443" })("http://127.0.0.1:4000/x");
    expect(res.status).toBe(200);
    expect((await outbound({ allowed: "[::1]:8443" })("https://[::1]:8443/x")).status).toBe(200);
  });
});

describe("URL shape", () => {
  it.each(["https://user:pw@tenant.workday.com/x", "https://user@tenant.workday.com/x"])(
    "when the URL carries userinfo (%s), then it is refused",
    async (url) => {
      const e = await failure(outbound({})(url));
      expect(e.kind).toBe("refused");
      expect(e.message).toContain("user name or password");
    },
  );

  it.each(["file:///etc/passwd", "ftp://tenant.workday.com/x", "gopher://tenant.workday.com/x"])(
    "when the scheme is not http(s) (%s), then it is refused",
    async (url) => {
      const e = await failure(outbound({})(url));
      expect(e.kind).toBe("refused");
      expect(e.message).toContain("ALLOWED_WORKDAY_HOSTS");
    },
  );

  it("when plain http is used for a default Workday host, then it is refused", async () => {
    expect((await failure(outbound({})("http://tenant.workday.com/x"))).kind).toBe("refused");
  });

  it("when the host is not on the allow-list, then it is refused before resolving", async () => {
    const resolve = resolvingTo("203.0.113.10");
    const e = await failure(outbound({ resolve })("https://example.com/x"));
    expect(e.kind).toBe("refused");
    expect(e.message).toContain("ALLOWED_WORKDAY_HOSTS");
    expect(resolve.calls).toEqual([]);
  });
});

describe("responses from a local stub", () => {
  const real = (port: number, o: { timeoutMs?: number; maxBytes?: number } = {}) =>
    createOutboundFetch({
      allow: parseHostAllowList(`http://127.0.0.1:${port}`),
      timeoutMs: o.timeoutMs ?? 2000,
      ...(o.maxBytes ? { maxBytes: o.maxBytes } : {}),
    });

  it("when the stub answers 302, then the call fails as redirect", async () => {
    const port = await stub((_req, res) => res.writeHead(302, { location: "http://169.254.169.254/" }).end());
    const e = await failure(real(port)(`http://127.0.0.1:${port}/x`));
    expect(e.kind).toBe("redirect");
  });

  it("when the body is larger than the cap, then the call fails as too_large", async () => {
    const port = await stub((_req, res) => res.end("x".repeat(5000)));
    const e = await failure(real(port, { maxBytes: 1000 })(`http://127.0.0.1:${port}/x`));
    expect(e.kind).toBe("too_large");
  });

  it("when the stub does not answer in time, then the call fails as timeout", async () => {
    const port = await stub((_req, res) => void setTimeout(() => res.end("late"), 1000));
    const e = await failure(real(port, { timeoutMs: 100 })(`http://127.0.0.1:${port}/x`));
    expect(e.kind).toBe("timeout");
  });

  it("when the stub answers 204 No Content, then an empty response comes back, not a TypeError", async () => {
    const port = await stub((_req, res) => res.writeHead(204).end());
    const res = await real(port)(`http://127.0.0.1:${port}/x`);
    expect(res.status).toBe(204);
    expect(await res.text()).toBe("");
  });

  it("when the stub answers 200 within limits, then the body is returned", async () => {
    const port = await stub((_req, res) => res.end("hello"));
    const res = await real(port)(`http://127.0.0.1:${port}/x`);
    expect(await res.text()).toBe("hello");
  });
});

describe("the connection is pinned to the vetted answer", () => {
  /** A loopback stub that counts the requests it receives. */
  async function countingStub(): Promise<{ port: number; hits: () => number }> {
    let hits = 0;
    const port = await stub((_req, res) => {
      hits++;
      res.end("stub");
    });
    return { port, hits: () => hits };
  }

  /** A resolver that gives `answers[i]` on its i-th call (the last one from then on). */
  function changing(...answers: string[]): Resolver & { calls: string[] } {
    const calls: string[] = [];
    const resolve = async (hostname: string) => {
      const address = answers[Math.min(calls.length, answers.length - 1)] ?? "";
      calls.push(hostname);
      return [{ address, family: address.includes(":") ? 6 : 4 }];
    };
    return Object.assign(resolve, { calls });
  }

  // No injected fetch: these go through undici with the pinned lookup.
  const pinned = (allowed: string, resolve?: Resolver, timeoutMs = 2000) =>
    createOutboundFetch({ allow: parseHostAllowList(allowed), timeoutMs, ...(resolve ? { resolve } : {}) });

  it("when a name under an operator wildcard resolves to 127.0.0.1, then the call is refused and the local server sees no request", async () => {
    const s = await countingStub();
    const resolve = resolvingTo("127.0.0.1");
    const e = await failure(pinned(`http://*.example.test:${s.port}`, resolve)(`http://wd.example.test:${s.port}/x`));
    expect(e.kind).toBe("refused");
    expect(e.message).toBe(
      `Refusing to call wd.example.test:${s.port}: it resolves to 127.0.0.1 (loopback), not a public address. Only a host listed exactly in ` +
        `ALLOWED_WORKDAY_HOSTS (add "http://wd.example.test:${s.port}" if this is intended) may reach loopback, private or link-local ` +
        `addresses; a wildcard such as *.workday.com never does.`,
    );
    expect(resolve.calls).toEqual(["wd.example.test"]);
    expect(s.hits()).toBe(0);
  });

  it("when one of the answers for a wildcard name is loopback, then the call is refused and the local server sees no request", async () => {
    const s = await countingStub();
    const e = await failure(pinned(`http://*.example.test:${s.port}`, resolvingTo("203.0.113.10", "127.0.0.1"))(`http://wd.example.test:${s.port}/x`));
    expect(e.kind).toBe("refused");
    expect(e.message).toContain("127.0.0.1 (loopback)");
    expect(s.hits()).toBe(0);
  });

  it("when a wildcard name's answer turns from public to loopback after the first lookup, then the socket gets only the vetted public answer, looked up once", async () => {
    const s = await countingStub();
    const resolve = changing("203.0.113.10", "127.0.0.1");
    // Watch what the socket's lookup hands over, and stop there: no packet to the public address.
    const handed: unknown[] = [];
    const connect = net.connect.bind(net) as (o: NetConnectOpts) => Socket;
    const spy = vi.spyOn(net, "connect").mockImplementation(((o: NetConnectOpts) => {
      const lookup = "lookup" in o ? o.lookup : undefined;
      return connect({
        ...o,
        lookup: (hostname, options, callback) => {
          if (lookup === undefined) return callback(new Error("the socket resolves by itself"), "");
          lookup(hostname, options, (err, address) => {
            handed.push(err ?? address);
            callback(new Error("test: not connecting"), "");
          });
        },
      });
    }) as typeof net.connect);
    try {
      const e = await failure(pinned(`http://*.example.test:${s.port}`, resolve)(`http://wd.example.test:${s.port}/x`));
      expect(e.kind).toBe("reset");
    } finally {
      spy.mockRestore();
    }
    expect(handed).toEqual([[{ address: "203.0.113.10", family: 4 }]]);
    expect(resolve.calls).toEqual(["wd.example.test"]);
    expect(s.hits()).toBe(0);
  });

  it("when the resolver fails for a wildcard name, then the call fails as reset and the local server sees no request", async () => {
    const s = await countingStub();
    const resolve: Resolver = async () => {
      throw Object.assign(new Error("getaddrinfo ENOTFOUND"), { code: "ENOTFOUND" });
    };
    const e = await failure(pinned(`http://*.example.test:${s.port}`, resolve)(`http://wd.example.test:${s.port}/x`));
    expect(e.kind).toBe("reset");
    expect(e.message).toBe("The host name wd.example.test could not be resolved.");
    expect(s.hits()).toBe(0);
  });

  it("when the resolver does not answer in time for a wildcard name, then the call fails as timeout", async () => {
    const s = await countingStub();
    const slow: Resolver = () => new Promise((r) => setTimeout(() => r([{ address: "127.0.0.1", family: 4 }]), 400));
    const e = await failure(pinned(`http://*.example.test:${s.port}`, slow, 100)(`http://wd.example.test:${s.port}/x`));
    expect(e.kind).toBe("timeout");
    await new Promise((r) => setTimeout(r, 500));
    expect(s.hits()).toBe(0);
  });

  it("when an exactly listed name resolves differently on later lookups, then the connection goes to the first answer, looked up once", async () => {
    const s = await countingStub();
    // The .test name exists nowhere else: the request reaches the stub only through the resolver's
    // first answer; a second lookup would get an address where nothing listens.
    const resolve = changing("127.0.0.1", "10.255.255.1");
    const res = await pinned(`http://wd.example.test:${s.port}`, resolve)(`http://wd.example.test:${s.port}/x`);
    expect(res).toBeInstanceOf(Response);
    expect(await res.text()).toBe("stub");
    expect(resolve.calls).toEqual(["wd.example.test"]);
    expect(s.hits()).toBe(1);
  });

  it("when localhost is listed exactly, then the system resolver's answer reaches the local server", async () => {
    const s = await countingStub();
    const res = await pinned(`http://localhost:${s.port}`)(`http://localhost:${s.port}/x`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("stub");
    expect(s.hits()).toBe(1);
  });
});

describe("the timeout", () => {
  it("when a call has answered, then its timeout is cleared: the signal it gave fetch never aborts afterwards", async () => {
    let seen: AbortSignal | undefined;
    const capture: typeof fetch = async (_url, init) => {
      seen = init?.signal ?? undefined;
      return new Response("ok");
    };
    const res = await outbound({ fetch: capture, timeoutMs: 50 })("https://acme.workday.com/x");
    expect(await res.text()).toBe("ok");
    await new Promise((r) => setTimeout(r, 120));
    // A timer left running would abort it here, long after the answer, and live that long at scale.
    expect(seen?.aborted).toBe(false);
  });
});
