import { can, DomainError, type Action, type Actor, type Resource } from '@board/shared';

/**
 * Goes on only if the actor may do `action` (on `resource`: whose municipality, association or
 * account it is); otherwise refuses with FORBIDDEN and `why`, the sentence API clients and the
 * logs read. The one way a service says no to someone (shared/src/permissions.ts says who may).
 */
export function authorize(actor: Actor | null, action: Action, why: string, resource?: Resource): void {
  if (!can(actor, action, resource)) throw new DomainError('FORBIDDEN', why);
}
