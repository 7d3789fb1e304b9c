import { useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { ADMIN_ONLY_MESSAGES, AdminOnly } from "../../components/ui/admin-only";
import { PageTitle } from "../../components/ui/page-title";
import { getApiTokens } from "../../features/api-tokens/api/get-api-tokens";
import { performApiTokenIntent } from "../../features/api-tokens/api-token-intents";
import { ApiTokensTable } from "../../features/api-tokens/components/api-tokens-table";
import { CreateApiTokenForm } from "../../features/api-tokens/components/create-api-token-form";
import { ApiError } from "../../lib/api-client";
import { useRootData } from "./root";

/** A support user opening /api-tokens gets the BFF's 403: that is an answer to show, not a failure. */
export async function apiTokensLoader({ request }: LoaderFunctionArgs) {
  try {
    return { tokens: (await getApiTokens(request.signal)).tokens };
  } catch (error) {
    if (error instanceof ApiError && error.status === 403) return { tokens: null };
    throw error;
  }
}

export async function apiTokensAction({ request }: ActionFunctionArgs) {
  return performApiTokenIntent(await request.formData());
}

/** The tokens scripts and monitoring checks call the API with; admins create and revoke them here. */
export function ApiTokensRoute() {
  const { tokens } = useLoaderData<typeof apiTokensLoader>();
  const { canEdit, config } = useRootData();
  if (!canEdit || tokens === null) return <AdminOnly message={ADMIN_ONLY_MESSAGES.apiTokens} />;
  return (
    <main id="main" tabIndex={-1} className="page">
      <PageTitle title="API tokens" />
      <h1>API tokens</h1>
      <p>
        Scripts and monitoring checks call this console&apos;s API with a token instead of signing in: they send it as <code>Authorization: Bearer</code>{" "}
        followed by the token. Revoke a token as soon as nothing needs it any more.
      </p>
      <ApiTokensTable tokens={tokens} />
      <CreateApiTokenForm publicUrl={config.publicUrl} />
    </main>
  );
}
