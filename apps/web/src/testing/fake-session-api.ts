import { routes, type SessionResponse, type SignInRequest } from "@wc/contracts";
import { http, HttpResponse } from "msw";
import { sessionFor, signedOut } from "./fixtures";
import { recorder } from "./handlers";
import { server } from "./server";

/**
 * The BFF's session in memory: GET /api/session answers what sign-in and sign-out last did, so a
 * test can sign in and see the gated pages open. Sign-in accepts `password` for any email.
 */
export function fakeSessionApi({ initial = signedOut(), password = "correct-horse-battery" }: { initial?: SessionResponse; password?: string } = {}) {
  const state = { session: initial };
  const { calls, record } = recorder();
  server.use(
    http.get(routes.session, () => HttpResponse.json(state.session)),
    http.post<never, SignInRequest>(routes.signIn, async ({ request }) => {
      await record(request);
      const body = await request.json();
      if (body.password !== password) {
        return HttpResponse.json({ error: { code: "unauthenticated", message: "Email or password is incorrect." } }, { status: 401 });
      }
      state.session = sessionFor("admin");
      return HttpResponse.json(state.session);
    }),
    http.post(routes.signOut, async ({ request }) => {
      await record(request);
      state.session = signedOut();
      return new HttpResponse(null, { status: 204 });
    }),
  );
  return { state, calls };
}
