/**
 * A tiny browser for the simulator's HTML: a cookie jar per host, manual redirects, and form
 * submission by button label, so tests walk the pages the way a person would.
 */
export interface Page {
  url: URL;
  status: number;
  headers: Headers;
  text: string;
  location: string | null;
}

export interface Form {
  action: string;
  method: string;
  fields: [string, string][];
  buttons: { name: string | null; value: string; label: string }[];
}

const decode = (s: string): string =>
  s
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCharCode(Number(n)))
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"');

const attr = (tag: string, name: string): string | null => {
  const m = new RegExp(`\\s${name}="([^"]*)"`, "i").exec(tag);
  return m?.[1] === undefined ? null : decode(m[1]);
};

export function parseForms(html: string): Form[] {
  return [...html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)].map((m) => {
    const body = m[2] ?? "";
    const fields: [string, string][] = [];
    for (const [tag] of body.matchAll(/<input\b[^>]*>/gi)) {
      const name = attr(tag, "name");
      const type = attr(tag, "type") ?? "text";
      if (!name || ((type === "checkbox" || type === "radio") && !/\schecked\b/.test(tag))) continue;
      fields.push([name, attr(tag, "value") ?? ""]);
    }
    for (const s of body.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/gi)) {
      const name = attr(s[1] ?? "", "name");
      const chosen = /<option\b[^>]*\sselected[^>]*>/i.exec(s[2] ?? "")?.[0] ?? /<option\b[^>]*>/i.exec(s[2] ?? "")?.[0];
      if (name && chosen) fields.push([name, attr(chosen, "value") ?? ""]);
    }
    const buttons = [...body.matchAll(/<button\b([^>]*)>([\s\S]*?)<\/button>/gi)].map((b) => ({
      name: attr(b[1] ?? "", "name"),
      value: attr(b[1] ?? "", "value") ?? "",
      label: decode((b[2] ?? "").replace(/<[^>]+>/g, "").trim()),
    }));
    return { action: attr(m[1] ?? "", "action") ?? "", method: (attr(m[1] ?? "", "method") ?? "get").toUpperCase(), fields, buttons };
  });
}

export class Browser {
  private readonly jar = new Map<string, Map<string, string>>();

  async get(url: string | URL, headers: Record<string, string> = {}): Promise<Page> {
    return this.request(new URL(url), "GET", undefined, headers);
  }

  async post(url: string | URL, fields: [string, string][]): Promise<Page> {
    return this.request(new URL(url), "POST", new URLSearchParams(fields).toString());
  }

  /** Presses the button labelled `label` in the form that has it; `values` replace or add fields. */
  async submit(page: Page, label: string, values: Record<string, string | string[]> = {}): Promise<Page> {
    const form = parseForms(page.text).find((f) => f.buttons.some((b) => b.label === label));
    if (!form) throw new Error(`no button "${label}" on ${page.url.href}:\n${page.text.slice(0, 1500)}`);
    const fields = form.fields.filter(([name]) => !(name in values));
    for (const [name, value] of Object.entries(values)) for (const v of Array.isArray(value) ? value : [value]) fields.push([name, v]);
    const button = form.buttons.find((b) => b.label === label);
    if (button?.name) fields.push([button.name, button.value]);
    return this.post(new URL(form.action || page.url.href, page.url), fields);
  }

  /** Follows redirects on the simulator's own origin; stops at the first one that leaves it. */
  async follow(page: Page): Promise<Page> {
    let current = page;
    while (current.location) {
      const next = new URL(current.location, current.url);
      if (next.origin !== current.url.origin) return current;
      current = await this.get(next);
    }
    return current;
  }

  private async request(url: URL, method: string, body?: string, extra: Record<string, string> = {}): Promise<Page> {
    const headers: Record<string, string> = { ...extra };
    const cookies = this.jar.get(url.host);
    if (cookies?.size) headers.cookie = [...cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    if (body !== undefined) headers["content-type"] = "application/x-www-form-urlencoded";
    const res = await fetch(url, { method, headers, redirect: "manual", ...(body === undefined ? {} : { body }) });
    for (const cookie of res.headers.getSetCookie()) {
      const [pair = ""] = cookie.split(";");
      const eq = pair.indexOf("=");
      if (eq < 0) continue;
      const jar = this.jar.get(url.host) ?? new Map<string, string>();
      jar.set(pair.slice(0, eq), pair.slice(eq + 1));
      this.jar.set(url.host, jar);
    }
    return { url, status: res.status, headers: res.headers, text: await res.text(), location: res.headers.get("location") };
  }
}
