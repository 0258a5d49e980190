import type { Action, Actor, Resource } from '@board/shared';
import { bearer, createInvitation, createPerson, freshEmail, tenantPersonas, type TestApp } from '../kit/index.ts';

/** The people routes of the authorization matrix: what each call prepares, asks and acts on. */

export type Persona = keyof typeof tenantPersonas;
export const personas = Object.keys(tenantPersonas) as Persona[];
export const targets = ['13121', '13104'] as const;
export type Target = (typeof targets)[number];

export const associationNameIn: Record<Target, string> = { '13121': '千住一丁目町会', '13104': '大久保二丁目町会' };
export const secretActionIn: Record<Target, string> = { '13121': 'secret.adachi', '13104': 'secret.shinjuku' };

export interface Call {
  actor: Actor | null;
  headers: Record<string, string>;
  target: Target;
}

export interface Prepared {
  /** what the route acts on (ids made for this call) */
  id?: string;
  /** strings that must not appear in a refused answer */
  secrets: string[];
  /** the call acts as this fresh person instead of the persona's demo account */
  as?: { actor: Actor; headers: Record<string, string> };
}

export interface RouteCase {
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

/** What the matrix sets up before its first test (filled in its `beforeAll`). */
export interface PeopleScene {
  actors: Map<Persona, Actor | null>;
  associationIn: Record<Target, string>;
  /** an invitation per municipality whose contents must never leak to the wrong caller */
  secretEmailIn: Record<Target, string>;
}

export function peopleRoutes(t: TestApp, scene: PeopleScene): RouteCase[] {
  const { actors, associationIn, secretEmailIn } = scene;
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
    return {
      secrets: [],
      as: { actor: { userId: person.id, roles: demo.roles }, headers: await bearer(t, person.id) },
    };
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

  return [
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
      method: 'POST',
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
}

/** Routes whose authority is the emailed token, not a role; tested in people/invitations-accepting.test.ts. */
export const tokenRoutes = ['previewInvitation', 'acceptInvitation'];
