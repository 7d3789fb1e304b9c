import { SECOND, MINUTE } from "../lib/time";
import { AGENTS, CHROME_ON_WINDOWS, SCENARIO_TASKS, UI_TASKS, type ActivityAction, type AgentSpec } from "./catalog";
import type { Directory, Person } from "./people";

/**
 * Scenario events: short, recognisable stories a security team wants an activity policy to catch,
 * injected on demand (control API, admin page) so tests and the demo see alerts fire. Ordinary
 * generated traffic never looks like any of them.
 */

export const SCENARIO_NAMES = ["worker-read-burst", "security-change", "foreign-address", "isu-browser", "proxy-session"] as const;
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

/** Where the admin and unknown accounts work from: an office address in the organisation's ranges. */
export const OFFICE_ADDRESS = "192.0.2.10";
/** Outside the organisation's ranges (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24). */
export const FOREIGN_ADDRESS = "185.220.101.23";
/** The admin's browser, and the one someone signs in to the ISU with. */
const BROWSER_AGENT: AgentSpec = CHROME_ON_WINDOWS;

export interface ScenarioContext {
  directory: Directory;
  isuAccount: string;
  adminAccount: string;
  workerHref: (id: string) => string;
}

/** One row to log; the caller writes it with logActivity (task id, device type, session derived there). */
export interface ScenarioEvent {
  timeMs: number;
  systemAccount: string;
  taskDisplayName: string;
  activityAction: ActivityAction;
  ipAddress: string;
  userAgent: string;
  target?: { id: string; descriptor: string; href: string };
}

export interface ScenarioRun {
  account: string;
  events: ScenarioEvent[];
}

const actionOf = (taskName: string): ActivityAction => {
  const task = UI_TASKS.find((t) => t.name === taskName) ?? SCENARIO_TASKS.find((t) => t.name === taskName);
  if (!task) throw new Error(`Unknown task '${taskName}' in a scenario`);
  return task.action;
};

const targetOf = (person: Person, ctx: ScenarioContext): NonNullable<ScenarioEvent["target"]> => ({
  id: person.id,
  descriptor: person.fullName,
  href: ctx.workerHref(person.id),
});

/**
 * The tenant's "ordinary person": the first worker who is not a manager and usually works in a
 * desktop browser. Deterministic for a seed; never the ISU or `admin` (neither is in the directory).
 */
export function ordinaryPerson(directory: Directory): Person {
  const person =
    directory.people.find((p) => !p.isManager && AGENTS[p.agentIndex]?.deviceType === "Desktop") ??
    directory.people.find((p) => !p.isManager) ??
    directory.people[0];
  if (!person) throw new Error("The directory has no people");
  return person;
}

/** An account's usual address and browser: a directory person's home and agent, else the office. */
function whereFrom(account: string, directory: Directory): { person: Person | undefined; ipAddress: string; agent: AgentSpec } {
  const person = directory.people.find((p) => p.username === account);
  return person
    ? { person, ipAddress: person.homeIp, agent: AGENTS[person.agentIndex] ?? BROWSER_AGENT }
    : { person, ipAddress: OFFICE_ADDRESS, agent: BROWSER_AGENT };
}

/** `count` different workers other than `except`, in directory order after it (wrapping round). */
function otherWorkers(directory: Directory, except: Person | undefined, count: number): Person[] {
  const others = directory.people.filter((p) => p !== except);
  const start = except ? except.index : 0;
  const rotated = [...others.filter((p) => p.index > start), ...others.filter((p) => p.index <= start)];
  return Array.from({ length: count }, (_, i) => rotated[i % rotated.length]).filter((p): p is Person => p !== undefined);
}

