import { ENDPOINT_LABELS, parseHostAllowList } from "@wc/workday";
import { describe, expect, it } from "vitest";
import {
  auditedDetails,
  connectorSchema,
  DETAILS_FIELD_KEYS,
  DETAILS_FIELDS,
  detailsBodySchema,
  detailsField,
  detailsValuesSchema,
  endpointsByKind,
  ENDPOINT_FIELDS,
  makeDetailsRequestSchema,
  savedDetailsValues,
  SECRET_DETAILS_FIELDS,
  SHOWN_DETAILS_FIELDS,
  unsavedDetailsView,
  type Connector,
} from "../src";

const keys = Object.keys(DETAILS_FIELDS);
const SECRET = "sEcReT-value-in-the-table-test-9876";

/** A connector view whose details come from `details` (the secret by its hint only). */
function viewWith(details: Record<string, unknown>): Connector {
  return connectorSchema.parse({
    id: "c1",
    name: "n",
    status: "pending_authorization",
    reasonCode: null,
    tenant: "acme",
    environment: "sandbox",
    wizardStep: "connect",
    connectedAt: null,
    lastSuccessAt: null,
    createdAt: "t",
    createdBy: "u",
    updatedAt: "t",
    prerequisites: {},
    tenantSetup: {},
    environmentSource: "detected",
    environmentReason: null,
    effectiveAuthorizationUrl: null,
    redirectUri: "r",
    consentGrantedBy: null,
    workdayAddress: null,
    consentedBy: { known: false, reason: "not_connected", explanation: "Not connected." },
    lastCheckAt: null,
    lastConsent: null,
    lastErrorDetail: null,
    consecutiveTransientFailures: 0,
    nextCheckAt: null,
    lastChecks: null,
    ...unsavedDetailsView(),
    ...details,
  });
}

describe("details field table", () => {
  it("when the request schema is built, then it takes exactly the table's fields, in the table's order", () => {
    const schema = makeDetailsRequestSchema(parseHostAllowList("http://localhost:4000"));
    expect(Object.keys(schema.in.shape)).toEqual(keys);
    expect(DETAILS_FIELD_KEYS).toEqual(keys);
  });

  it("when the wizard's values and body are derived, then both hold every field and only a secret may be left out of the body", () => {
    expect(Object.keys(detailsValuesSchema.shape)).toEqual(keys);
    expect(Object.keys(detailsBodySchema.shape)).toEqual(keys);
    for (const key of DETAILS_FIELD_KEYS) {
      expect(detailsBodySchema.shape[key].safeParse(undefined).success, key).toBe(detailsField(key).secret);
      expect(detailsValuesSchema.shape[key].safeParse(DETAILS_FIELDS[key].draft).success, `${key}'s draft default`).toBe(true);
    }
  });

  it("when the connector view is derived, then every field is in it: as itself, as a secret's set-and-hint, or read back from other view fields", () => {
    const shape = connectorSchema.shape;
    for (const key of DETAILS_FIELD_KEYS) {
      const field = detailsField(key);
      if (field.secret) {
        expect(Object.keys(shape), key).not.toContain(key);
        expect(Object.keys(shape), key).toEqual(expect.arrayContaining([`${key}Set`, `${key}Hint`]));
      } else if (field.view !== null) expect(Object.keys(shape), key).toContain(key);
      else expect(field.fromView, key).toBeTypeOf("function");
    }
  });

  it("when a response carries a secret field's value by mistake, then the view drops it", () => {
    expect(SECRET_DETAILS_FIELDS.length).toBeGreaterThan(0);
    const leaked = Object.fromEntries(SECRET_DETAILS_FIELDS.map((key) => [key, SECRET]));
    expect(JSON.stringify(viewWith(leaked))).not.toContain(SECRET);
  });

  it("when a secret is replaced, then the audit entry shows the change by its last characters and never the value", () => {
    const hints = (hint: string | null) => {
      const view: Record<string, unknown> = {};
      for (const key of SECRET_DETAILS_FIELDS) Object.assign(view, { [`${key}Set`]: hint !== null, [`${key}Hint`]: hint });
      return view;
    };
    const before = auditedDetails(viewWith(hints(null)));
    // As if a view held the secret itself: the entry copies only what it names.
    const after = auditedDetails({ ...viewWith(hints(SECRET.slice(-4))), ...Object.fromEntries(SECRET_DETAILS_FIELDS.map((key) => [key, SECRET])) });
    for (const key of SECRET_DETAILS_FIELDS) {
      expect(after, key).not.toHaveProperty(key);
      expect(before[`${key}Hint`]).toBeNull();
      expect(after[`${key}Hint`]).toBe(SECRET.slice(-4));
    }
    expect(JSON.stringify(after)).not.toContain(SECRET);
    expect(Object.keys(after)).toEqual(expect.arrayContaining([...SHOWN_DETAILS_FIELDS]));
  });

  it("when details were saved, then the wizard starts from them, the secret empty and the environment override read back", () => {
    const saved = { clientId: "client-1", restApiEndpoint: "https://h/ccx/api/v1/acme", samlSso: true, clientAuthMethod: "client_secret_post" } as const;
    const view = viewWith({ ...saved, clientSecretSet: true, clientSecretHint: "9876", environment: "production", environmentSource: "override" });
    const values = savedDetailsValues(view);
    expect(values).toMatchObject({ ...saved, clientSecret: "", environmentOverride: "production" });
    for (const key of SHOWN_DETAILS_FIELDS) expect(values[key], key).toBe(view[key] ?? DETAILS_FIELDS[key].draft);
    expect(savedDetailsValues(viewWith({ environment: "production", environmentSource: "detected" })).environmentOverride).toBeNull();
  });

  it("when nothing is saved yet, then the view has no copied value, the defaults for the rest, and no secret", () => {
    const view: Record<string, unknown> = unsavedDetailsView();
    for (const key of SHOWN_DETAILS_FIELDS) {
      const field = detailsField(key);
      expect(view[key], key).toBe(field.kind === "copied" || field.kind === "endpoint" ? null : field.draft);
    }
    for (const key of SECRET_DETAILS_FIELDS) expect([view[`${key}Set`], view[`${key}Hint`]], key).toEqual([false, null]);
  });

  it("when endpoints are listed by kind, then each of Workday's three URLs has one field, labelled as Workday labels it", () => {
    expect(ENDPOINT_FIELDS.map(([, kind]) => kind)).toEqual(["authorization", "token", "rest"]);
    for (const [field, kind] of ENDPOINT_FIELDS) expect(DETAILS_FIELDS[field].label).toBe(ENDPOINT_LABELS[kind]);
    expect(endpointsByKind({ authorizationEndpoint: "a", tokenEndpoint: "t", restApiEndpoint: "r" })).toEqual({ authorization: "a", token: "t", rest: "r" });
  });
});
