import { accessContextOf } from '../../src/plugins/app/authentication.ts';
import { schema, withAccess } from '@board/db';
import {
  actions,
  can,
  canAtAll,
  type Action,
  type Actor,
  type Resource,
  AssociationList,
  AuditLogPage,
  InvitationList,
} from '@board/shared';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  actorOf,
  associationIdOf,
  bearer,
  createInvitation,
  createPerson,
  demoEmails,
  freshEmail,
  rowCounts,
  useApiApp,
  userIdOf,
} from '../kit/index.ts';

/**
 * The authorization matrix, driven by the permissions table (shared/src/permissions.ts): for every
 * route of the people modules, every demo role and a target in the actor's own and in another
 * municipality, the route must answer 2xx exactly when `can()` says yes, and otherwise 401/403/404
 * with no data of the target and nothing written.
 */

const personas = ['anonymous', 'volunteer', 'officer13121', 'staff13121', 'staff13104', 'foundation'] as const;
type Persona = (typeof personas)[number];
const personaEmail: Record<Exclude<Persona, 'anonymous'>, string> = {
  volunteer: demoEmails.volunteer1,
  officer13121: demoEmails.officerSenju,
  staff13121: demoEmails.staffAdachi,
  staff13104: demoEmails.staffShinjuku,
  foundation: demoEmails.foundation,
};
const targets = ['13121', '13104'] as const;
type Target = (typeof targets)[number];

const t = useApiApp();
const actors = new Map<Persona, Actor | null>();
const associationIn = {} as Record<Target, string>;
const associationNameIn: Record<Target, string> = { '13121': '千住一丁目町会', '13104': '大久保二丁目町会' };
/** an invitation and an audit entry per municipality whose contents must never leak to the wrong caller */
const secretEmailIn = {} as Record<Target, string>;
const secretActionIn: Record<Target, string> = { '13121': 'secret.adachi', '13104': 'secret.shinjuku' };

interface Call {
  actor: Actor | null;
  headers: Record<string, string>;
  target: Target;
}

interface Prepared {
  /** what the route acts on (ids made for this call) */
  id?: string;
  /** strings that must not appear in a refused answer */
  secrets: string[];
  /** the call acts as this fresh person instead of the persona's demo account */
  as?: { actor: Actor; headers: Record<string, string> };
}

interface RouteCase {
  operationId: string;
  /** a variant of the same route, e.g. with or without a municipality filter */
  variant?: string;
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  action: Action;
  /** `own`: the actor's own record, run once; `municipality`: run against each target */
  targetKind: 'own' | 'municipality';
  /** listing without a filter: allowed when the actor may do it anywhere at all */
  unfiltered?: boolean;
  prepare?: (call: Call, persona: Persona) => Promise<Prepared>;
  url: (call: Call, prepared: Prepared) => string;
  body?: (call: Call, prepared: Prepared) => unknown;
  resource: (call: Call) => Resource;
}

const none = async (call: Call): Promise<Prepared> => ({
  secrets: [secretEmailIn[call.target], secretActionIn[call.target]],
});

async function freshInvitation(call: Call, role: 'officer' | 'municipal_staff'): Promise<Prepared> {
  const inv = await createInvitation(t, {
    role,
    municipalityCode: call.target,
    associationId: role === 'officer' ? associationIn[call.target] : null,
    email: freshEmail(`matrix-${call.target}`),
  });
  return { id: inv.id, secrets: [inv.email] };
}

/** a throwaway person with the same hats as the persona, for the route that deletes its caller */
async function cloneOf(persona: Persona): Promise<Prepared> {
  const demo = actors.get(persona);
  if (!demo) return { secrets: [] };
  const person = await createPerson(t, {
    password: 'matrix password 2026',
    roles: demo.roles.map((g) => ({ ...g })),
  });
  return { secrets: [], as: { actor: { userId: person.id, roles: demo.roles }, headers: await bearer(t, person.id) } };
}

/** a new officer of the target's association, whose name must not leak to a refused caller */
async function freshOfficer(call: Call): Promise<Prepared> {
  const displayName = `マトリクス役員 ${freshEmail('name')}`;
  const person = await createPerson(t, {
    displayName,
    roles: [{ role: 'officer', municipalityCode: call.target, associationId: associationIn[call.target] }],
  });
  return { id: person.id, secrets: [displayName] };
}

const ownResource = (call: Call): Resource => ({ ownerId: call.actor?.userId ?? '__nobody__' });
const inTarget = (call: Call): Resource => ({ municipalityCode: call.target });

