import { parseCidr } from "./cidr";
import { IP_ONLY_OPS, isLeaf, type PolicyCondition, type PolicyDefinition, type PolicyLeaf } from "./policy-types";
import { isTimeZone, minutesOf } from "./working-hours";

export interface PolicyProblem {
  /** Where the fix goes, e.g. ["condition", "all", 1, "values"]. */
  path: (string | number)[];
  message: string;
}

export const MAX_CONDITION_DEPTH = 4;
export const MAX_PATTERN_LENGTH = 200;

/**
 * Whether a group repeated by a quantifier holds a quantifier itself, directly or in a group inside
 * it: (a+)+, ((a+))+, (\w*)*, (x{2,})+ … Such patterns backtrack exponentially on a near-miss
 * (26 characters of "a…!" take seconds against ((a+))+$); Workday values are short, but a policy
 * runs on every stored row, so they are refused rather than risked. Escapes and character classes
 * are skipped, so \(a+\)+ and ([+*])+ repeat nothing that repeats.
 */
function repeatsRepeatedGroup(p: string): boolean {
  const quantifierAt = (i: number) => p[i] === "+" || p[i] === "*" || (p[i] === "{" && /\d/.test(p[i + 1] ?? ""));
  /** For each open group, whether its body so far holds a quantifier. */
  const open: boolean[] = [];
  let inClass = false;
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === "\\") i++;
    else if (inClass) inClass = c !== "]";
    else if (c === "[") inClass = true;
    else if (c === "(") open.push(false);
    else if (c === ")") {
      const holds = open.pop() ?? false;
      if (holds && quantifierAt(i + 1)) return true;
      // A group that holds a quantifier makes its enclosing group hold one too: ((a+))+.
      if (holds && open.length > 0) open[open.length - 1] = true;
    } else if (quantifierAt(i) && open.length > 0) open[open.length - 1] = true;
  }
  return false;
}

function patternProblem(p: string): string | null {
  if (p.length > MAX_PATTERN_LENGTH) return `Use a pattern of at most ${MAX_PATTERN_LENGTH} characters.`;
  try {
    new RegExp(p, "i");
  } catch (e) {
    return `“${p}” is not a valid pattern: ${(e as Error).message.replace(/^Invalid regular expression: /, "")}.`;
  }
  if (repeatsRepeatedGroup(p)) return `“${p}” repeats a repeated group, which can take very long to test; simplify it (e.g. (ab)+ instead of (a+b)+).`;
  return null;
}

function leafProblems(leaf: PolicyLeaf, at: (string | number)[]): PolicyProblem[] {
  const out: PolicyProblem[] = [];
  if (IP_ONLY_OPS.includes(leaf.op) && leaf.field !== "ipAddress") {
    out.push({ path: [...at, "op"], message: "Only the IP address can be tested against ranges; choose is, is not, contains or matches." });
  }
  if (leaf.values.length === 0) out.push({ path: [...at, "values"], message: "Add at least one value: an empty list can never match." });
  leaf.values.forEach((v, i) => {
    if (v.trim() === "") out.push({ path: [...at, "values", i], message: "Remove the empty value: it can never match." });
  });
  if (leaf.op === "matches") {
    for (const v of leaf.values) {
      const p = patternProblem(v);
      if (p) out.push({ path: [...at, "values"], message: p });
    }
  }
  if (leaf.op === "in_ranges" || leaf.op === "outside_ranges") {
    for (const v of leaf.values) {
      if (!parseCidr(v))
        out.push({ path: [...at, "values"], message: `“${v}” is not an IP range; write it like 192.0.2.0/24, 2001:db8::/32 or a single address.` });
    }
  }
  return out;
}

/** In an AND group, two `is` lists on one field with nothing in common can never both hold. */
function contradictions(group: PolicyCondition[], at: (string | number)[]): PolicyProblem[] {
  const seen = new Map<string, { values: Set<string>; index: number }>();
  const out: PolicyProblem[] = [];
  group.forEach((c, i) => {
    if (!isLeaf(c) || c.op !== "is") return;
    const values = new Set(c.values.map((v) => v.toLowerCase()));
    const before = seen.get(c.field);
    if (before && ![...values].some((v) => before.values.has(v))) {
      out.push({
        path: [...at, i, "values"],
        message: `Condition ${before.index + 1} already requires ${c.field} to be one of ${[...before.values].join(", ")}; with “and”, both can never hold. Use “or”, or one list.`,
      });
    } else if (!before) seen.set(c.field, { values, index: i });
  });
  return out;
}

function conditionProblems(c: PolicyCondition, at: (string | number)[], depth: number): PolicyProblem[] {
  if (depth > MAX_CONDITION_DEPTH) return [{ path: at, message: `Nest groups at most ${MAX_CONDITION_DEPTH} levels deep.` }];
  if (isLeaf(c)) return leafProblems(c, at);
  const key = "all" in c ? "all" : "any";
  const parts = "all" in c ? c.all : c.any;
  if (parts.length === 0) return [{ path: [...at, key], message: "Add at least one condition to the group: an empty group can never match." }];
  const inner = parts.flatMap((p, i) => conditionProblems(p, [...at, key, i], depth + 1));
  return key === "all" ? [...inner, ...contradictions(parts, [...at, key])] : inner;
}

/**
 * Why a policy could never match, or could not be run safely: each problem names the field to
 * fix. Shared by the console's request schema, so the browser and the BFF refuse the same things.
 */
export function policyProblems(def: PolicyDefinition): PolicyProblem[] {
  const out = conditionProblems(def.condition, ["condition"], 1);
  const wh = def.outsideHours;
  if (wh) {
    if (!isTimeZone(wh.timeZone))
      out.push({ path: ["outsideHours", "timeZone"], message: `“${wh.timeZone}” is not a time zone; use a name like Europe/Paris or America/New_York.` });
    const start = minutesOf(wh.start);
    const end = minutesOf(wh.end);
    if (start === null) out.push({ path: ["outsideHours", "start"], message: "Write the start as HH:MM, e.g. 08:00." });
    if (end === null) out.push({ path: ["outsideHours", "end"], message: "Write the end as HH:MM, e.g. 18:00 (24:00 for midnight)." });
    if (start !== null && end !== null && end <= start)
      out.push({ path: ["outsideHours", "end"], message: "The end of working hours must come after their start." });
    if (wh.days.length === 0) out.push({ path: ["outsideHours", "days"], message: "Choose the working days." });
    if (new Set(wh.days).size === 7 && start === 0 && end === 1440) {
      out.push({ path: ["outsideHours", "days"], message: "These working hours cover the whole week, so no activity is ever outside them." });
    }
  }
  return out;
}
