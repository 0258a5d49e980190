import type { Role } from './roles.ts';

/**
 * Who may do what, where. The one table every route asks through `can()`, the web reads to hide
 * what a person cannot do, and the authorization test iterates.
 *
 * Scopes: `own` the actor's own record; `own_association` an association they are an officer
 * of; `own_municipality` a municipality they are staff of; `any` everywhere.
 *
 * Rules name roles, or `signed_in`: anyone signed in, whatever hats they wear (also none, e.g.
 * an account whose only role was removed still reads, exports and deletes itself).
 */
export const scopes = ['own', 'own_association', 'own_municipality', 'any'] as const;
export type Scope = (typeof scopes)[number];
export type Holder = Role | 'signed_in';
type Rule = Partial<Record<Holder, Scope>>;

/** Who a rule names: hats and where they apply (`owner`: anyone signed in, for their own record). */
const owner = { signed_in: 'own' } as const;
const anyoneSignedIn = { signed_in: 'any' } as const;
const volunteers = { volunteer: 'any' } as const;
const theVolunteer = { volunteer: 'own' } as const;
const officers = { officer: 'own_association' } as const;
const municipalStaff = { municipal_staff: 'own_municipality' } as const;
const foundation = { foundation_staff: 'any' } as const;
/** the municipality's staff and the foundation's */
const staff = { ...municipalStaff, ...foundation } as const;
/** the association's officers, its municipality's staff and the foundation */
const overseers = { ...officers, ...staff } as const;
/** the two sides of a match: the association's officers and the volunteer */
const matchSides = { ...officers, ...theVolunteer } as const;

export const permissions = {
  'me.read': owner,
  'me.update': owner,
  'me.export': owner,
  'me.delete': owner,
  'municipalStaff.invite': foundation,
  'association.create': municipalStaff,
  'association.list': overseers,
  'officer.invite': municipalStaff,
  /** take the officer role away (someone left the association); the account itself stays */
  'officer.remove': municipalStaff,
  'invitation.list': staff,
  /** revoke or resend: staff manage officer invitations of their municipality, the foundation staff ones */
  'invitation.manageOfficer': municipalStaff,
  'invitation.manageStaff': foundation,
  'audit.list': staff,
  /** mail the board could not deliver: their municipality's (staff), all (foundation) */
  'delivery.listFailed': staff,

  // help requests (依頼): officers post for their association, staff moderate their municipality
  'request.create': officers,
  'request.edit': officers,
  'request.submit': officers,
  'request.withdraw': officers,
  'request.copy': officers,
  /** delete a draft of their association (only drafts: `deletableStatuses`) */
  'request.delete': officers,
  /** drafts, reviews and other non-public states */
  'request.readPrivate': overseers,
  'request.moderate': municipalStaff,
  /** the posting officer's contact: their association's officers see it (matched volunteers too, per match) */
  'request.readContact': officers,
  /** staff may look the contact up, giving a reason that is audit-logged (DOMAIN.md, Privacy) */
  'request.revealContact': staff,
  'moderation.list': staff,
  'municipality.updateSettings': municipalStaff,
  /** activate, pause, resume a municipality (shared/src/municipalities.ts `municipalityStatusChanges`) */
  'municipality.updateStatus': foundation,
  /** post (and publish) a request for an association of their municipality, from a phone call or a paper form */
  'request.createOnBehalf': municipalStaff,

  // raising a hand, matching, messages, finishing
  'application.create': volunteers,
  'application.withdraw': theVolunteer,
  'application.list': overseers,
  'application.decide': officers,
  'message.read': matchSides,
  'message.send': matchSides,
  'match.complete': officers,
  'match.confirm': theVolunteer,
  'thanks.send': matchSides,

  // flags
  'flag.create': anyoneSignedIn,
  'flag.list': staff,
  'flag.resolve': municipalStaff,

  // oversight (issue 12): every match and every request of the municipality (foundation: all)
  /** list matches, read one's whole timeline, download them as CSV (the download is audited) */
  'match.review': staff,
  /** every request of the municipality in every state, and its CSV */
  'request.listMunicipality': staff,
  /** the figures (KPIs) of their municipality (staff), of any or all Tokyo (foundation), and their downloads */
  'figures.read': staff,
  // suggestions (おすすめ, issue 10): requests for a volunteer; volunteers who agreed, for a request's officers and staff
  'suggestion.listRequests': volunteers,
  'suggestion.listVolunteers': { ...officers, ...municipalStaff },

  /** the demo's captured mail (everyone's sign-in links) when the server is reachable beyond this machine */
  'devMail.read': foundation,
  // the skills vocabulary (issue 10): free tags officers used that match no skill, to grow it
  'skillTag.list': staff,

  // invitations to help (issue 10): an officer asks a suggested volunteer; the volunteer may say no
  'helpInvitation.create': officers,
  'helpInvitation.decline': theVolunteer,
  /** the invitations sent for a request, with what became of them */
  'helpInvitation.list': { ...officers, ...municipalStaff },

  // good cases (好事例, issue 12): officers write, the volunteer chooses, staff approve, the foundation features
  'story.create': officers,
  'story.consent': theVolunteer,
  'story.approve': municipalStaff,
  /** stories of the municipality in every state (foundation: all) */
  'story.review': staff,
  'story.feature': foundation,
} as const satisfies Record<string, Rule>;

