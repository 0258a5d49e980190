import type { Association, Invitation, ModerationQueue } from '@board/shared';
import { canAtAll } from '@board/shared';
import { actorOf } from '#lib/actor.ts';
import { fetchAllMunicipalities } from '#lib/server/municipalities.ts';
import { callApi } from '#lib/server/api.ts';
import { requireStaffArea } from '#lib/server/guards.ts';
import type { PageServerLoad } from './$types';

const welcomeRoles = ['officer', 'municipal_staff'] as const;

export const load: PageServerLoad = async (event) => {
  const me = requireStaffArea(event.locals, event.url);
  const actor = actorOf(me);

  const [associations, pending, municipalities, queue] = await Promise.all([
    canAtAll(actor, 'association.list')
      ? callApi<{ items: Association[] }>(event, 'GET', '/api/associations')
      : Promise.resolve(null),
    canAtAll(actor, 'invitation.list')
      ? callApi<{ items: Invitation[] }>(event, 'GET', '/api/invitations?state=pending')
      : Promise.resolve(null),
    fetchAllMunicipalities(event),
    canAtAll(actor, 'moderation.list')
      ? callApi<ModerationQueue>(event, 'GET', '/api/moderation/queue?limit=1')
      : Promise.resolve(null),
  ]);

  const welcome = event.url.searchParams.get('welcome');
  return {
    me,
    municipalities,
    associationCount: associations?.ok ? associations.data.items.length : null,
    pendingInvitationCount: pending?.ok ? pending.data.items.length : null,
    /** the review counts, each linking to the list it counts */
    moderationCounts: queue?.ok ? queue.data.counts : null,
    /** just accepted an invitation (set by /invitations/accept) */
    welcome: welcomeRoles.find((role) => role === welcome) ?? null,
  };
};
