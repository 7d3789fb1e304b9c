/**
 * Reads the block an admin copies from Workday's page after "Register API Client" or from
 * "View API Clients", so the five values need not be pasted one by one.
 */
export interface ApiClientBlock {
  clientId?: string;
  clientSecret?: string;
  restApiEndpoint?: string;
  tokenEndpoint?: string;
  authorizationEndpoint?: string;
  /** Pieces that were neither a known label nor its value. MAY hold secrets: show, never log. */
  unrecognised: string[];
}

type Field = Exclude<keyof ApiClientBlock, "unrecognised">;

const word = (w: string): string => w.replace(/[()]/g, "\\$&");
const labelPattern = (words: string): string => words.split(" ").map(word).join("\\s+");

/** Our labels, longest first so "Workday REST API Endpoint" wins over "REST API Endpoint". */
const LABELS: readonly (readonly [Field, RegExp])[] = (
  [
    ["restApiEndpoint", "Workday REST API Endpoint"],
    ["restApiEndpoint", "REST API Endpoint"],
    ["authorizationEndpoint", "Authorization Endpoint"],
    ["tokenEndpoint", "Token Endpoint"],
    ["clientSecret", "Client Secret"],
    ["clientId", "Client ID"],
  ] as const
).map(([field, label]) => [field, new RegExp(`^${labelPattern(label)}(?=$|[\\s:])\\s*:?\\s*`, "i")] as const);

/** Other labels on the same Workday pages: never taken as a value when ours has none. */
const OTHER_LABELS = new RegExp(
  `^(${[
    "API Client Name",
    "API Client",
    "Client Name",
    "Client Grant Type",
    "Access Token Type",
    "Redirection URI",
    "Non-Expiring Refresh Tokens",
    "Refresh Token",
    "Scope (Functional Areas)",
    "Include Workday Owned Scope",
  ]
    .map(labelPattern)
    .join("|")})(?=$|[\\s:])`,
  "i",
);

function matchLabel(cell: string): { field: Field; rest: string } | null {
  for (const [field, pattern] of LABELS) {
    const m = pattern.exec(cell);
    if (m) return { field, rest: cell.slice(m[0].length).trim() };
  }
  return null;
}

const isLabel = (cell: string): boolean => matchLabel(cell) !== null || OTHER_LABELS.test(cell);

/** Cells in reading order: one per line, and one per tab-separated column (copies of HTML tables). */
function cells(text: string): string[] {
  return text
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, "")
    .split(/\r\n|\r|\n|\t/)
    .map((c) => c.trim())
    .filter((c) => c !== "");
}

/**
 * Finds Client ID, Client Secret and the three endpoints in pasted text. Layouts: "Label<TAB>Value",
 * "Label: Value", "Label  Value", or the label on one line and the value on the next. Labels are
 * matched case-insensitively with any spacing and an optional colon; "REST API Endpoint" without
 * "Workday" counts. The first value for a label wins; a later one goes to `unrecognised`.
 * Never throws.
 */
export function parseApiClientBlock(text: string): ApiClientBlock {
  const out: ApiClientBlock = { unrecognised: [] };
  if (typeof text !== "string") return out;
  const list = cells(text);
  for (let i = 0; i < list.length; i++) {
    const cell = list[i] ?? "";
    const label = matchLabel(cell);
    if (label === null) {
      out.unrecognised.push(cell);
      continue;
    }
    let value = label.rest;
    if (value === "") {
      const next = list[i + 1];
      if (next === undefined || isLabel(next)) continue;
      value = next;
      i++;
    }
    if (out[label.field] === undefined) out[label.field] = value;
    else if (out[label.field] !== value) out.unrecognised.push(label.rest === "" ? `${cell} ${value}` : cell);
  }
  return out;
}
