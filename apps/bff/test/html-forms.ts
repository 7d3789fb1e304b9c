/**
 * Just enough HTML form handling to drive the simulator's sign-in and consent pages over HTTP,
 * the way a browser would: read the form, fill fields, press a named button, follow redirects.
 */
export interface ParsedForm {
  action: string;
  method: string;
  fields: Map<string, string>;
  buttons: { name: string | null; value: string; label: string }[];
}

const attr = (tag: string, name: string): string | null => {
  const m = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, "i").exec(tag);
  return m ? decode(m[2] ?? m[3] ?? m[4] ?? "") : null;
};

const decode = (s: string) =>
  s
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&#x27;/g, "'");

export function parseForms(html: string): ParsedForm[] {
  const forms: ParsedForm[] = [];
  for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)) {
    const open = m[1] ?? "";
    const body = m[2] ?? "";
    const fields = new Map<string, string>();
    for (const i of body.matchAll(/<input\b[^>]*>/gi)) {
      const tag = i[0];
      const name = attr(tag, "name");
      const type = (attr(tag, "type") ?? "text").toLowerCase();
      if (!name || type === "submit") continue;
      if ((type === "checkbox" || type === "radio") && !/\schecked\b/i.test(tag)) continue;
      fields.set(name, attr(tag, "value") ?? (type === "checkbox" ? "on" : ""));
    }
    const buttons: ParsedForm["buttons"] = [];
    for (const b of body.matchAll(/<button\b([^>]*)>([\s\S]*?)<\/button>/gi)) {
      buttons.push({ name: attr(b[0], "name"), value: attr(b[0], "value") ?? "", label: decode((b[2] ?? "").replace(/<[^>]+>/g, "").trim()) });
    }
    for (const i of body.matchAll(/<input\b[^>]*type\s*=\s*["']?submit[^>]*>/gi)) {
      buttons.push({ name: attr(i[0], "name"), value: attr(i[0], "value") ?? "", label: attr(i[0], "value") ?? "" });
    }
    forms.push({ action: attr(open, "action") ?? "", method: (attr(open, "method") ?? "GET").toUpperCase(), fields, buttons });
  }
  return forms;
}

/** A cookie jar per origin-less host name, enough for the simulator's UI host. */
export class Browser {
  private jar = new Map<string, Map<string, string>>();

  async request(url: string, init: { method?: string; form?: Map<string, string> } = {}) {
    const u = new URL(url);
    const cookies = this.jar.get(u.host);
    const headers: Record<string, string> = {};
    if (cookies?.size) headers.cookie = [...cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    let body: string | undefined;
    if (init.form) {
      headers["content-type"] = "application/x-www-form-urlencoded";
      body = new URLSearchParams([...init.form]).toString();
    }
    const res = await fetch(u, { method: init.method ?? "GET", headers, redirect: "manual", ...(body !== undefined ? { body } : {}) });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const eq = pair?.indexOf("=") ?? -1;
      if (!pair || eq < 0) continue;
      const map = this.jar.get(u.host) ?? new Map<string, string>();
      map.set(pair.slice(0, eq), pair.slice(eq + 1));
      this.jar.set(u.host, map);
    }
    return { res, text: await res.text(), url: u };
  }

  /** Submits the first form that has a button with this label, with extra field values. */
  async submit(page: { text: string; url: URL }, buttonLabel: RegExp, values: Record<string, string> = {}) {
    const form = parseForms(page.text).find((f) => f.buttons.some((b) => buttonLabel.test(b.label)));
    if (!form) throw new Error(`No form with a button ${String(buttonLabel)} on ${page.url.href}:\n${page.text.slice(0, 2000)}`);
    const data = new Map(form.fields);
    for (const [k, v] of Object.entries(values)) data.set(k, v);
    const button = form.buttons.find((b) => buttonLabel.test(b.label));
    if (button?.name) data.set(button.name, button.value);
    return this.request(new URL(form.action || page.url.href, page.url).href, { method: form.method, form: data });
  }
}
