import { describe, expect, it } from "vitest";
import { classifyActivityAnswer, classifyTokenFailureForSync, parseWorkersPage, workerAccount, type ActivityAnswer } from "../src";

const answer = (over: Partial<ActivityAnswer>): ActivityAnswer => ({
  httpStatus: 200,
  body: { data: [], total: 0 },
  environment: "production",
  offset: 0,
  refreshed: false,
  ...over,
});

describe("classifyActivityAnswer", () => {
  it("when Workday answers 200 with data, then the page is used", () => {
    expect(classifyActivityAnswer(answer({}))).toEqual({ outcome: "pass" });
  });

  it("when the first 401 arrives, then the token is refreshed; a second 401 stops with access_token_rejected", () => {
    expect(classifyActivityAnswer(answer({ httpStatus: 401, body: { error: "invalid_token" } }))).toEqual({ outcome: "refresh_token" });
    expect(classifyActivityAnswer(answer({ httpStatus: 401, refreshed: true }))).toEqual({ outcome: "definitive", reasonCode: "access_token_rejected" });
  });

  it("when Workday answers 403 permission denied, then sync stops with the System Auditing permission named", () => {
    expect(classifyActivityAnswer(answer({ httpStatus: 403, body: { error: "permission denied" } }))).toEqual({
      outcome: "definitive",
      reasonCode: "permission_system_auditing",
    });
  });

  it("when Workday rate-limits, fails or times out, then sync retries with the health check's reason", () => {
    expect(classifyActivityAnswer(answer({ httpStatus: 429 }))).toEqual({ outcome: "transient", reasonCode: "rate_limited" });
    expect(classifyActivityAnswer(answer({ httpStatus: 503, body: "down" }))).toEqual({ outcome: "transient", reasonCode: "workday_unavailable" });
    expect(classifyActivityAnswer(answer({ httpStatus: null, body: null, networkError: "timeout" }))).toEqual({
      outcome: "transient",
      reasonCode: "workday_timeout",
    });
    expect(classifyActivityAnswer(answer({ httpStatus: 200, body: "{trunc" }))).toEqual({ outcome: "transient", reasonCode: "malformed_response" });
  });

  it("when a later page is refused with 400, then the window re-anchors; on the first page it is not an offset problem", () => {
    expect(classifyActivityAnswer(answer({ httpStatus: 400, offset: 10_001 }))).toEqual({ outcome: "reanchor" });
    expect(classifyActivityAnswer(answer({ httpStatus: 400, offset: 0 })).outcome).toBe("transient");
  });
});

describe("classifyTokenFailureForSync", () => {
  it("when the refresh fails with invalid_grant, then it is definitive (sandbox_refreshed on a sandbox)", () => {
    expect(classifyTokenFailureForSync({ httpStatus: 400, body: { error: "invalid_grant" }, environment: "production" })).toEqual({
      outcome: "definitive",
      reasonCode: "refresh_invalid_grant",
    });
    expect(classifyTokenFailureForSync({ httpStatus: 400, body: { error: "invalid_grant" }, environment: "sandbox" })).toEqual({
      outcome: "definitive",
      reasonCode: "sandbox_refreshed",
    });
  });

  it("when the token endpoint is down, then it is transient", () => {
    expect(classifyTokenFailureForSync({ httpStatus: null, body: null, networkError: "reset", environment: null })).toEqual({
      outcome: "transient",
      reasonCode: "workday_unavailable",
    });
  });
});

describe("worker accounts", () => {
  it("when a WorkerSummary has a work email, then its local part is the account name", () => {
    expect(
      workerAccount({
        id: "w1",
        descriptor: "Logan Martin",
        primaryWorkEmail: "LMartin@acme.example",
        businessTitle: "Payroll Partner",
        isManager: true,
        primarySupervisoryOrganization: { id: "o", descriptor: "Payroll (Ada)" },
      }),
    ).toEqual({
      workerId: "w1",
      systemAccount: "lmartin",
      name: "Logan Martin",
      email: "LMartin@acme.example",
      businessTitle: "Payroll Partner",
      organization: "Payroll (Ada)",
      isManager: true,
    });
  });

  it("when a worker has no id, then it is skipped; without email it has no account name", () => {
    const page = parseWorkersPage({ data: [{ descriptor: "x" }, { id: "w2", descriptor: "No Mail" }], total: 2 });
    expect(page).toEqual({ total: 2, received: 2, accounts: [expect.objectContaining({ workerId: "w2", systemAccount: null })] });
    expect(parseWorkersPage({ error: "x" })).toBeNull();
  });
});
