import { useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { ADMIN_ONLY_MESSAGES, AdminOnly } from "../../components/ui/admin-only";
import { ProblemMessage } from "../../components/ui/problem-message";
import { getUsers } from "../../features/users/api/get-users";
import { AddUserForm } from "../../features/users/components/add-user-form";
import { UsersTable } from "../../features/users/components/users-table";
import { performUserIntent } from "../../features/users/user-intents";
import { ApiError } from "../../lib/api-client";
import { useRootData } from "./root";
import { PageTitle } from "../../components/ui/page-title";

/** A support user opening /users gets the BFF's 403: that is an answer to show, not a failure. */
export async function usersLoader({ request }: LoaderFunctionArgs) {
  try {
    return { users: (await getUsers(request.signal)).users };
  } catch (error) {
    if (error instanceof ApiError && error.status === 403) return { users: null };
    throw error;
  }
}

export async function usersAction({ request }: ActionFunctionArgs) {
  return performUserIntent(await request.formData());
}

/** What happened to a user removed from the list (their row, with its own messages, is gone). */
function RemoveResult() {
  const result = useActionData<typeof usersAction>();
  if (result?.intent !== "remove") return null;
  if ("done" in result) {
    return (
      <p role="status" className="ok">
        {result.done}
      </p>
    );
  }
  return result.problem.message ? <ProblemMessage message={result.problem.message} requestId={result.problem.requestId} /> : null;
}

function CreateResult() {
  const result = useActionData<typeof usersAction>();
  return result?.intent === "create" && "done" in result ? (
    <p role="status" className="ok">
      {result.done}
    </p>
  ) : null;
}

/** Who can sign in, with which role; admins add, change and remove them here. */
export function UsersRoute() {
  const { users } = useLoaderData<typeof usersLoader>();
  const result = useActionData<typeof usersAction>();
  const { user, canEdit } = useRootData();
  if (!canEdit || users === null) return <AdminOnly message={ADMIN_ONLY_MESSAGES.users} />;
  return (
    <main id="main" tabIndex={-1} className="page">
      <PageTitle title={"Users"} />
      <h1>Users</h1>
      <RemoveResult />
      <CreateResult />
      <UsersTable users={users} youId={user.id} />
      <AddUserForm result={result} />
    </main>
  );
}
