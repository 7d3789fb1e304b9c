import { Router } from "express";
import {
  createUserRequestSchema,
  resetPasswordRequestSchema,
  updateUserRequestSchema,
  type KillSessionsResponse,
  type ListUsersResponse,
  type UserResponse,
} from "@wc/contracts";
import { notFound } from "../platform/http/app-error";
import { requireAdmin, requireAdminSession } from "./roles";
import { param, withBody } from "../platform/http/validate";
import { actorOf, audit, diff, type AuditDeps } from "../audit";
import { auditView, createUser, removeUser, resetPassword, toUser, updateUser } from "./users";

/** Portal accounts; admins only. Every change is audited. */
export function usersRouter(d: AuditDeps) {
  const r = Router();

  r.get("/", requireAdmin, async (_req, res) => {
    const sessions = await d.store.countSessionsByUser();
    const body: ListUsersResponse = { users: (await d.store.listUsers()).map((u) => toUser(u, sessions.get(u.id) ?? 0)) };
    res.json(body);
  });

  // Adding a user, changing a role and setting a password make or strengthen a way to sign in:
  // a browser session only, so an API token can never turn itself into a session.
  r.post(
    "/",
    requireAdminSession,
    withBody(createUserRequestSchema, async (req, res, b) => {
      const u = await createUser(d, b);
      await audit(d, actorOf(req, res), { action: "user.created", targetType: "user", targetId: u.id, targetName: u.email, after: auditView(u) });
      const body: UserResponse = { user: toUser(u, 0) };
      res.status(201).json(body);
    }),
  );

  r.patch(
    "/:id",
    requireAdminSession,
    withBody(updateUserRequestSchema, async (req, res, b) => {
      const { before, after } = await updateUser(d, param(req, "id"), b);
      await audit(d, actorOf(req, res), {
        action: "user.updated",
        targetType: "user",
        targetId: after.id,
        targetName: after.email,
        ...diff(auditView(before), auditView(after)),
      });
      const sessions = await d.store.countSessionsByUser();
      const body: UserResponse = { user: toUser(after, sessions.get(after.id) ?? 0) };
      res.json(body);
    }),
  );

  r.post(
    "/:id/password",
    requireAdminSession,
    withBody(resetPasswordRequestSchema, async (req, res, b) => {
      const { user, ended } = await resetPassword(d, param(req, "id"), b.password);
      await audit(d, actorOf(req, res), {
        action: "user.password_reset",
        targetType: "user",
        targetId: user.id,
        targetName: user.email,
        after: { sessionsEnded: ended },
      });
      res.status(204).end();
    }),
  );

  r.delete("/:id/sessions", requireAdmin, async (req, res) => {
    const id = param(req, "id");
    const user = await d.store.getUser(id);
    if (!user) throw notFound("User");
    const ended = await d.store.deleteSessionsOfUser(id);
    await audit(d, actorOf(req, res), {
      action: "user.sessions_ended",
      targetType: "user",
      targetId: id,
      targetName: user.email,
      after: { sessionsEnded: ended },
    });
    const body: KillSessionsResponse = { ended };
    res.json(body);
  });

  r.delete("/:id", requireAdmin, async (req, res) => {
    const u = await removeUser(d, param(req, "id"));
    await audit(d, actorOf(req, res), { action: "user.removed", targetType: "user", targetId: u.id, targetName: u.email, before: auditView(u) });
    res.status(204).end();
  });
  return r;
}