export type Action = keyof typeof permissions;
export const actions = Object.keys(permissions) as Action[];

/** One hat a person wears, with where it applies. */
export interface RoleGrant {
  role: Role;
  municipalityCode: string | null;
  associationId: string | null;
}

export interface Actor {
  userId: string;
  roles: RoleGrant[];
}

/** What an action is done to; only the fields the scope needs are compared. */
export interface Resource {
  ownerId?: string | null;
  municipalityCode?: string | null;
  associationId?: string | null;
}

/** The hat `signed_in` rules are checked with: it applies nowhere in particular. */
const signedInGrant = { municipalityCode: null, associationId: null } as const;

function grantCovers(
  grant: Pick<RoleGrant, 'municipalityCode' | 'associationId'>,
  scope: Scope,
  actor: Actor,
  resource: Resource,
): boolean {
  switch (scope) {
    case 'any':
      return true;
    case 'own':
      return resource.ownerId === actor.userId;
    case 'own_municipality':
      return grant.municipalityCode !== null && grant.municipalityCode === resource.municipalityCode;
    case 'own_association':
      return grant.associationId !== null && grant.associationId === resource.associationId;
  }
}

/** May this actor do this action to this resource? */
export function can(actor: Actor | null, action: Action, resource: Resource = {}): boolean {
  if (!actor) return false;
  const rule: Rule = permissions[action];
  if (rule.signed_in && grantCovers(signedInGrant, rule.signed_in, actor, resource)) return true;
  return actor.roles.some((grant) => {
    const scope = rule[grant.role];
    return scope !== undefined && grantCovers(grant, scope, actor, resource);
  });
}

/**
 * Where a listing action may look: everywhere, or only in some municipalities / associations.
 * `null` when the actor may not do it at all.
 */
export type ListScope =
  { kind: 'any' } | { kind: 'limited'; municipalityCodes: string[]; associationIds: string[]; ownerId: string | null };

export function listScope(actor: Actor | null, action: Action): ListScope | null {
  if (!actor) return null;
  const rule: Rule = permissions[action];
  const limited = {
    kind: 'limited' as const,
    municipalityCodes: [] as string[],
    associationIds: [] as string[],
    ownerId: null as string | null,
  };
  let allowed = false;
  if (rule.signed_in === 'any') return { kind: 'any' };
  if (rule.signed_in === 'own') {
    allowed = true;
    limited.ownerId = actor.userId;
  }
  for (const grant of actor.roles) {
    const scope = rule[grant.role];
    if (!scope) continue;
    allowed = true;
    if (scope === 'any') return { kind: 'any' };
    if (scope === 'own') limited.ownerId = actor.userId;
    if (scope === 'own_municipality' && grant.municipalityCode) limited.municipalityCodes.push(grant.municipalityCode);
    if (scope === 'own_association' && grant.associationId) limited.associationIds.push(grant.associationId);
  }
  return allowed ? limited : null;
}

/** Can the actor do this anywhere at all (to decide whether a page shows the button)? */
export function canAtAll(actor: Actor | null, action: Action): boolean {
  return listScope(actor, action) !== null;
}

/**
 * The municipalities a listing covers: the one asked for, if the actor may do the action there;
 * else every municipality in the actor's scope (`'any'`: all of them). `null` when forbidden.
 * Scopes other than municipalities (own, own_association) add nothing here.
 */
export function municipalityScope(actor: Actor | null, action: Action, requested?: string): string[] | 'any' | null {
  if (requested !== undefined) return can(actor, action, { municipalityCode: requested }) ? [requested] : null;
  const scope = listScope(actor, action);
  if (!scope) return null;
  return scope.kind === 'any' ? 'any' : scope.municipalityCodes;
}
