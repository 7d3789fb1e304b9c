import { routes, type Connector, type ConnectorDetailResponse, type ConnectorResponse, type DetailsRequest, type WizardProgressRequest } from "@wc/contracts";
import { http, HttpResponse } from "msw";
import { recorder } from "./handlers";
import { server } from "./server";

/**
 * One connector held in memory behind GET, PATCH /wizard and PUT /details, so a test can walk
 * the wizard and see the server's state change. `calls` records every write.
 */
export function fakeConnectorApi(initial: Connector) {
  const state = { connector: initial };
  const { calls, record } = recorder();
  const id = initial.id;
  server.use(
    http.get<never, never, ConnectorDetailResponse>(routes.connector(id), () => HttpResponse.json({ connector: state.connector, timeline: [] })),
    http.patch<never, WizardProgressRequest, ConnectorResponse>(routes.connectorWizard(id), async ({ request }) => {
      await record(request);
      const body = await request.json();
      const c = state.connector;
      state.connector = {
        ...c,
        wizardStep: body.wizardStep ?? c.wizardStep,
        prerequisites: body.prerequisites ?? c.prerequisites,
        tenantSetup: body.tenantSetup ?? c.tenantSetup,
      };
      return HttpResponse.json({ connector: state.connector });
    }),
    http.put<never, DetailsRequest, ConnectorResponse>(routes.connectorDetails(id), async ({ request }) => {
      await record(request);
      const { clientSecret, clientId, restApiEndpoint, tokenEndpoint, authorizationEndpoint, samlSso, clientAuthMethod } = await request.json();
      state.connector = {
        ...state.connector,
        ...{ clientId, restApiEndpoint, tokenEndpoint, authorizationEndpoint },
        samlSso: samlSso ?? false,
        clientAuthMethod: clientAuthMethod ?? "client_secret_basic",
        status: "pending_authorization",
        clientSecretSet: state.connector.clientSecretSet || clientSecret !== undefined,
        clientSecretHint: clientSecret ? clientSecret.slice(-4) : state.connector.clientSecretHint,
      };
      return HttpResponse.json({ connector: state.connector });
    }),
  );
  return { state, calls };
}
