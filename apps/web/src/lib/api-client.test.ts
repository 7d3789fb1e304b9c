import { checkStreamLineSchema, connectorResponseSchema, CSRF_HEADER, killSessionsResponseSchema, routes, sessionResponseSchema } from "@wc/contracts";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { caught } from "../testing/caught";
import { server } from "../testing/server";
import { makeConnector, sessionFor } from "../testing/fixtures";
import { api, recorder } from "../testing/handlers";
import { apiClient, SessionEndedError } from "./api-client";
import { postNdjson } from "./ndjson-stream";

describe("apiClient", () => {
  it("when the response matches the schema, then it returns the parsed value without unknown keys", async () => {
    server.use(http.get(routes.connector("c1"), () => HttpResponse.json({ connector: { ...makeConnector(), clientSecret: "s3cret", refreshToken: "rt" } })));
    const { connector } = await apiClient.get(routes.connector("c1"), connectorResponseSchema);
    expect(connector.name).toBe("Acme sandbox");
    expect(JSON.stringify(connector)).not.toContain("s3cret");
    expect(JSON.stringify(connector)).not.toContain('rt"');
  });

  it("when the response does not match the schema, then it throws invalid_response", async () => {
    server.use(http.get(routes.session, () => HttpResponse.json({ user: { id: 1 } })));
    const error = await caught(apiClient.get(routes.session, sessionResponseSchema));
    expect(error.code).toBe("invalid_response");
    expect(error.status).toBe(200);
  });

  it("when the BFF answers with its error shape, then the ApiError carries code, message, fields, requestId and status", async () => {
    server.use(
      api.error("put", routes.connectorDetails("c1"), 400, {
        code: "validation_failed",
        message: "Some details need fixing.",
        fields: { tokenEndpoint: "Token Endpoint must start with https://." },
        requestId: "req-42",
      }),
    );
    const error = await caught(apiClient.put(routes.connectorDetails("c1"), {}, connectorResponseSchema));
    expect(error).toMatchObject({ code: "validation_failed", status: 400, requestId: "req-42", message: "Some details need fixing." });
    expect(error.fields.tokenEndpoint).toBe("Token Endpoint must start with https://.");
  });

  it("when an error has no readable body, then it becomes http_error with the status", async () => {
    server.use(http.get(routes.connectors, () => new HttpResponse("<html>Bad gateway</html>", { status: 502 })));
    const error = await caught(apiClient.get(routes.connectors, sessionResponseSchema));
    expect(error.code).toBe("http_error");
    expect(error.status).toBe(502);
    expect(error.message).toMatch(/502/);
  });

  it("when the network fails, then it throws network_error", async () => {
    server.use(http.get(routes.session, () => HttpResponse.error()));
    const error = await caught(apiClient.get(routes.session, sessionResponseSchema));
    expect(error.code).toBe("network_error");
  });

  it("when it sends a state-changing request, then it carries the CSRF header, a JSON body and same-origin credentials", async () => {
    const { calls, record } = recorder();
    server.use(api.write("post", routes.connectors, makeConnector(), record));
    await apiClient.post(routes.connectors, { name: "Acme" }, connectorResponseSchema);
    const [call] = calls;
    expect(call?.headers.get(CSRF_HEADER)).toBe("1");
    expect(call?.headers.get("content-type")).toBe("application/json");
    expect(call?.body).toEqual({ name: "Acme" });
    expect(call?.credentials).toBe("same-origin");
  });

  it("when it sends a GET, then no CSRF header is added", async () => {
    let header: string | null = "unset";
    server.use(
      http.get(routes.session, ({ request }) => {
        header = request.headers.get(CSRF_HEADER);
        return HttpResponse.json(sessionFor("admin"));
      }),
    );
    await apiClient.get(routes.session, sessionResponseSchema);
    expect(header).toBeNull();
  });

  it("when it deletes, then a 204 resolves and the CSRF header is sent", async () => {
    let header: string | null = null;
    server.use(
      http.delete(routes.connector("c1"), ({ request }) => {
        header = request.headers.get(CSRF_HEADER);
        return new HttpResponse(null, { status: 204 });
      }),
    );
    await expect(apiClient.delete(routes.connector("c1"))).resolves.toBeUndefined();
    expect(header).toBe("1");
  });

  it("when a call made with a session gets 401, then it throws SessionEndedError, not an ApiError a page would show", async () => {
    server.use(api.error("get", routes.connectors, 401, { code: "unauthenticated", message: "Sign in to continue." }));
    const error = await apiClient.get(routes.connectors, sessionResponseSchema).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SessionEndedError);
  });

  it("when a streamed call gets 401, then it throws SessionEndedError too", async () => {
    server.use(api.error("post", routes.connectorChecks("c1"), 401, { code: "unauthenticated", message: "Sign in to continue." }));
    const error = await postNdjson(routes.connectorChecks("c1"), checkStreamLineSchema, () => undefined).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SessionEndedError);
  });

  it("when a call that checks credentials gets 401, then the API's message comes back as an ApiError", async () => {
    server.use(api.error("post", routes.signIn, 401, { code: "unauthenticated", message: "Email or password is incorrect." }));
    const error = await caught(apiClient.post(routes.signIn, {}, sessionResponseSchema, { checksCredentials: true }));
    expect(error).toMatchObject({ code: "unauthenticated", status: 401, message: "Email or password is incorrect." });
  });

  it("when a POST answers 204 or a DELETE answers with a body, then postNoContent resolves and deleteWith parses it", async () => {
    server.use(
      api.noContent("post", routes.signOut),
      http.delete(routes.userSessions("u2"), () => HttpResponse.json({ ended: 2 })),
    );
    await expect(apiClient.postNoContent(routes.signOut)).resolves.toBeUndefined();
    await expect(apiClient.deleteWith(routes.userSessions("u2"), killSessionsResponseSchema)).resolves.toEqual({ ended: 2 });
  });
});
