import { redirect } from "react-router";
import { paths } from "../../config/paths";
import { signOut } from "../../features/session/api/sign-out";
import { SessionEndedError } from "../../lib/api-client";

/** The top bar's Sign out posts here. A session that already ended is as good as signed out. */
export async function signOutAction() {
  try {
    await signOut();
  } catch (error) {
    if (!(error instanceof SessionEndedError)) throw error;
  }
  return redirect(paths.signIn.getHref());
}

/** Opening /sign-out in the address bar signs nobody out (only a POST does). */
export function signOutLoader() {
  return redirect(paths.connectors.getHref());
}
