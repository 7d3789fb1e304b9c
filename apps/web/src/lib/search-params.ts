/**
 * Query strings with only the values that are set: the BFF rejects unknown and empty query
 * parameters, so a blank filter must be left out rather than sent as "".
 */
export function setParams(entries: Iterable<readonly [string, string | null | undefined]>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of entries) if (typeof value === "string" && value.trim() !== "") params.append(key, value);
  return params;
}

/** `path?query`, or just `path` when nothing is set. */
export function withQuery(path: string, params: URLSearchParams): string {
  const query = params.toString();
  return query === "" ? path : `${path}?${query}`;
}

/** A submitted form's text values, without the blank ones. */
export function filledFormValues(form: FormData): URLSearchParams {
  const entries: [string, string][] = [];
  for (const [key, value] of form) if (typeof value === "string") entries.push([key, value]);
  return setParams(entries);
}
