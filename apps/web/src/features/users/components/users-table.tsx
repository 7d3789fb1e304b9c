import type { User } from "@wc/contracts";
import { UserRow } from "./user-row";
import { TableScroll } from "../../../components/ui/table-scroll";

export function UsersTable({ users, youId }: { users: User[]; youId: string }) {
  if (users.length === 0) return <p>No users yet. Add one with the form below.</p>;
  return (
    <TableScroll label="Users">
      <table className="table">
        <caption className="visually-hidden">People who can sign in</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">Sign-in</th>
            <th scope="col">Last sign-in</th>
            <th scope="col">Active sessions</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <UserRow key={u.id} user={u} isYou={u.id === youId} />
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
