import { STATUS_LABELS, type CheckResult, type ConnectorStatus, type Environment } from "@wc/contracts";
import { CHECKS, ENVIRONMENT_LABELS, REASON_CODES, TROUBLESHOOTING, formatUtc } from "@wc/workday";
import { printable } from "./errors";

/** What a cell shows for a value that is not there (as the console's pages do). */
export const NONE = "—";

/** One line of a cell: no line breaks, tabs or control characters (they would break the columns or drive the terminal). */
export function cell(value: string | null | undefined): string {
  if (value === null || value === undefined || value === "") return NONE;
  return printable(value.replace(/[\t\n\r\u2028\u2029]+/g, " "));
}

/** Width in terminal columns, near enough: one per code point (names are NFC text without hidden characters). */
const width = (s: string) => [...s].length;

/**
 * Columns separated by two spaces, each as wide as its widest cell; the last column is not padded,
 * so lines end without trailing spaces.
 */
export function align(rows: readonly (readonly string[])[]): string {
  const columns = Math.max(0, ...rows.map((r) => r.length));
  const widths = Array.from({ length: columns }, (_, i) => Math.max(0, ...rows.map((r) => width(r[i] ?? ""))));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c + " ".repeat(Math.max(0, (widths[i] ?? 0) - width(c)))))
      .join("  ")
      .trimEnd();
  return rows.map((r) => `${line(r)}\n`).join("");
}

/** A header line, then one line per row, aligned. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return align([header, ...rows]);
}

export function statusLabel(status: ConnectorStatus): string {
  return STATUS_LABELS[status];
}

/** The troubleshooting catalogue's title for a reason code; the bare code for one this CLI does not know (as the console's pages do). */
export function reasonTitle(reasonCode: string | null): string | null {
  if (reasonCode === null) return null;
  const known = REASON_CODES.find((code) => code === reasonCode);
  return known === undefined ? reasonCode : TROUBLESHOOTING[known].title;
}

/** "Workday refused the refresh token (refresh_invalid_grant)": the title for people, the code for scripts and support. */
export function reasonText(reasonCode: string | null): string | null {
  const title = reasonTitle(reasonCode);
  return title === null ? null : title === reasonCode ? title : `${title} (${reasonCode})`;
}

export function environmentLabel(environment: Environment | null): string {
  return environment === null ? NONE : ENVIRONMENT_LABELS[environment];
}

/** An instant as the console shows it ("5 Dec 2026, 14:03 UTC"), or "—". */
export function when(value: string | null): string {
  return value === null ? NONE : formatUtc(value);
}

export const RESULT_WORDS = { passed: "Passed", failed: "Failed", skipped: "Skipped" } as const;

export function resultOf(check: CheckResult): keyof typeof RESULT_WORDS {
  if (check.skipped) return "skipped";
  return check.ok ? "passed" : "failed";
}

export function checkTitle(id: CheckResult["id"]): string {
  return CHECKS.find((c) => c.id === id)?.title ?? id;
}

/** Why a check did not pass: the troubleshooting title for a failure, the console's explanation for a skip. */
export function checkReason(check: CheckResult): string {
  const result = resultOf(check);
  if (result === "passed") return "";
  const parts = result === "failed" ? [reasonText(check.reasonCode) ?? "The check failed."] : [];
  if (check.detail) parts.push(result === "failed" ? `Workday said: ${check.detail}` : check.detail);
  return cell(parts.join(". "));
}

const TITLE_WIDTH = Math.max(...CHECKS.map((c) => width(c.title)));
const RESULT_WIDTH = Math.max(...Object.values(RESULT_WORDS).map(width));

/** One check as a line, padded to the widest check title, so lines streamed one by one still line up. */
export function checkLine(check: CheckResult): string {
  const title = checkTitle(check.id);
  const word = RESULT_WORDS[resultOf(check)];
  const reason = checkReason(check);
  const cols = [title.padEnd(TITLE_WIDTH), reason ? word.padEnd(RESULT_WIDTH) : word];
  if (reason) cols.push(reason);
  return `${cols.join("  ")}\n`;
}
