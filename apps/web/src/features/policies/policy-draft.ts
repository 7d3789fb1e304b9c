import type { policyTemplateSchema, PolicyView, Severity } from "@wc/contracts";
import { isLeaf, MAX_CONDITION_DEPTH, type PolicyCondition, type PolicyField, type PolicyLeaf, type PolicyOp } from "@wc/workday";
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

/** A nested group, "(B or C)" in "A and (B or C)"; it may hold groups itself, as deep as the API takes. */
export interface GroupDraft {
  kind: "group";
  key: string;
  mode: Mode;
  items: ItemDraft[];
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

/**
 * Whether a group at this depth may hold another group. The builder's own all/any is depth 1,
 * its groups depth 2: a group's field tests sit one level below it, and the API takes field tests
 * at most MAX_CONDITION_DEPTH levels down.
 */
export const mayNestGroup = (depth: number) => depth + 2 <= MAX_CONDITION_DEPTH;

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

type GroupCondition = Exclude<PolicyCondition, PolicyLeaf>;
const groupOf = (c: GroupCondition): Pick<GroupDraft, "mode" | "items"> =>
  "all" in c ? { mode: "all", items: c.all.map(itemDraft) } : { mode: "any", items: c.any.map(itemDraft) };
const itemDraft = (c: PolicyCondition): ItemDraft => (isLeaf(c) ? leafDraft(c) : { kind: "group", key: key(), ...groupOf(c) });

/** The condition as the builder shows it, at any depth the API takes: a single field test becomes a group of one. */
export function conditionDraft(c: PolicyCondition): Pick<PolicyDraft, "mode" | "items"> {
  return isLeaf(c) ? { mode: "all", items: [leafDraft(c)] } : groupOf(c);
}

type Definition = Pick<PolicyView, "condition" | "threshold" | "outsideHours">;

/** The parts a template and a saved policy share. */
function definitionDraft(d: Definition) {
  const condition = conditionDraft(d.condition);
  const threshold = d.threshold ? { thresholdOn: true, count: String(d.threshold.count), withinMinutes: String(d.threshold.withinMinutes) } : THRESHOLD_OFF;
  const hours = d.outsideHours ? { hoursOn: true, ...d.outsideHours, days: [...d.outsideHours.days] } : HOURS_OFF;
  return { ...condition, ...threshold, ...hours };
}

/** A template fills what it defines and keeps the connectors already chosen. */
export function draftFromTemplate(template: PolicyTemplate, current: PolicyDraft): PolicyDraft {
  return {
    ...current,
    name: template.name,
    description: template.looksFor,
    severity: template.severity,
    ...definitionDraft(template.definition),
    templateId: template.id,
  };
}

export function draftFromView(policy: PolicyView): PolicyDraft {
  return {
    name: policy.name,
    description: policy.description,
    severity: policy.severity,
    enabled: policy.enabled,
    allConnectors: policy.connectorIds === null,
    connectorIds: policy.connectorIds ?? [],
    ...definitionDraft(policy),
    templateId: policy.templateId,
  };
}

const number = (text: string) => (text.trim() === "" ? undefined : Number(text));

const itemRequest = (item: ItemDraft): Record<string, unknown> =>
  item.kind === "leaf" ? { field: item.field, op: item.op, values: splitValues(item.values, item.op) } : { [item.mode]: item.items.map(itemRequest) };

/**
 * What is sent, before the schema checks it. The condition is always a group, even of one test,
 * so a message's path (condition.all.0.values) always names the same row of the builder.
 */
export function requestFromDraft(d: PolicyDraft): Record<string, unknown> {
  return {
    name: d.name,
    description: d.description,
    severity: d.severity === "" ? undefined : d.severity,
    enabled: d.enabled,
    connectorIds: d.allConnectors ? null : d.connectorIds,
    condition: { [d.mode]: d.items.map(itemRequest) },
    threshold: d.thresholdOn ? { count: number(d.count), withinMinutes: number(d.withinMinutes) } : null,
    outsideHours: d.hoursOn ? { timeZone: d.timeZone, days: d.days, start: d.start, end: d.end } : null,
    templateId: d.templateId,
  };
}
