import type { policyTemplateSchema, PolicyView, Severity } from "@wc/contracts";
import { isLeaf, type PolicyCondition, type PolicyField, type PolicyLeaf, type PolicyOp } from "@wc/workday";
import type { z } from "zod";

export type PolicyTemplate = z.infer<typeof policyTemplateSchema>;

/**
 * The policy form's state: what the inputs hold, as text where the reader types. It becomes a
 * request only when sent (`requestFromDraft`), so a half-typed number is never lost to parsing.
 */
export type Mode = "all" | "any";

export interface LeafDraft {
  kind: "leaf";
  /** React's key for the row; never sent. */
  key: string;
  field: PolicyField;
  op: PolicyOp;
  /** One value per line (or comma-separated, see `splitValues`). */
  values: string;
}

/** One nested level: a group holds field tests only, which covers "A and (B or C)". */
export interface GroupDraft {
  kind: "group";
  key: string;
  mode: Mode;
  items: LeafDraft[];
}

export type ItemDraft = LeafDraft | GroupDraft;

export interface PolicyDraft {
  name: string;
  description: string;
  severity: Severity | "";
  enabled: boolean;
  allConnectors: boolean;
  connectorIds: string[];
  mode: Mode;
  items: ItemDraft[];
  thresholdOn: boolean;
  count: string;
  withinMinutes: string;
  hoursOn: boolean;
  timeZone: string;
  days: number[];
  start: string;
  end: string;
  templateId: string | null;
}

let nextKey = 0;
const key = () => `row${++nextKey}`;

export const newLeaf = (): LeafDraft => ({ kind: "leaf", key: key(), field: "taskDisplayName", op: "is", values: "" });
export const newGroup = (): GroupDraft => ({ kind: "group", key: key(), mode: "any", items: [newLeaf()] });

/** The reader's own zone is the likeliest place their working hours are kept. */
function browserZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

const HOURS_OFF = { hoursOn: false, timeZone: browserZone(), days: [1, 2, 3, 4, 5], start: "08:00", end: "18:00" };
const THRESHOLD_OFF = { thresholdOn: false, count: "10", withinMinutes: "10" };

export function emptyDraft(): PolicyDraft {
  return {
    name: "",
    description: "",
    severity: "medium",
    enabled: true,
    allConnectors: true,
    connectorIds: [],
    mode: "all",
    items: [newLeaf()],
    ...THRESHOLD_OFF,
    ...HOURS_OFF,
    templateId: null,
  };
}

/** Patterns and "contains" texts may hold commas (a user agent's "KHTML, like Gecko"); lists of names and ranges do not. */
export const commasSeparate = (op: PolicyOp) => op !== "contains" && op !== "matches";

export function splitValues(text: string, op: PolicyOp): string[] {
  const separator = commasSeparate(op) ? /[\n,]+/ : /\n+/;
  return text
    .split(separator)
    .map((v) => v.trim())
    .filter((v) => v !== "");
}

const leafDraft = (leaf: PolicyLeaf): LeafDraft => ({ kind: "leaf", key: key(), field: leaf.field, op: leaf.op, values: leaf.values.join("\n") });

function groupParts(c: PolicyCondition): { mode: Mode; parts: PolicyCondition[] } | null {
  if ("all" in c) return { mode: "all", parts: c.all };
  if ("any" in c) return { mode: "any", parts: c.any };
  return null;
}

/** The condition as the builder shows it, or null when it nests deeper than one group (made through the API). */
export function conditionDraft(c: PolicyCondition): Pick<PolicyDraft, "mode" | "items"> | null {
  const top = groupParts(c);
  if (top === null) return isLeaf(c) ? { mode: "all", items: [leafDraft(c)] } : null;
  const items: ItemDraft[] = [];
  for (const part of top.parts) {
    if (isLeaf(part)) {
      items.push(leafDraft(part));
      continue;
    }
    const inner = groupParts(part);
    if (inner === null || !inner.parts.every(isLeaf)) return null;
    items.push({ kind: "group", key: key(), mode: inner.mode, items: inner.parts.filter(isLeaf).map(leafDraft) });
  }
  return { mode: top.mode, items };
}

type Definition = Pick<PolicyView, "condition" | "threshold" | "outsideHours">;

/** The parts a template and a saved policy share; null when the condition cannot be shown. */
function definitionDraft(d: Definition) {
  const condition = conditionDraft(d.condition);
  if (condition === null) return null;
  const threshold = d.threshold ? { thresholdOn: true, count: String(d.threshold.count), withinMinutes: String(d.threshold.withinMinutes) } : THRESHOLD_OFF;
  const hours = d.outsideHours ? { hoursOn: true, ...d.outsideHours, days: [...d.outsideHours.days] } : HOURS_OFF;
  return { ...condition, ...threshold, ...hours };
}

/** A template fills what it defines and keeps the connectors already chosen. */
export function draftFromTemplate(template: PolicyTemplate, current: PolicyDraft): PolicyDraft {
  const definition = definitionDraft(template.definition);
  if (definition === null) throw new Error(`Template ${template.id} nests its condition deeper than the form shows.`);
  return {
    ...current,
    name: template.name,
    description: template.looksFor,
    severity: template.severity,
    ...definition,
    templateId: template.id,
  };
}

export function draftFromView(policy: PolicyView): PolicyDraft | null {
  const definition = definitionDraft(policy);
  if (definition === null) return null;
  return {
    name: policy.name,
    description: policy.description,
    severity: policy.severity,
    enabled: policy.enabled,
    allConnectors: policy.connectorIds === null,
    connectorIds: policy.connectorIds ?? [],
    ...definition,
    templateId: policy.templateId,
  };
}

const number = (text: string) => (text.trim() === "" ? undefined : Number(text));

const leafRequest = (leaf: LeafDraft) => ({ field: leaf.field, op: leaf.op, values: splitValues(leaf.values, leaf.op) });

/**
 * What is sent, before the schema checks it. The condition is always a group, even of one test,
 * so a message's path (condition.all.0.values) always names the same row of the builder.
 */
export function requestFromDraft(d: PolicyDraft): Record<string, unknown> {
  const items = d.items.map((item) => (item.kind === "leaf" ? leafRequest(item) : { [item.mode]: item.items.map(leafRequest) }));
  return {
    name: d.name,
    description: d.description,
    severity: d.severity === "" ? undefined : d.severity,
    enabled: d.enabled,
    connectorIds: d.allConnectors ? null : d.connectorIds,
    condition: { [d.mode]: items },
    threshold: d.thresholdOn ? { count: number(d.count), withinMinutes: number(d.withinMinutes) } : null,
    outsideHours: d.hoursOn ? { timeZone: d.timeZone, days: d.days, start: d.start, end: d.end } : null,
    templateId: d.templateId,
  };
}