/** The rows of one scenario, starting at `startMs`, in chronological order. */
export function scenarioEvents(name: ScenarioName, ctx: ScenarioContext, startMs: number, account?: string): ScenarioRun {
  const { directory } = ctx;
  const ordinary = ordinaryPerson(directory);
  switch (name) {
    // Bulk harvesting of personal data: one ordinary account opening 60 different workers' records
    // in 5 minutes (one every 5 s) is scraping, not work, even from the person's own home and browser.
    case "worker-read-burst": {
      const who = account ?? ordinary.username;
      const from = whereFrom(who, directory);
      const events = otherWorkers(directory, from.person, 60).map((worker, i) => ({
        timeMs: startMs + i * 5 * SECOND,
        systemAccount: who,
        taskDisplayName: "View Worker",
        activityAction: actionOf("View Worker"),
        ipAddress: from.ipAddress,
        userAgent: from.agent.userAgent,
        target: targetOf(worker, ctx),
      }));
      return { account: who, events };
    }
    // Changes to who may do what: editing a security group's permissions, activating pending policy
    // changes and editing the tenant's security setup. Each must be seen and tied to a change ticket.
    case "security-change": {
      const who = account ?? ctx.adminAccount;
      const from = whereFrom(who, directory);
      const tasks = ["Maintain Permissions for Security Group", "Activate Pending Security Policy Changes", "Edit Tenant Setup - Security"];
      const events = tasks.map((task, i) => ({
        timeMs: startMs + i * MINUTE,
        systemAccount: who,
        taskDisplayName: task,
        activityAction: actionOf(task),
        ipAddress: from.ipAddress,
        userAgent: from.agent.userAgent,
      }));
      return { account: who, events };
    }
    // A session from outside the organisation's address ranges: stolen credentials, or a person
    // working from somewhere they should not, doing ordinary things (pay slip, contact details, export).
    case "foreign-address": {
      const who = account ?? ordinary.username;
      const from = whereFrom(who, directory);
      const self = from.person;
      const tasks = ["Home", "View Pay Slip", "Change Contact Information", "My Tasks", "Export to Excel"];
      const events = tasks.map((task, i) => {
        const selfTarget = self && UI_TASKS.find((t) => t.name === task)?.target === "self" ? { target: targetOf(self, ctx) } : {};
        return {
          timeMs: startMs + i * MINUTE,
          systemAccount: who,
          taskDisplayName: task,
          activityAction: actionOf(task),
          ipAddress: FOREIGN_ADDRESS,
          userAgent: from.agent.userAgent,
          ...selfTarget,
        };
      });
      return { account: who, events };
    }
    // The Integration System User signed in from a browser: its password is meant for a machine, so
    // a person is using an account that bypasses their own permissions and sign-in policy.
    case "isu-browser": {
      const who = account ?? ctx.isuAccount;
      const tasks = ["Home", "Find Workers", "View Worker"];
      const events = tasks.map((task, i) => ({
        timeMs: startMs + i * MINUTE,
        systemAccount: who,
        taskDisplayName: task,
        activityAction: actionOf(task),
        ipAddress: OFFICE_ADDRESS,
        userAgent: BROWSER_AGENT.userAgent,
        ...(task === "View Worker" ? { target: targetOf(ordinary, ctx) } : {}),
      }));
      return { account: who, events };
    }
    // Someone acting as another worker: start proxy, read that worker's pay slip and profile, stop.
    // Legitimate for support, but every proxy session should be visible and attributable.
    case "proxy-session": {
      const who = account ?? ctx.adminAccount;
      const from = whereFrom(who, directory);
      const proxied = from.person === ordinary ? (otherWorkers(directory, ordinary, 1)[0] ?? ordinary) : ordinary;
      const steps: { systemAccount: string; task: string; target?: Person }[] = [
        { systemAccount: who, task: "Start Proxy", target: proxied },
        { systemAccount: proxied.username, task: "View Pay Slip", target: proxied },
        { systemAccount: proxied.username, task: "Worker Profile", target: proxied },
        { systemAccount: who, task: "Stop Proxy" },
      ];
      const events = steps.map((step, i) => ({
        timeMs: startMs + i * MINUTE,
        systemAccount: step.systemAccount,
        taskDisplayName: step.task,
        activityAction: actionOf(step.task),
        ipAddress: from.ipAddress,
        userAgent: from.agent.userAgent,
        ...(step.target ? { target: targetOf(step.target, ctx) } : {}),
      }));
      return { account: who, events };
    }
  }
}
