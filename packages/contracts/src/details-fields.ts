import { z } from "zod";
import { ENDPOINT_LABELS, type EndpointKind, type HostAllowList } from "@wc/workday";
import { copiedValue, endpointUrl } from "./details-checks";
import { clientAuthMethodSchema, environmentSchema, type Environment } from "./statuses";

/** Attributes of the text input for a value copied from Workday. */
export interface CopiedInput {
  readonly type?: "password" | "url";
  readonly inputMode?: "url";
  readonly autoComplete: "off";
  readonly spellCheck: false;
}

/** The connector view's fields outside the details that a field may be read back from. */
export interface DetailsViewContext {
  environment: Environment | null;
  environmentSource: "detected" | "override" | null;
}

interface FieldCommon {
  /** As the wizard shows it; for a value copied from Workday, Workday's own words. */
  readonly label: string;
  readonly help?: string;
  /** The value as the wizard holds it, before any check. */
  readonly value: z.ZodType;
  /** What the BFF accepts for it: checked and normalised (endpoints against the deployment's allow-list). */
  readonly request: (label: string, allow: HostAllowList) => z.ZodType;
  /** What the wizard starts from when nothing is saved. */
  readonly draft: string | boolean | null;
  /** Shown under Advanced: rarely needed. */
  readonly advanced?: true;
  /** For a field the view does not return as itself: its saved value, read from the view. */
  readonly fromView?: (view: DetailsViewContext) => unknown;
}

type FieldKind =
  /** Copied from Workday's View API Clients page, so it identifies the API client. */
  | { readonly kind: "copied"; readonly input: CopiedInput }
  | { readonly kind: "endpoint"; readonly endpoint: EndpointKind; readonly input: CopiedInput }
  | { readonly kind: "boolean" | "enum" };

type FieldVisibility =
  /** Write-only: the view and the audit log carry only whether it is set and its last characters. */
  | { readonly secret: true; readonly view: null }
  /** `view`: how the connector view returns it under its own key; null when it does not. */
  | { readonly secret: false; readonly view: z.ZodType | null };

export type DetailsFieldSpec = FieldCommon & FieldKind & FieldVisibility;
export type DetailsFieldKind = DetailsFieldSpec["kind"];

// IDs and URLs: spelling suggestions would mark them, and autofill would offer another tenant's values.
const COPIED = { autoComplete: "off", spellCheck: false } as const;
const URL_INPUT = { ...COPIED, type: "url", inputMode: "url" } as const;

/**
 * The details step's fields, in the order the wizard shows them. Everything that lists them (the
 * request schema, the wizard's draft, inputs and request, the connector view, the BFF's stored
 * record and audit entry) is derived from here, so a new field is added here. Only storage needs
 * more: a stored field needs its column and a migration, which the compiler asks for.
 */
export const DETAILS_FIELDS = {
  clientId: {
    label: "Client ID",
    kind: "copied",
    input: COPIED,
    secret: false,
    value: z.string(),
    request: (label) => copiedValue(label, 200),
    view: z.string().nullable(),
    draft: "",
  },
  clientSecret: {
    label: "Client Secret",
    help: "Shown once on Workday's done page after Register API Client.",
    kind: "copied",
    input: { ...COPIED, type: "password" },
    secret: true,
    value: z.string(),
    // Left out, the saved one is kept; the BFF refuses that when none is saved.
    request: (label) => copiedValue(label, 500).optional(),
    view: null,
    draft: "",
  },
  restApiEndpoint: {
    label: ENDPOINT_LABELS.rest,
    kind: "endpoint",
    endpoint: "rest",
    input: URL_INPUT,
    secret: false,
    value: z.string(),
    request: (label, allow) => endpointUrl("rest", label, allow),
    view: z.string().nullable(),
    draft: "",
  },
  tokenEndpoint: {
    label: ENDPOINT_LABELS.token,
    kind: "endpoint",
    endpoint: "token",
    input: URL_INPUT,
    secret: false,
    value: z.string(),
    request: (label, allow) => endpointUrl("token", label, allow),
    view: z.string().nullable(),
    draft: "",
  },
  authorizationEndpoint: {
    label: ENDPOINT_LABELS.authorization,
    kind: "endpoint",
    endpoint: "authorization",
    input: URL_INPUT,
    secret: false,
    value: z.string(),
    request: (label, allow) => endpointUrl("authorization", label, allow),
    view: z.string().nullable(),
    draft: "",
  },
  samlSso: {
    label: "This tenant signs in with SAML SSO",
    help: "Tick it when Workday sends you to your company's sign-in page. Workday then opens with redirect=n and shows its own sign-in page, where an account without SSO (such as an Integration System User) can sign in.",
    kind: "boolean",
    secret: false,
    value: z.boolean(),
    request: () => z.boolean().default(false),
    view: z.boolean(),
    draft: false,
  },
  clientAuthMethod: {
    label: "Client authentication",
    help: "How the client secret is sent to Workday's Token Endpoint. Keep the default unless Workday rejects it.",
    kind: "enum",
    advanced: true,
    secret: false,
    value: clientAuthMethodSchema,
    request: () => clientAuthMethodSchema.default("client_secret_basic"),
    view: clientAuthMethodSchema,
    draft: "client_secret_basic",
  },
  environmentOverride: {
    label: "Environment",
    help: "Sandboxes are refreshed weekly and then need reconnecting, so the console warns about them.",
    kind: "enum",
    secret: false,
    value: environmentSchema.nullable(),
    request: () => environmentSchema.nullable().default(null),
    // Not stored as itself: set, it decides the connector's environment, which detection decides otherwise.
    view: null,
    fromView: (view) => (view.environmentSource === "override" ? view.environment : null),
    draft: null,
  },
} as const satisfies Record<string, DetailsFieldSpec>;