const routes: RouteCase[] = [
  {
    operationId: 'getMe',
    method: 'GET',
    action: 'me.read',
    targetKind: 'own',
    url: () => '/api/me',
    resource: ownResource,
  },
  {
    operationId: 'updateMe',
    method: 'PATCH',
    action: 'me.update',
    targetKind: 'own',
    url: () => '/api/me',
    body: () => ({ language: 'ja' }),
    resource: ownResource,
  },
  {
    operationId: 'exportMyData',
    method: 'GET',
    action: 'me.export',
    targetKind: 'own',
    url: () => '/api/me/export',
    resource: ownResource,
  },
  {
    operationId: 'deleteMe',
    method: 'DELETE',
    action: 'me.delete',
    targetKind: 'own',
    prepare: (_call, persona) => cloneOf(persona),
    url: () => '/api/me',
    body: () => ({ password: 'matrix password 2026' }),
    resource: ownResource,
  },
  {
    operationId: 'inviteMunicipalStaff',
    method: 'POST',
    action: 'municipalStaff.invite',
    targetKind: 'municipality',
    url: () => '/api/invitations/municipal-staff',
    body: (call) => ({ email: freshEmail('matrix-staff'), municipalityCode: call.target, language: 'ja' }),
    resource: inTarget,
  },
  {
    operationId: 'createAssociation',
    method: 'POST',
    action: 'association.create',
    targetKind: 'municipality',
    url: () => '/api/associations',
    body: (call) => ({ municipalityCode: call.target, name: `マトリクス町会 ${freshEmail()}` }),
    resource: inTarget,
  },
  {
    operationId: 'listAssociations',
    variant: 'one municipality',
    method: 'GET',
    action: 'association.list',
    targetKind: 'municipality',
    prepare: async (call) => ({ secrets: [associationNameIn[call.target]] }),
    url: (call) => `/api/associations?municipalityCode=${call.target}`,
    resource: inTarget,
  },
  {
    operationId: 'listAssociations',
    variant: 'unfiltered',
    method: 'GET',
    action: 'association.list',
    targetKind: 'municipality',
    unfiltered: true,
    prepare: async (call) => ({ secrets: [associationNameIn[call.target]] }),
    url: () => '/api/associations',
    resource: inTarget,
  },
  {
    operationId: 'listAssociationOfficers',
    method: 'GET',
    action: 'association.list',
    targetKind: 'municipality',
    prepare: (call) => freshOfficer(call),
    url: (call) => `/api/associations/${associationIn[call.target]}/officers`,
    resource: (call) => ({ municipalityCode: call.target, associationId: associationIn[call.target] }),
  },
  {
    operationId: 'removeAssociationOfficer',
    method: 'POST',
    action: 'officer.remove',
    targetKind: 'municipality',
    prepare: (call) => freshOfficer(call),
    url: (call, prepared) => `/api/associations/${associationIn[call.target]}/officers/${prepared.id}/remove`,
    resource: inTarget,
  },
  {
    operationId: 'inviteOfficer',
    method: 'POST',
    action: 'officer.invite',
    targetKind: 'municipality',
    url: () => '/api/invitations/officers',
    body: (call) => ({
      email: freshEmail('matrix-officer'),
      associationId: associationIn[call.target],
      language: 'ja',
    }),
    resource: inTarget,
  },
  {
    operationId: 'listInvitations',
    variant: 'one municipality',
    method: 'GET',
    action: 'invitation.list',
    targetKind: 'municipality',
    prepare: none,
    url: (call) => `/api/invitations?municipalityCode=${call.target}`,
    resource: inTarget,
  },
  {
    operationId: 'listInvitations',
    variant: 'unfiltered',
    method: 'GET',
    action: 'invitation.list',
    targetKind: 'municipality',
    unfiltered: true,
    prepare: none,
    url: () => '/api/invitations',
    resource: inTarget,
  },
  ...(['resend', 'revoke'] as const).flatMap((verb): RouteCase[] => [
    {
      operationId: `${verb}Invitation`,
      variant: 'officer invitation',
      method: 'POST',
      action: 'invitation.manageOfficer',
      targetKind: 'municipality',
      prepare: (call) => freshInvitation(call, 'officer'),
      url: (_call, p) => `/api/invitations/${p.id}/${verb}`,
      resource: inTarget,
    },
    {
      operationId: `${verb}Invitation`,
      variant: 'staff invitation',
      method: 'POST',
      action: 'invitation.manageStaff',
      targetKind: 'municipality',
      prepare: (call) => freshInvitation(call, 'municipal_staff'),
      url: (_call, p) => `/api/invitations/${p.id}/${verb}`,
      resource: inTarget,
    },
  ]),
  {
    operationId: 'listAuditLog',
    variant: 'one municipality',
    method: 'GET',
    action: 'audit.list',
    targetKind: 'municipality',
    prepare: none,
    url: (call) => `/api/audit-log?municipalityCode=${call.target}`,
    resource: inTarget,
  },
  {
    operationId: 'listAuditLog',
    variant: 'unfiltered',
    method: 'GET',
    action: 'audit.list',
    targetKind: 'municipality',
    unfiltered: true,
    prepare: none,
    url: () => '/api/audit-log',
    resource: inTarget,
  },
];

/** Routes whose authority is the emailed token, not a role; tested in people/invitations.test.ts. */
const tokenRoutes = ['previewInvitation', 'acceptInvitation'];

beforeAll(async () => {
  actors.set('anonymous', null);
  for (const [persona, email] of Object.entries(personaEmail)) {
    actors.set(persona as Persona, await actorOf(t, await userIdOf(t, email)));
  }
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

    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
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

    const invitations = InvitationList.parse(
      (await t.app.inject({ method: 'GET', url: '/api/invitations', headers })).json(),
    );
    const invitationsInDb = await db
      .select()
      .from(schema.invitations)
      .where(eq(schema.invitations.municipalityCode, code));
    expect(invitations.items.map((i) => i.id).sort()).toEqual(invitationsInDb.map((i) => i.id).sort());

    const associations = AssociationList.parse(
      (await t.app.inject({ method: 'GET', url: '/api/associations', headers })).json(),
    );
    const associationsInDb = await db
      .select()
      .from(schema.associations)
      .where(eq(schema.associations.municipalityCode, code));
    expect(associations.items.map((a) => a.id).sort()).toEqual(associationsInDb.map((a) => a.id).sort());

    const audit = AuditLogPage.parse(
      (await t.app.inject({ method: 'GET', url: '/api/audit-log?limit=200', headers })).json(),
    );
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
