import { parseHostAllowList } from "@wc/workday";
import { useEffect, useMemo } from "react";
import {
  useActionData,
  useLoaderData,
  useLocation,
  useNavigate,
  useNavigation,
  type ActionFunctionArgs,
  type ShouldRevalidateFunctionArgs,
} from "react-router";
import { getHandoffView, NO_LINK, saveHandoffDetails, streamHandoffChecks } from "../../features/handoff/api/handoff-api";
import { HandoffConnect } from "../../features/handoff/components/handoff-connect";
import { HandoffPage } from "../../features/handoff/components/handoff-page";
import { HandoffProblem } from "../../features/handoff/components/handoff-problem";
import { heldCredential, takeCredentialFromUrl } from "../../features/handoff/credential";
import { VerifyConnection } from "../../features/health/components/verify-connection";
import { DetailsStep } from "../../features/wizard/components/details-step";
import { PrerequisitesTable } from "../../features/wizard/components/prerequisites-table";
import { RegistrationValues } from "../../features/wizard/components/registration-values";
import { TenantSetupList } from "../../features/wizard/components/tenant-setup-list";
import { readWizardIntent, toActionError } from "../../features/wizard/intents";
import { forgetUnsavedDetails } from "../../features/wizard/store";
import { ApiError } from "../../lib/api-client";

/** The connector the held credential opens, as the last read said (the details are saved to its route). */
let connectorId: string | null = null;

/** The hand-off page's data, read with the link's token (or, after consent, the results ticket) held in memory. */
export async function handoffLoader() {
  takeCredentialFromUrl();
  if (heldCredential() === null) return { problem: { status: 401, message: NO_LINK } } as const;
  try {
    const view = await getHandoffView();
    connectorId = view.connector.id;
    return { view } as const;
  } catch (error) {
    if (error instanceof ApiError) return { problem: { status: error.status, message: error.message } } as const;
    throw error;
  }
}

/**
 * Dropping the token's fragment from the address (useForgetFragment) is a navigation, which would
 * read the page again with the same credential: one request for nothing. Revalidations after the
 * details are saved or consent finishes keep the address as it is, so they still run.
 */
export function handoffShouldRevalidate({ currentUrl, nextUrl, formMethod, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) {
  const fragmentDropped =
    !formMethod && currentUrl.hash !== "" && nextUrl.hash === "" && currentUrl.pathname === nextUrl.pathname && currentUrl.search === nextUrl.search;
  return fragmentDropped ? false : defaultShouldRevalidate;
}

/** The details form (the wizard's own) posts here; the hand-off page has no other form. */
export async function handoffAction({ request }: ActionFunctionArgs) {
  const intent = await readWizardIntent(request);
  if (intent.intent !== "details") throw new Error("The hand-off page only saves the client details.");
  if (connectorId === null) return { error: { message: NO_LINK, fields: {} } };
  try {
    await saveHandoffDetails(connectorId, intent.details);
    forgetUnsavedDetails();
    return { saved: true } as const;
  } catch (error) {
    if (error instanceof ApiError) return { error: toActionError(error) };
    throw error;
  }
}

function SaveDetails() {
  const busy = useNavigation().state === "submitting";
  const result = useActionData<typeof handoffAction>();
  return (
    <div className="step-nav">
      <button type="submit" className="button-primary" disabled={busy} aria-busy={busy || undefined}>
        Save details
      </button>
      <span role="status" className="muted">
        {busy ? "Saving…" : result && "saved" in result ? "Saved. Now connect Workday below." : ""}
      </span>
    </div>
  );
}

/** The fragment is read by the loader; this also drops it from the router's own idea of the address. */
function useForgetFragment() {
  const { hash, pathname, search } = useLocation();
  const navigate = useNavigate();
  useEffect(() => {
    if (hash !== "") void navigate({ pathname, search }, { replace: true });
  }, [hash, pathname, search, navigate]);
}

export function HandoffRoute() {
  const data = useLoaderData<typeof handoffLoader>();
  const result = useActionData<typeof handoffAction>();
  useForgetFragment();
  const hosts = "view" in data ? data.view.allowedWorkdayHosts : "";
  const allow = useMemo(() => parseHostAllowList(hosts), [hosts]);
  if (!("view" in data)) return <HandoffProblem status={data.problem.status} message={data.problem.message} />;
  const { connector } = data.view;
  return (
    <HandoffPage
      view={data.view}
      sections={{
        prerequisites: <PrerequisitesTable address={connector.workdayAddress} />,
        tenantSetup: <TenantSetupList address={connector.workdayAddress} />,
        register: <RegistrationValues redirectUri={connector.redirectUri} address={connector.workdayAddress} />,
        details: <DetailsStep connector={connector} allow={allow} error={result && "error" in result ? result.error : undefined} nav={<SaveDetails />} />,
        connect: <HandoffConnect connector={connector} />,
        verify: <VerifyConnection connector={connector} stream={streamHandoffChecks} />,
      }}
    />
  );
}
