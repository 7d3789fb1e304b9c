import { CHECKS } from "./checks";
import { CONSENT_REASON_CODES, HEALTH_REASON_CODES, type ReasonCode } from "./reason-codes";
import { setupKeyLabel } from "./setup-key-label";
import { TROUBLESHOOTING } from "./troubleshooting";
import type { HealthStatus, TroubleshootingField } from "./troubleshooting-entry";

export const TROUBLESHOOTING_DOC_PATH = "docs/troubleshooting.md";
export const TROUBLESHOOTING_DOC_COMMAND = "pnpm exec tsx packages/workday/scripts/write-troubleshooting-doc.ts";

/** The connector statuses (`connectorStatusSchema` in packages/contracts/src/statuses.ts), in plain words, with who acts. */
const STATUSES: readonly [HealthStatus | "connected", string, string][] = [
  ["pending_configuration", "The setup wizard is not finished.", "An admin"],
  ["pending_authorization", "Details are saved, but nobody has allowed access in Workday yet.", "An admin"],
  ["connected", "The last check passed.", "Nobody"],
  ["degraded", "Workday keeps failing for a passing reason (5xx, timeouts, 429). The console retries; the consent is kept.", "Nobody yet"],
  ["relink_needed", "Workday refuses the connection for good (invalid_grant, invalid_client, sandbox refreshed).", "An admin: Reconnect"],
  ["action_required", "Connected, but a prerequisite fails (403 on an API, activity logging off).", "A Workday admin"],
  ["disconnected", "An admin disconnected it and its tokens were deleted.", "Nobody (an admin can Reconnect)"],
];

const FIELD_LABELS: Record<TroubleshootingField, string> = {
  clientId: "Client ID",
  clientSecret: "Client Secret",
  restApiEndpoint: "Workday REST API Endpoint",
  tokenEndpoint: "Token Endpoint",
  authorizationEndpoint: "Authorization Endpoint",
  samlSso: "This tenant signs in with SAML SSO",
};

/** Keeps catalog text literal in Markdown (a "<tenant>" must not become an HTML tag); `cell` also keeps tables whole. */
const text = (s: string) => s.replace(/</g, "&lt;");
const cell = (s: string) => text(s).replace(/\|/g, "\\|");

/** `docs/troubleshooting.md`, generated from the catalog so the two cannot drift. */
export function renderTroubleshootingMarkdown(): string {
  return [
    "# Troubleshooting Workday connectors",
    "",
    "> Generated from `packages/workday/src/troubleshooting.ts` (the troubleshooting catalog): do not edit by hand.",
    `> To regenerate, run from the repo root: \`${TROUBLESHOOTING_DOC_COMMAND}\``,
    "",
    "Every reason code the console can show, what it means in Workday's terms, and what to do. The console shows the same text next to the connector.",
    "",
    '"Reconnect: yes" means the fix ends with signing in to Workday and selecting Allow again. "Prerequisite" names the row of the prerequisite table, or the tenant-setup switch, the problem concerns.',
    "",
    ...statusSection(),
    ...checksSection(),
    "## Connector health",
    "",
    ...HEALTH_REASON_CODES.flatMap(entrySection),
    "## Connecting to Workday",
    "",
    "Why a consent attempt failed, and the two statuses before the first consent. A failed attempt leaves the connector's status as it was.",
    "",
    ...CONSENT_REASON_CODES.flatMap(entrySection),
  ]
    .join("\n")
    .replace(/\n+$/, "\n");
}

function statusSection(): string[] {
  return [
    "## Statuses",
    "",
    "| Status | Meaning | Who acts |",
    "| --- | --- | --- |",
    ...STATUSES.map(([s, m, who]) => `| \`${s}\` | ${cell(m)} | ${cell(who)} |`),
    "",
  ];
}

function checksSection(): string[] {
  const rows = CHECKS.map((c) => {
    const proves = c.prerequisites.map(setupKeyLabel).map(cell).join("; ") || "—";
    return `| ${cell(c.title)} (\`${c.id}\`) | ${cell(c.proves)} | ${proves} |`;
  });
  return [
    "## Health checks",
    "",
    "In the order they run. A pass verifies the rows of the prerequisite table (or the tenant-setup switches) named here.",
    "",
    "| Check | A pass proves | Prerequisite |",
    "| --- | --- | --- |",
    ...rows,
    "",
  ];
}

function entrySection(code: ReasonCode): string[] {
  const e = TROUBLESHOOTING[code];
  const facts = [
    `Code \`${code}\``,
    e.status === null ? "Status unchanged" : `Status \`${e.status}\``,
    `Reconnect: ${e.reconnect ? "yes" : "no"}`,
    ...(e.prerequisite ? [`Prerequisite: ${text(setupKeyLabel(e.prerequisite))}`] : []),
    ...(e.field ? [`Field: ${FIELD_LABELS[e.field]}`] : []),
  ];
  return [
    `### ${text(e.title)}`,
    "",
    facts.join(" · "),
    "",
    text(e.meaning),
    "",
    "**Causes**",
    "",
    ...e.causes.map((c) => `- ${text(c)}`),
    "",
    "**Steps**",
    "",
    ...e.steps.map((s, i) => `${i + 1}. ${text(s)}`),
    "",
  ];
}
