import {
  can,
  type HelpRequestDetail,
  type MyApplication,
  type MyApplicationList,
  type MyHelpInvitation,
  type MyHelpInvitationList,
} from '@board/shared';
import { actorOf } from '#lib/actor.ts';
import { type ApiEvent, callApi, pageData } from '#lib/server/api.ts';
import { requireSignedIn } from '#lib/server/guards.ts';
import { declineInvitation } from '#lib/server/help-invitations.ts';
import { contactDesks } from '#lib/server/contact-desk.ts';
import { fetchActiveMunicipalities } from '#lib/server/municipalities.ts';
import { postForm } from '#lib/server/form-action.ts';
import { apiFailure, formFailure, formId, formSuccess, formText } from '#lib/server/form-result.ts';
import type { Actions, PageServerLoad } from './$types';

/** The volunteer's own application to this request: a live one (pending or matched) first, else the newest. */
async function myApplication(event: ApiEvent, requestId: string): Promise<MyApplication | null> {
  const result = await callApi<MyApplicationList>(event, 'GET', '/api/me/applications');
  if (!result.ok) return null;
  const mine = result.data.items.filter((a) => a.requestId === requestId);
  return mine.find((a) => a.status === 'pending' || a.status === 'accepted') ?? mine[0] ?? null;
}

/** The volunteer's open invitation to help with this request, if an association sent one (issue 10). */
async function myInvitation(event: ApiEvent, requestId: string): Promise<MyHelpInvitation | null> {
  const result = await callApi<MyHelpInvitationList>(event, 'GET', '/api/me/help-invitations');
  if (!result.ok) return null;
  return result.data.items.find((i) => i.request.id === requestId && i.status === 'open') ?? null;
}

/**
 * One request, as the API lets this viewer see it: the exact place and the officer's contact come
 * only for a matched volunteer, the association's officers and staff. A signed-in volunteer also
 * gets their own application to it (to show its state and the withdraw button).
 */
export const load: PageServerLoad = async (event) => {
  const id = event.params.id;
  const me = event.locals.me;
  const actor = actorOf(me);
  const isVolunteer = can(actor, 'application.create');

  const [result, application, invitation, municipalities] = await Promise.all([
    callApi<HelpRequestDetail>(event, 'GET', `/api/requests/${id}`),
    isVolunteer ? myApplication(event, id) : Promise.resolve(null),
    isVolunteer ? myInvitation(event, id) : Promise.resolve(null),
    fetchActiveMunicipalities(event),
  ]);
  // a request this person may not see is no such page: not even that it exists
  const request = pageData(result, { hideForbidden: true });

  const resource = { municipalityCode: request.municipalityCode, associationId: request.associationId };
  return {
    request,
    /** the ward's desk in the footer of its request's page */
    contactDesks: await contactDesks(event, [request.municipalityCode]),
    application,
    invitation,
    /** came from a suggestion card (`?via=suggestion`): the hand records it (applications.origin) */
    via: event.url.searchParams.get('via') === 'suggestion' ? ('suggestion' as const) : null,
    municipalities: municipalities.ok ? municipalities.items : [],
    viewer: {
      signedIn: me !== null,
      volunteer: isVolunteer,
      verified: me?.emailVerified ?? false,
      /** an officer of the association that posted it: manages it on the officer pages */
      officer: can(actor, 'request.edit', resource),
      /** the municipality's staff or the foundation: the staff pages */
      staff: !can(actor, 'request.edit', resource) && can(actor, 'request.readPrivate', resource),
    },
  };
};

export const actions: Actions = {
  /** 手を挙げる: POST /api/requests/:id/applications with a short message. */
  apply: async (event) => {
    requireSignedIn(event.locals, event.url);
    return postForm(event, await event.request.formData(), {
      form: 'apply',
      path: `/api/requests/${event.params.id}/applications`,
      required: { message: 'MESSAGE_REQUIRED' },
      body: (submitted) => ({
        message: formText(submitted, 'message'),
        ...(formText(submitted, 'via') === 'suggestion' ? { via: 'suggestion' } : {}),
      }),
    });
  },

  /** "Not this time" to an invitation to help: POST /api/help-invitations/:id/decline. */
  declineInvitation,

  /** Take the hand back: POST /api/applications/:id/withdraw; the answer is the form `withdraw-<id>`. */
  withdraw: async (event) => {
    requireSignedIn(event.locals, event.url);
    const form = await event.request.formData();
    const applicationId = formId(form, 'applicationId');
    if (!applicationId) return formFailure('withdraw', 400, 'NOT_FOUND', {}, {});
    return postForm(event, form, {
      form: `withdraw-${applicationId}`,
      path: `/api/applications/${applicationId}/withdraw`,
    });
  },

  /** Report the request to its municipality's staff: POST /api/flags. */
  flag: async (event) => {
    requireSignedIn(event.locals, event.url);
    return postForm(event, await event.request.formData(), {
      form: 'flag',
      path: '/api/flags',
      required: { reason: 'REASON_REQUIRED' },
      body: (submitted) => ({
        targetType: 'request',
        targetId: event.params.id,
        reason: formText(submitted, 'reason'),
      }),
    });
  },

  /** For a volunteer whose address is not confirmed yet: mail a sign-in link, which also confirms it. */
  confirmEmail: async (event) => {
    const me = requireSignedIn(event.locals, event.url);
    const result = await callApi(event, 'POST', '/api/auth/sign-in-link', { email: me.email });
    if (!result.ok) return apiFailure('confirmEmail', result.status, result.error, {});
    return formSuccess('confirmEmail', { email: me.email });
  },
};
