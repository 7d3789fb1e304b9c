import { at, hash, hashString, hex32, unit } from "../lib/hash";
import { HOUR, isoMillis } from "../lib/time";
import { AGENTS, ISU_AGENT, UI_TASKS, WEB_SERVICE_TASKS, cumulativeWeights, type ActivityAction, type TaskSpec } from "./catalog";
import type { Directory, Person } from "./people";

/** One row of `activityLogging`, field names as in Workday's UserActivityTracking schema. */
export interface ActivityRow {
  requestTime: string;
  systemAccount: string;
  taskId: string;
  taskDisplayName: string;
  activityAction: ActivityAction;
  ipAddress: string;
  userAgent: string;
  deviceType: string;
  sessionId: string;
  target?: { id: string; descriptor: string; href: string };
}

/** What a generated row needs besides its index and time. */
export interface RowContext {
  seed: number;
  directory: Directory;
  isuAccount: string;
  workerHref: (id: string) => string;
}

/** A task's WID is stable: the same task always logs the same taskId. */
export const taskIdOf = (taskName: string): string => hex32(hashString(taskName), 0x7a5c);

const UI_WEIGHTS = cumulativeWeights(UI_TASKS);
const WS_WEIGHTS = cumulativeWeights(WEB_SERVICE_TASKS);
const ISU_SHARE = 0.08;

function weightedTask(tasks: readonly TaskSpec[], weights: Float64Array, u: number): TaskSpec {
  const target = u * (weights[weights.length - 1] ?? 0);
  let i = 0;
  while (i < weights.length - 1 && (weights[i] ?? 0) <= target) i++;
  return at(tasks, i);
}

const sessionId = (...parts: number[]): string => (hash(...parts) & 0xffffff).toString(16).padStart(6, "0");

function targetOf(task: TaskSpec, actor: Person, ctx: RowContext, index: number): ActivityRow["target"] {
  if (task.target === "none") return undefined;
  const person = task.target === "self" ? actor : at(ctx.directory.people, hash(ctx.seed, index, 24) % ctx.directory.people.length);
  return { id: person.id, descriptor: person.fullName, href: ctx.workerHref(person.id) };
}

/** Rebuilds generated row `index` (which happened at `timeMs`) from the seed alone. */
export function generatedRow(ctx: RowContext, index: number, timeMs: number): ActivityRow {
  const { seed } = ctx;
  const hourBucket = Math.floor(timeMs / (4 * HOUR));
  if (unit(seed, index, 20) < ISU_SHARE) {
    const task = weightedTask(WEB_SERVICE_TASKS, WS_WEIGHTS, unit(seed, index, 21));
    return {
      requestTime: isoMillis(timeMs),
      systemAccount: ctx.isuAccount,
      taskId: taskIdOf(task.name),
      taskDisplayName: task.name,
      activityAction: task.action,
      ipAddress: "203.0.113.200",
      userAgent: ISU_AGENT.userAgent,
      deviceType: ISU_AGENT.deviceType,
      sessionId: sessionId(seed, hourBucket, 0x150),
    };
  }
  const people = ctx.directory.people;
  // Squaring skews activity towards a few heavy users, as in real tenants.
  const actor = at(people, Math.floor(unit(seed, index, 22) ** 2 * people.length));
  const task = weightedTask(UI_TASKS, UI_WEIGHTS, unit(seed, index, 23));
  const roaming = unit(seed, index, 25) < 0.12;
  const agent = at(AGENTS, roaming ? hash(seed, index, 26) % AGENTS.length : actor.agentIndex);
  const ip = unit(seed, index, 27) < 0.1 ? `198.51.100.${1 + (hash(seed, actor.index, hourBucket) % 254)}` : actor.homeIp;
  const target = targetOf(task, actor, ctx, index);
  return {
    requestTime: isoMillis(timeMs),
    systemAccount: actor.username,
    taskId: taskIdOf(task.name),
    taskDisplayName: task.name,
    activityAction: task.action,
    ipAddress: ip,
    userAgent: agent.userAgent,
    deviceType: agent.deviceType,
    sessionId: sessionId(seed, actor.index, hourBucket, roaming ? index : 0),
    ...(target ? { target } : {}),
  };
}
