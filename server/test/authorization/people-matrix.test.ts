import { accessContextOf } from '../../src/database/door.ts';
import { schema, withAccess } from '@board/db';
import { actions, can, canAtAll, AssociationList, AuditLogPage, InvitationList } from '@board/shared';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  actorsOf,
  associationIdOf,
  bearer,
  createInvitation,
  get,
  rowCounts,
  tenantPersonas,
  useApiApp,
} from '../kit/index.ts';
import {
  associationNameIn,
  peopleRoutes,
  personas,
  secretActionIn,
  targets,
  tokenRoutes,
  type Call,
  type PeopleScene,
  type Persona,
  type RouteCase,
  type Target,
} from './people-routes.ts';

/**
 * The authorization matrix, driven by the permissions table (shared/src/permissions.ts): for every
 * route of the people modules, every demo role and a target in the actor's own and in another
 * municipality, the route must answer 2xx exactly when `can()` says yes, and otherwise 401/403/404
 * with no data of the target and nothing written.
 */

const t = useApiApp();
const scene: PeopleScene = {
  actors: new Map(),
  associationIn: {} as Record<Target, string>,
  secretEmailIn: {} as Record<Target, string>,
};
const { actors, associationIn, secretEmailIn } = scene;
const routes = peopleRoutes(t, scene);

beforeAll(async () => {
  for (const [persona, actor] of await actorsOf(t, tenantPersonas)) actors.set(persona, actor);
  for (const code of targets) {
    associationIn[code] = await associationIdOf(t, associationNameIn[code]);
    secretEmailIn[code] = (
      await createInvitation(t, {
        role: 'officer',
        municipalityCode: code,
        associationId: associationIn[code],
        email: `secret-${code}@example.jp`,
      })
    ).email;
    await t.database.handle.db.insert(schema.auditLog).values({ action: secretActionIn[code], municipalityCode: code });
  }
});

interface Row {
  name: string;
  route: RouteCase;
  persona: Persona;
  target: Target;
}
const rows: Row[] = routes.flatMap((route) =>
  personas.flatMap((persona) =>
    (route.targetKind === 'own' ? (['13121'] as const) : targets).map((target) => ({
      name: `${route.operationId}${route.variant ? ` (${route.variant})` : ''} as ${persona}${route.targetKind === 'own' ? '' : ` → ${target}`}`,
      route,
      persona,
      target,
    })),
  ),
);

describe('authorization matrix (from shared/src/permissions.ts)', () => {
  it('covers every people action in the permissions table and every people route of the API', async () => {
    const peopleActions = actions.filter((a) => /^(me|association|officer|invitation|municipalStaff|audit)\./.test(a));
    expect(new Set(routes.map((r) => r.action))).toEqual(new Set(peopleActions));

    const doc = (await get(t, {}, '/api/openapi.json')).json();
    const ours = ['me', 'associations', 'invitations', 'audit'];
    const documented: string[] = [];
    for (const item of Object.values<Record<string, { operationId: string; tags?: string[] }>>(doc.paths)) {
      for (const op of Object.values(item))
        if (op.tags?.some((tag) => ours.includes(tag))) documented.push(op.operationId);
    }
    const covered = new Set([...routes.map((r) => r.operationId), ...tokenRoutes]);
    expect(new Set(documented)).toEqual(covered);
  });

  it.each(rows)('$name', async ({ route, persona, target }) => {
    let call: Call = {
      actor: actors.get(persona)!,
      headers: persona === 'anonymous' ? {} : await bearer(t, actors.get(persona)!.userId),
      target,
    };
    const prepared = route.prepare ? await route.prepare(call, persona) : { secrets: [] };
    if (prepared.as) call = { ...call, ...prepared.as };

    const resource = route.resource(call);
    const expected = route.unfiltered ? canAtAll(call.actor, route.action) : can(call.actor, route.action, resource);

    const before = await rowCounts(t);
    const invitationBefore = prepared.id
      ? await t.database.handle.db.select().from(schema.invitations).where(eq(schema.invitations.id, prepared.id))
      : null;
    const body = route.body?.(call, prepared);
    const res = await t.app.inject({
      method: route.method,
      url: route.url(call, prepared),
      headers: call.headers,
      ...(body === undefined ? {} : { payload: body as object }),
    });

    if (expected) {
      expect(res.statusCode, `${res.statusCode} ${res.body}`).toBeGreaterThanOrEqual(200);
      expect(res.statusCode, `${res.statusCode} ${res.body}`).toBeLessThan(300);
      return;
    }
    if (persona === 'anonymous') expect(res.statusCode, res.body).toBe(401);
    else expect([403, 404], `${res.statusCode} ${res.body}`).toContain(res.statusCode);
    expect(Object.keys(res.json())).toEqual(['error']);
    for (const secret of prepared.secrets) expect(res.body).not.toContain(secret);
    expect(await rowCounts(t)).toEqual(before);
    if (prepared.id) {
      const after = await t.database.handle.db
        .select()
        .from(schema.invitations)
        .where(eq(schema.invitations.id, prepared.id));
      expect(after).toEqual(invitationBefore);
    }
  });
});

