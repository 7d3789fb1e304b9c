/**
 * Reads single-valued parameters from a parsed query string or form body. OAuth forbids repeating
 * a parameter (RFC 6749 §3.1, §3.2), so a repeat is reported instead of silently picking one.
 */
export interface SingleParams {
  get(name: string): string | undefined;
  /** The first parameter that appeared more than once, if any. */
  repeated: string | undefined;
}

export function singleParams(source: unknown): SingleParams {
  const values = new Map<string, string>();
  let repeated: string | undefined;
  if (typeof source === "object" && source !== null) {
    for (const [key, value] of Object.entries(source)) {
      if (typeof value === "string") values.set(key, value);
      else if (Array.isArray(value)) {
        repeated ??= key;
        const first: unknown = value[0];
        if (typeof first === "string") values.set(key, first);
      }
    }
  }
  return { get: (name) => values.get(name), repeated };
}

/** Appends parameters to a redirect URI without re-serialising what the client registered. */
export function withParams(uri: string, params: Record<string, string | null | undefined>): string {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined) query.append(k, v);
  const [base, fragment] = uri.split("#", 2);
  const glue = (base ?? "").includes("?") ? "&" : "?";
  return `${base ?? ""}${glue}${query.toString()}${fragment === undefined ? "" : `#${fragment}`}`;
}
