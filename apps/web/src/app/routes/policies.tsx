import { Link, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type ShouldRevalidateFunctionArgs } from "react-router";
import { ADMIN_ONLY_MESSAGES, AdminOnly } from "../../components/ui/admin-only";
import { PageTitle } from "../../components/ui/page-title";
import { paths } from "../../config/paths";
import { getConnectorNames } from "../../features/connectors/api/get-connector-names";
import { getPolicies } from "../../features/policies/api/get-policies";
import { getPolicy } from "../../features/policies/api/get-policy";
import { getPolicyTemplates } from "../../features/policies/api/get-policy-templates";
import { PoliciesTable } from "../../features/policies/components/policies-table";
import { PolicyForm } from "../../features/policies/components/policy-form";
import { PolicySummary } from "../../features/policies/components/policy-summary";
import { RouteNote } from "../../features/policies/components/route-note";
import { draftFromView, emptyDraft } from "../../features/policies/policy-draft";
import { performPolicyIntent, type PolicyActionResult, type PolicySubmission } from "../../features/policies/policy-intents";
import { requireId } from "./params";
import { useRootData } from "./root";

/** Both roles read the policies; only admins get New policy (the BFF refuses support staff's writes anyway). */
export async function policiesLoader({ request }: LoaderFunctionArgs) {
  return { policies: (await getPolicies(request.signal)).policies };
}

export function PoliciesRoute() {
  const { policies } = useLoaderData<typeof policiesLoader>();
  const { canEdit } = useRootData();
  return (
    <main id="main" tabIndex={-1} className="page">
      <PageTitle title="Policies" />
      <div className="page-header">
        <h1>Policies</h1>
        {canEdit ? (
          <Link to={paths.newPolicy.getHref()} className="button button-primary">
            New policy
          </Link>
        ) : null}
      </div>
      <p>
        A policy says what in Workday&apos;s activity should raise an alert: a security change, many worker records read by one account, an address outside your
        ranges. Each new activity row is checked as it is stored.
      </p>
      <RouteNote />
      <PoliciesTable policies={policies} />
      {canEdit ? null : <p className="muted">{ADMIN_ONLY_MESSAGES.policies}</p>}
    </main>
  );
}

/** The form's submissions are JSON (see PolicyForm); `id` is null for a new policy. */
async function policyAction(request: Request, id: string | null) {
  return performPolicyIntent((await request.json()) as PolicySubmission, id);
}

export async function newPolicyLoader({ request }: LoaderFunctionArgs) {
  const [{ templates }, connectors] = await Promise.all([getPolicyTemplates(request.signal), getConnectorNames(request.signal)]);
  return { templates, connectors };
}

export async function newPolicyAction({ request }: ActionFunctionArgs) {
  return policyAction(request, null);
}

export function NewPolicyRoute() {
  const { templates, connectors } = useLoaderData<typeof newPolicyLoader>();
  const { canEdit } = useRootData();
  if (!canEdit) return <AdminOnly message={ADMIN_ONLY_MESSAGES.policies} />;
  return (
    <main id="main" tabIndex={-1} className="page">
      <PageTitle title="New policy" />
      <div className="page-header">
        <h1>New policy</h1>
        <Link to={paths.policies.getHref()}>Back to Policies</Link>
      </div>
      <PolicyForm initial={emptyDraft()} templates={templates} connectors={connectors} />
    </main>
  );
}

export async function editPolicyLoader({ params, request }: LoaderFunctionArgs) {
  const id = requireId(params, "policy");
  const [policy, connectors] = await Promise.all([getPolicy(id, request.signal), getConnectorNames(request.signal)]);
  return { policy, connectors };
}

export async function editPolicyAction({ params, request }: ActionFunctionArgs) {
  return policyAction(request, requireId(params, "policy"));
}

/** A deleted policy cannot be read again: the form goes on to the list, which says it was deleted. */
export function editPolicyShouldRevalidate({ actionResult, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) {
  const result = actionResult as PolicyActionResult | undefined;
  return result?.intent === "delete" && result.ok ? false : defaultShouldRevalidate;
}

/** Admins edit the policy; support staff read it in words. */
export function EditPolicyRoute() {
  const { policy, connectors } = useLoaderData<typeof editPolicyLoader>();
  const { canEdit } = useRootData();
  const draft = canEdit ? draftFromView(policy) : null;
  return (
    <main id="main" tabIndex={-1} className="page">
      <PageTitle title={policy.name} />
      <div className="page-header">
        <h1>{policy.name}</h1>
        <Link to={paths.policies.getHref()}>Back to Policies</Link>
      </div>
      <RouteNote />
      {draft ? (
        <PolicyForm key={policy.id} initial={draft} saved={{ id: policy.id, name: policy.name }} connectors={connectors} />
      ) : (
        <PolicySummary policy={policy} connectors={connectors} />
      )}
    </main>
  );
}