describe('tenant isolation of listings', () => {
  beforeAll(async () => {
    // rows in both municipalities beyond the demo's
    for (const code of targets) {
      for (let i = 0; i < 3; i++) {
        await createInvitation(t, { role: 'officer', municipalityCode: code, associationId: associationIn[code] });
        await createInvitation(t, { role: 'municipal_staff', municipalityCode: code });
      }
      await t.database.handle.db.insert(schema.auditLog).values([
        { action: 'test.isolation', municipalityCode: code },
        { action: 'test.isolation', municipalityCode: code },
      ]);
    }
  });

  const staff = [
    ['staff13121', '13121'],
    ['staff13104', '13104'],
  ] as const;

  it.each(staff)("%s sees exactly their municipality's rows in every listing", async (persona, code) => {
    const headers = await bearer(t, actors.get(persona)!.userId);
    const db = t.database.handle.db;

    const invitations = InvitationList.parse((await get(t, headers, '/api/invitations')).json());
    const invitationsInDb = await db
      .select()
      .from(schema.invitations)
      .where(eq(schema.invitations.municipalityCode, code));
    expect(invitations.items.map((i) => i.id).sort()).toEqual(invitationsInDb.map((i) => i.id).sort());

    const associations = AssociationList.parse((await get(t, headers, '/api/associations')).json());
    const associationsInDb = await db
      .select()
      .from(schema.associations)
      .where(eq(schema.associations.municipalityCode, code));
    expect(associations.items.map((a) => a.id).sort()).toEqual(associationsInDb.map((a) => a.id).sort());

    const audit = AuditLogPage.parse((await get(t, headers, '/api/audit-log?limit=200')).json());
    const auditInDb = await db.select().from(schema.auditLog).where(eq(schema.auditLog.municipalityCode, code));
    expect(audit.items.map((e) => e.id).sort()).toEqual(auditInDb.map((e) => e.id).sort());
    expect(audit.items.length).toBeGreaterThan(0);
  });

  it.each(staff)(
    '%s: row-level security alone hides other municipalities, even from a query without a filter',
    async (persona, code) => {
      const actor = actors.get(persona)!;
      const seen = await withAccess(t.database.handle.db, accessContextOf(actor), async (tx) => ({
        invitations: await tx.select().from(schema.invitations),
        audit: await tx.select().from(schema.auditLog),
        roles: await tx.select().from(schema.roleAssignments),
      }));
      expect(seen.invitations.length).toBeGreaterThan(0);
      expect(seen.invitations.every((i) => i.municipalityCode === code)).toBe(true);
      expect(
        seen.audit.every(
          (e) => e.municipalityCode === code || (e.municipalityCode === null && e.actorId === actor.userId),
        ),
      ).toBe(true);
      expect(seen.roles.every((r) => r.municipalityCode === code || r.userId === actor.userId)).toBe(true);

      // and it refuses writes into another municipality
      const other = code === '13121' ? '13104' : '13121';
      await expect(
        withAccess(t.database.handle.db, accessContextOf(actor), (tx) =>
          tx.insert(schema.associations).values({ municipalityCode: other, name: 'RLS test' }),
        ),
      ).rejects.toThrow();
    },
  );
});
