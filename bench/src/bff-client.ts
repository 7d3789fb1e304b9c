// The BFF's JSON API as the benches call it: a signed-in admin's session cookie and the CSRF header.

/** Just enough of a browser for the BFF's JSON API: its session cookie and the CSRF header. */
export function bffClient(base: string) {
  let cookie = "";
  return async (method: string, pathAndQuery: string, body?: unknown): Promise<unknown> => {
    const res = await fetch(base + pathAndQuery, {
      method,
      redirect: "manual",
      headers: { cookie, "x-csrf": "1", ...(body === undefined ? {} : { "content-type": "application/json" }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const set = res.headers.getSetCookie()[0];
    if (set) cookie = set.split(";")[0] ?? "";
    const text = await res.text();
    if (res.status >= 400) throw new Error(`${method} ${pathAndQuery} → ${res.status}: ${text}`);
    return text && res.headers.get("content-type")?.includes("json") ? (JSON.parse(text) as unknown) : null;
  };
}
