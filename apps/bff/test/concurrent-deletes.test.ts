import { expect, it } from "vitest";
import { channelCreatedResponseSchema, listAuditResponseSchema, policyViewSchema, routes } from "@wc/contracts";
import { describeEachEngine } from "./each-engine";

/**
 * Two admins acting on one record at once: each change is answered and audited once. On
 * PostgreSQL the requests really overlap (a pool of connections), and four DELETEs of one policy
 * used to answer 204 four times, each with its own "deleted" audit entry.
 */
describeEachEngine("deletes and updates racing on one record", (bff) => {
  const audited = async (action: string, targetId: string) =>
    listAuditResponseSchema.parse((await bff().client.get(`${routes.audit}?action=${action}&targetId=${encodeURIComponent(targetId)}`)).json()).entries.length;
  const statuses = (rs: { status: number }[]) => rs.map((r) => r.status).sort();
  const policy = { severity: "low", condition: { field: "taskDisplayName", op: "is", values: ["Start Proxy"] } };

  it("when a policy is deleted by four requests at once, then one answers 204 and one deletion is audited", async () => {
    const created = policyViewSchema.parse((await bff().client.post(routes.policies, { name: "Deleted once", ...policy })).json());
    const deletes = await Promise.all(Array.from({ length: 4 }, () => bff().client.delete(routes.policy(created.id))));
    expect(statuses(deletes)).toEqual([204, 404, 404, 404]);
    expect(await audited("policy.deleted", created.id)).toBe(1);
  });

  it("when a policy is updated by four requests while four delete it, then every 200 is an audited update and one delete answers 204", async () => {
    const created = policyViewSchema.parse((await bff().client.post(routes.policies, { name: "Raced policy", ...policy })).json());
    const answers = await Promise.all([
      ...Array.from({ length: 4 }, (_, i) => bff().client.put(routes.policy(created.id), { name: `Raced policy ${i}`, ...policy, severity: "high" })),
      ...Array.from({ length: 4 }, () => bff().client.delete(routes.policy(created.id))),
    ]);
    const [puts, deletes] = [answers.slice(0, 4), answers.slice(4)];
    expect(statuses(deletes)).toEqual([204, 404, 404, 404]);
    expect(puts.every((r) => r.status === 200 || r.status === 404)).toBe(true);
    expect(await audited("policy.deleted", created.id)).toBe(1);
    expect(await audited("policy.updated", created.id)).toBe(puts.filter((r) => r.status === 200).length);
    expect((await bff().client.get(routes.policy(created.id))).status).toBe(404);
  });

  it("when a notification channel is deleted by four requests at once, then one answers 204 and one deletion is audited", async () => {
    const { channel } = channelCreatedResponseSchema.parse(
      (
        await bff().client.post(routes.notificationChannels, {
          kind: "email",
          name: "Raced channel",
          recipients: ["soc@example.com"],
          events: ["consent.completed"],
        })
      ).json(),
    );
    const deletes = await Promise.all(Array.from({ length: 4 }, () => bff().client.delete(routes.notificationChannel(channel.id))));
    expect(statuses(deletes)).toEqual([204, 404, 404, 404]);
    expect(await audited("notification.channel_deleted", channel.id)).toBe(1);
  });
});
