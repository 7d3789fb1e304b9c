import type { ActivityRecord } from "../activity-row";
import { inRange, parseCidr, parseIp, type IpRange } from "./cidr";
import { isLeaf, type PolicyCondition, type PolicyDefinition, type PolicyField, type PolicyLeaf } from "./policy-types";
import { outsideHoursTest } from "./working-hours";

/** The row fields a policy reads (a stored activity row has them all). */
export type PolicyRow = Pick<
  ActivityRecord,
  "requestTime" | "systemAccount" | "taskId" | "taskDisplayName" | "activityAction" | "ipAddress" | "userAgent" | "deviceType" | "targetId" | "targetDescriptor"
>;

type Test = (row: PolicyRow) => boolean;

const read =
  (field: PolicyField): ((row: PolicyRow) => string | null) =>
  (row) =>
    row[field];

/** Parsed addresses, shared by every policy: a page repeats the same few addresses many times. */
const ipCache = new Map<string, ReturnType<typeof parseIp>>();
function ipOf(raw: string) {
  let hit = ipCache.get(raw);
  if (hit === undefined) {
    hit = parseIp(raw);
    if (ipCache.size > 50_000) ipCache.clear();
    ipCache.set(raw, hit);
  }
  return hit;
}

/** Lower-cased field values, shared by every policy: a page repeats the same few task names, actions and agents. */
const lowerCache = new Map<string, string>();
export function lowerOf(raw: string) {
  let hit = lowerCache.get(raw);
  if (hit === undefined) {
    hit = raw.toLowerCase();
    if (lowerCache.size > 50_000) lowerCache.clear();
    lowerCache.set(raw, hit);
  }
  return hit;
}

/** A leaf's test on its field's value (null: the row has no such field). */
export function leafValueTest(leaf: PolicyLeaf): (v: string | null) => boolean {
  const lower = leaf.values.map((v) => v.toLowerCase());
  switch (leaf.op) {
    case "is": {
      const set = new Set(lower);
      return (v) => v !== null && set.has(lowerOf(v));
    }
    case "is_not": {
      const set = new Set(lower);
      return (v) => v === null || !set.has(lowerOf(v));
    }
    case "contains":
      return (raw) => {
        if (raw === null) return false;
        const v = lowerOf(raw);
        return lower.some((s) => v.includes(s));
      };
    case "matches": {
      const res = leaf.values.map((p) => new RegExp(p, "i"));
      // Per value: the fields patterns test (task names, accounts, agents) repeat on every page.
      const seen = new Map<string, boolean>();
      return (v) => {
        if (v === null) return false;
        let hit = seen.get(v);
        if (hit === undefined) {
          hit = res.some((re) => re.test(v));
          if (seen.size > 10_000) seen.clear();
          seen.set(v, hit);
        }
        return hit;
      };
    }
    case "in_ranges":
    case "outside_ranges": {
      const ranges = leaf.values.map(parseCidr).filter((r): r is IpRange => r !== null);
      const inside = leaf.op === "in_ranges";
      return (v) => {
        const ip = v === null ? null : ipOf(v);
        // An absent or unreadable address is neither inside nor outside: it never matches.
        if (!ip) return false;
        return ranges.some((r) => inRange(ip, r)) === inside;
      };
    }
  }
}

function leafTest(leaf: PolicyLeaf): Test {
  const get = read(leaf.field);
  const test = leafValueTest(leaf);
  return (row) => test(get(row));
}

function conditionTest(c: PolicyCondition): Test {
  if (isLeaf(c)) return leafTest(c);
  if ("all" in c) {
    const parts = c.all.map(conditionTest);
    const [only] = parts;
    return parts.length === 1 && only ? only : (row) => parts.every((t) => t(row));
  }
  const parts = c.any.map(conditionTest);
  const [only] = parts;
  return parts.length === 1 && only ? only : (row) => parts.some((t) => t(row));
}

/**
 * A policy's per-row test, built once per policy version: value lists become sets, patterns
 * regular expressions and ranges bigints, so a row costs a few comparisons per policy. The
 * working-hours test runs last, on the few rows the condition let through.
 */
export function compilePolicy(def: PolicyDefinition): Test {
  const cond = conditionTest(def.condition);
  if (!def.outsideHours) return cond;
  const outside = outsideHoursTest(def.outsideHours);
  return (row) => cond(row) && outside(Date.parse(row.requestTime));
}
