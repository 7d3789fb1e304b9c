import type { FormProblem } from "../../lib/form-problem";
import type { ItemDraft, PolicyDraft } from "./policy-draft";

type Path = readonly PropertyKey[];

/**
 * Every message path the form has an input for, as the request names it (condition.all.0.values).
 * The builder gives row i of the top group the path condition.<mode>.i, and row j of a group at
 * <path> the path <path>.<its mode>.j, so a message lands on it at any depth.
 */
export function knownPaths(d: PolicyDraft): Set<string> {
  const known = new Set(["name", "description", "severity", "enabled", "connectorIds", "condition", `condition.${d.mode}`]);
  for (const k of ["threshold", "threshold.count", "threshold.withinMinutes"]) known.add(k);
  for (const k of ["outsideHours", "outsideHours.timeZone", "outsideHours.days", "outsideHours.start", "outsideHours.end"]) known.add(k);
  const add = (item: ItemDraft, base: string) => {
    if (item.kind === "leaf") return ["field", "op", "values"].forEach((k) => known.add(`${base}.${k}`));
    known.add(`${base}.${item.mode}`);
    item.items.forEach((inner, j) => add(inner, `${base}.${item.mode}.${j}`));
  };
  d.items.forEach((item, i) => add(item, `condition.${d.mode}.${i}`));
  return known;
}

/** Lists whose entries share one input: a message about entry k goes on the list's input. */
const LISTS = new Set(["values", "days", "connectorIds"]);

function valueAt(request: unknown, path: Path): unknown {
  let at = request;
  for (const part of path) {
    if (typeof at !== "object" || at === null) return undefined;
    at = (at as Record<PropertyKey, unknown>)[part];
  }
  return at;
}

/** The input's path and the message to show there; a message about one of many values names it. */
function placed(path: Path, message: string, request: unknown): [string, string] {
  const last = path.at(-1);
  const list = path.at(-2);
  if (typeof last === "number" && typeof list === "string" && LISTS.has(list)) {
    const value = valueAt(request, path);
    const text = typeof value === "string" && value !== "" ? `“${value}”: ${message}` : message;
    return [path.slice(0, -1).join("."), text];
  }
  return [path.join("."), message];
}

/** "condition.all.0.values.1" → ["condition", "all", 0, "values", 1], as zod names it. */
export function splitPath(key: string): PropertyKey[] {
  return key.split(".").map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Messages by the input they belong to, the first for each; any the form has no input for go to
 * the summary above it (`message`), with the server's own message when it sent one.
 */
export function policyProblem(
  issues: Iterable<readonly [Path, string]>,
  draft: PolicyDraft,
  request: unknown,
  server: { message: string; requestId?: string | undefined } | null = null,
): FormProblem {
  const known = knownPaths(draft);
  const fields: Record<string, string> = {};
  const elsewhere: string[] = [];
  for (const [path, message] of issues) {
    const [key, text] = placed(path, message, request);
    if (!known.has(key)) elsewhere.push(text);
    else if (!(key in fields)) fields[key] = text;
  }
  const said = [...(elsewhere.length > 0 && server ? [server.message] : []), ...new Set(elsewhere)];
  const noField = Object.keys(fields).length === 0 && server ? [server.message] : [];
  const message = [...said, ...noField].join(" ") || null;
  return { message, fields, requestId: server?.requestId };
}
