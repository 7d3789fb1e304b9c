import type { AuditEntry } from "@wc/contracts";
import { Link, useLoaderData, useSearchParams, type LoaderFunctionArgs } from "react-router";
import { ADMIN_ONLY_MESSAGES, AdminOnly } from "../../components/ui/admin-only";
import { ProblemMessage } from "../../components/ui/problem-message";
import { paths } from "../../config/paths";
import { getAudit } from "../../features/audit/api/get-audit";
import { auditRequest, filtersIn, newestSearch, olderSearch } from "../../features/audit/audit-query";
import { AuditFilters } from "../../features/audit/components/audit-filters";
import { AuditTable } from "../../features/audit/components/audit-table";
import { ApiError } from "../../lib/api-client";
import { problemFromApi, type FormProblem } from "../../lib/form-problem";
import { useRootData } from "./root";
import { PageTitle } from "../../components/ui/page-title";

interface AuditPage {
  forbidden: boolean;
  problem?: FormProblem;
  entries: AuditEntry[];
  nextBefore: number | null;
}

const empty = { forbidden: false, entries: [], nextBefore: null };

/** The filters live in the URL; a filter the BFF would refuse is reported without asking it. */
export async function auditLoader({ request }: LoaderFunctionArgs): Promise<AuditPage> {
  const wanted = auditRequest(new URL(request.url).searchParams);
  if ("problem" in wanted) return { ...empty, problem: wanted.problem };
  try {
    return { forbidden: false, ...(await getAudit(wanted.query, request.signal)) };
  } catch (error) {
    if (error instanceof ApiError && error.status === 403) return { ...empty, forbidden: true };
    if (error instanceof ApiError && error.status === 400) return { ...empty, problem: problemFromApi(error) };
    throw error;
  }
}

function Pages({ nextBefore }: { nextBefore: number | null }) {
  const [search] = useSearchParams();
  if (nextBefore === null && !search.has("before")) return null;
  return (
    <p className="actions">
      {search.has("before") ? <Link to={paths.audit.getHref(newestSearch(search))}>Newest entries</Link> : null}
      {nextBefore !== null ? <Link to={paths.audit.getHref(olderSearch(search, nextBefore))}>Older entries</Link> : null}
    </p>
  );
}

/** Every sign-in and admin action, newest first, filtered by who, what, which target and when. */
export function AuditRoute() {
  const { forbidden, problem, entries, nextBefore } = useLoaderData<typeof auditLoader>();
  const { canEdit } = useRootData();
  const [search] = useSearchParams();
  if (!canEdit || forbidden) return <AdminOnly message={ADMIN_ONLY_MESSAGES.audit} />;
  return (
    <main id="main" tabIndex={-1} className="page">
      <PageTitle title={"Audit log"} />
      <h1>Audit log</h1>
      <AuditFilters key={search.toString()} filters={filtersIn(search)} problem={problem} />
      {problem?.message ? <ProblemMessage message={problem.message} requestId={problem.requestId} /> : null}
      {problem ? null : <AuditTable entries={entries} />}
      <Pages nextBefore={nextBefore} />
    </main>
  );
}
