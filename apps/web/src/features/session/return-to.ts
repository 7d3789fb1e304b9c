import { isSafeReturnTo, pages } from "@wc/contracts";

/** Where to go after signing in: `returnTo` when it is a path on this console, else App Connectors. */
export function safeReturnTo(value: string | null): string {
  return value !== null && isSafeReturnTo(value) ? value : pages.connectors;
}
