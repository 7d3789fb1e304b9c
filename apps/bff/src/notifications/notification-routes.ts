import { Router } from "express";
import { channelRequestSchema, type ChannelCreatedResponse, type ChannelsResponse, type ChannelView, type DeliveryLogResponse } from "@wc/contracts";
import { notFound } from "../platform/http/app-error";
import { param, withBody } from "../platform/http/validate";
import { requireAdmin, requirePrincipal, requireSupport } from "../auth";
import { actorOf, audit, diff, type AuditDeps } from "../audit";
import { auditView, createChannel, loadChannel, rotateSigningSecret, toView, updateChannel, type ChannelDeps } from "./channels";
import { testEvent } from "./outbox-events";

const LOG_LIMIT = 200;

/** Notification channels: admins change them, support reads them and their delivery logs. */
export function notificationsRouter(d: ChannelDeps & AuditDeps) {
  const r = Router();
  const view = async (id: string): Promise<ChannelView> => {
    const c = await loadChannel(d, id);
    return toView(c, (await d.store.listAttempts(c.id, 1))[0] ?? null);
  };

  r.get("/channels", requireSupport, async (_req, res) => {
    const channels = await d.store.listChannels();
    const body: ChannelsResponse = { channels: await Promise.all(channels.map(async (c) => toView(c, (await d.store.listAttempts(c.id, 1))[0] ?? null))) };
    res.json(body);
  });

  r.post(
    "/channels",
    requireAdmin,
    withBody(channelRequestSchema, async (req, res, b) => {
      const { channel, signingSecret } = await createChannel(d, b);
      await audit(d, actorOf(req, res), {
        action: "notification.channel_created",
        targetType: "channel",
        targetId: channel.id,
        targetName: channel.name,
        after: auditView(channel),
      });
      const body: ChannelCreatedResponse = { channel: toView(channel, null), signingSecret };
      res.status(201).json(body);
    }),
  );

  r.get("/channels/:id", requireSupport, async (req, res) => {
    res.json(await view(param(req, "id")));
  });

  r.put(
    "/channels/:id",
    requireAdmin,
    withBody(channelRequestSchema, async (req, res, b) => {
      const { before, after } = await updateChannel(d, param(req, "id"), b);
      await audit(d, actorOf(req, res), {
        action: "notification.channel_updated",
        targetType: "channel",
        targetId: after.id,
        targetName: after.name,
        ...diff(auditView(before), auditView(after)),
      });
      res.json(await view(after.id));
    }),
  );

  r.delete("/channels/:id", requireAdmin, async (req, res) => {
    const c = await loadChannel(d, param(req, "id"));
    // Another request may have deleted it since it was read: one deletion, one audit entry.
    if (!(await d.store.deleteChannel(c.id))) throw notFound("Notification channel");
    await audit(d, actorOf(req, res), {
      action: "notification.channel_deleted",
      targetType: "channel",
      targetId: c.id,
      targetName: c.name,
      before: auditView(c),
    });
    res.status(204).end();
  });

  r.post("/channels/:id/test", requireAdmin, async (req, res) => {
    const c = await loadChannel(d, param(req, "id"));
    const e = testEvent(c, requirePrincipal(res).name, d.now());
    await d.store.enqueueEvent(e);
    await audit(d, actorOf(req, res), {
      action: "notification.test_sent",
      targetType: "channel",
      targetId: c.id,
      targetName: c.name,
      after: { eventId: e.id },
    });
    res.status(202).json({ eventId: e.id });
  });

  r.post("/channels/:id/secret", requireAdmin, async (req, res) => {
    const { channel, signingSecret } = await rotateSigningSecret(d, param(req, "id"));
    await audit(d, actorOf(req, res), { action: "notification.secret_rotated", targetType: "channel", targetId: channel.id, targetName: channel.name });
    res.json({ signingSecret });
  });

  r.get("/channels/:id/deliveries", requireSupport, async (req, res) => {
    const c = await loadChannel(d, param(req, "id"));
    const body: DeliveryLogResponse = { attempts: await d.store.listAttempts(c.id, LOG_LIMIT) };
    res.json(body);
  });
  return r;
}
