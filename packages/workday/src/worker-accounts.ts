import { jsonObject } from "./json-body";

/** A Workday account as the activity pages show it, from a WorkerSummary (docs/workday.md §4b). */
export interface WorkerAccount {
  workerId: string;
  /**
   * The sign-in name activity rows carry in `systemAccount`. WorkerSummary has no user name, so it
   * is taken from the work email's local part, lower-cased — an inference (tenants commonly
   * derive user names from email), so rows of accounts named otherwise simply show no name.
   */
  systemAccount: string | null;
  name: string;
  email: string | null;
  businessTitle: string | null;
  organization: string | null;
  isManager: boolean;
}

const text = (v: unknown): string | null => (typeof v === "string" && v.trim() !== "" ? v.trim() : null);

export function workerAccount(raw: unknown): WorkerAccount | null {
  const o = jsonObject(raw);
  const id = text(o?.id);
  if (o === null || id === null) return null;
  const email = text(o.primaryWorkEmail);
  const at = email?.indexOf("@") ?? -1;
  return {
    workerId: id,
    systemAccount: email !== null && at > 0 ? email.slice(0, at).toLowerCase() : null,
    name: text(o.descriptor) ?? id,
    email,
    businessTitle: text(o.businessTitle),
    organization: text(jsonObject(o.primarySupervisoryOrganization)?.descriptor),
    isManager: o.isManager === true,
  };
}

/**
 * One `/workers` page: the accounts, how many entries arrived (the next offset moves by that,
 * unreadable ones included) and Workday's total; null when the answer is not that shape.
 */
export function parseWorkersPage(body: unknown): { accounts: WorkerAccount[]; received: number; total: number | null } | null {
  const o = jsonObject(body);
  if (o === null || !Array.isArray(o.data)) return null;
  const data = o.data as unknown[];
  const accounts = data.map(workerAccount).filter((a): a is WorkerAccount => a !== null);
  return { accounts, received: data.length, total: typeof o.total === "number" ? o.total : null };
}
