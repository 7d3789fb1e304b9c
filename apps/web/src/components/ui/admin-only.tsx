import type { ReactNode } from "react";

/** The refusals support staff read, one sentence each (tests and the browser journeys look for them as written). */
export const ADMIN_ONLY_MESSAGES = {
  connectors: "Only admins can change connectors.",
  users: "Only admins can manage users.",
  audit: "Only admins can read the audit log.",
  apiTokens: "Only admins can manage API tokens.",
  policies: "Only admins can add or change policies.",
} as const;

/**
 * What a support user sees on a page only admins can use, instead of a form the server would
 * refuse. `message` is one sentence, so it can be found as it is written.
 */
export function AdminOnly({ message, children }: { message: string; children?: ReactNode }) {
  return (
    <main className="page">
      <h1>Not available for your role</h1>
      <p>{message}</p>
      {children}
    </main>
  );
}
