import type { Action, RequestStatus, Resource } from '@board/shared';
import { validInput } from '../kit/index.ts';
import type { lifecycleFixtures, People, Scene, Target } from './lifecycle-fixtures.ts';

/** The lifecycle routes of the authorization matrix: the scene each call needs, its URL, body and resource. */

export interface RouteCase {
  operationId: string;
  variant?: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  action: Action;
  /** listing without a municipality filter: allowed when the actor may do it anywhere at all */
  unfiltered?: boolean;
  scene?: (target: Target) => Promise<Scene>;
  url: (target: Target, scene: Scene) => string;
  body?: (target: Target, scene: Scene) => object;
  resource: (target: Target, scene: Scene, people: People) => Resource;
}

const inMunicipality = (target: Target): Resource => ({ municipalityCode: target });
const ofRequest = (target: Target, scene: Scene): Resource => ({
  municipalityCode: target,
  associationId: scene.associationId,
});
/** a hand or match of the matrix's volunteer */
const ofHand = (target: Target, scene: Scene, p: People): Resource => ({
  ...ofRequest(target, scene),
  ownerId: p.volunteerId,
});
const reason = { reason: '内容を確認するため' };

/** `make` gives the fixtures once the matrix has loaded its people (in its `beforeAll`). */
export function lifecycleRoutes(make: () => ReturnType<typeof lifecycleFixtures>): RouteCase[] {
  /** a call on one request in this state: `/api/requests/:id`, or below it at `path` */
  const onRequest = (status: RequestStatus, path = '') => ({
    scene: (target: Target) => make().request(target, status),
    url: (_target: Target, s: Scene) => `/api/requests/${s.requestId}${path}`,
  });
  /** a call on the matrix volunteer's hand at this stage: `/api/applications/:id/<path>` */
  const onApplication = (stage: 'hand' | 'match' | 'done', path: string) => ({
    scene: (target: Target) => make()[stage](target),
    url: (_target: Target, s: Scene) => `/api/applications/${s.applicationId}/${path}`,
  });
  return [
    {
      operationId: 'createRequest',
      method: 'POST',
      action: 'request.create',
      scene: (target) => make().request(target, 'draft'),
      url: () => '/api/requests',
      body: (_target, scene) => validInput({ associationId: scene.associationId }),
      resource: ofRequest,
    },
    {
      operationId: 'updateRequest',
      method: 'PUT',
      action: 'request.edit',
      ...onRequest('draft'),
      body: () => validInput(),
      resource: ofRequest,
    },
    {
      operationId: 'deleteRequest',
      method: 'DELETE',
      action: 'request.delete',
      ...onRequest('draft'),
      resource: ofRequest,
    },
    ...(['submit', 'withdraw', 'copy'] as const).map((verb): RouteCase => ({
      operationId: `${verb}Request`,
      method: 'POST',
      action: `request.${verb}`,
      ...onRequest(verb === 'submit' ? 'draft' : 'published', `/${verb}`),
      resource: ofRequest,
    })),
    {
      operationId: 'getRequest',
      variant: 'a draft',
      method: 'GET',
      action: 'request.readPrivate',
      ...onRequest('draft'),
      resource: ofRequest,
    },
    {
      operationId: 'listMyAssociationRequests',
      method: 'GET',
      action: 'request.edit',
      unfiltered: true,
      url: () => '/api/me/requests',
      resource: ofRequest,
    },
    {
      operationId: 'revealOfficerContact',
      method: 'POST',
      action: 'request.revealContact',
      ...onRequest('published', '/officer-contact'),
      body: () => reason,
      resource: ofRequest,
    },
    ...(
      [
        ['approveRequest', 'approve', 'pending_review', undefined],
        ['requestChangesToRequest', 'request-changes', 'pending_review', reason],
        ['rejectRequest', 'reject', 'pending_review', reason],
        ['closeRequest', 'close', 'published', reason],
      ] as const
    ).map(([operationId, verb, status, body]): RouteCase => ({
      operationId,
      method: 'POST',
      action: 'request.moderate',
      ...onRequest(status, `/${verb}`),
      ...(body ? { body: () => body } : {}),
      resource: ofRequest,
    })),
    {
      operationId: 'listModerationQueue',
      variant: 'one municipality',
      method: 'GET',
      action: 'moderation.list',
      url: (target) => `/api/moderation/queue?municipalityCode=${target}`,
      resource: inMunicipality,
    },
    {
      operationId: 'listModerationQueue',
      variant: 'unfiltered',
      method: 'GET',
      action: 'moderation.list',
      unfiltered: true,
      url: () => '/api/moderation/queue',
      resource: inMunicipality,
    },
    {
      // a published request is public, its moderation history is not
      operationId: 'getReviewHistory',
      method: 'GET',
      action: 'moderation.list',
      scene: (target) => make().request(target, 'published'),
      url: (_target, s) => `/api/moderation/requests/${s.requestId}/history`,
      resource: inMunicipality,
    },
    {
      operationId: 'updateMunicipalitySettings',
      method: 'PATCH',
      action: 'municipality.updateSettings',
      url: (target) => `/api/municipalities/${target}/settings`,
      body: () => ({ contactDesk: '地域のちから推進課 03-0000-0000' }),
      resource: inMunicipality,
    },
    {
      operationId: 'applyToRequest',
      method: 'POST',
      action: 'application.create',
      ...onRequest('published', '/applications'),
      body: () => ({ message: 'お手伝いします' }),
      resource: ofRequest,
    },
    {
      operationId: 'withdrawApplication',
      method: 'POST',
      action: 'application.withdraw',
      ...onApplication('hand', 'withdraw'),
      resource: ofHand,
    },
    {
      operationId: 'listApplications',
      method: 'GET',
      action: 'application.list',
      scene: (target) => make().hand(target),
      url: (_target, s) => `/api/requests/${s.requestId}/applications`,
      resource: ofRequest,
    },
    ...(['accept', 'decline'] as const).map((verb): RouteCase => ({
      operationId: `${verb}Application`,
      method: 'POST',
      action: 'application.decide',
      ...onApplication('hand', verb),
      resource: ofRequest,
    })),
    {
      operationId: 'listMessages',
      method: 'GET',
      action: 'message.read',
      ...onApplication('match', 'messages'),
      resource: ofHand,
    },
    {
      operationId: 'sendMessage',
      method: 'POST',
      action: 'message.send',
      ...onApplication('match', 'messages'),
      body: () => ({ body: 'よろしくお願いします' }),
      resource: ofHand,
    },
    {
      operationId: 'completeMatch',
      method: 'POST',
      action: 'match.complete',
      ...onApplication('match', 'complete'),
      resource: ofRequest,
    },
    {
      operationId: 'confirmCompletion',
      method: 'POST',
      action: 'match.confirm',
      ...onApplication('done', 'confirm'),
      resource: (_target, _s, p) => ({ ownerId: p.volunteerId }),
    },
    {
      operationId: 'sendThanks',
      method: 'POST',
      action: 'thanks.send',
      ...onApplication('done', 'thanks'),
      body: () => ({ note: 'ありがとうございました' }),
      resource: ofHand,
    },
    {
      operationId: 'flagContent',
      method: 'POST',
      action: 'flag.create',
      scene: (target) => make().request(target, 'published'),
      url: () => '/api/flags',
      body: (_target, s) => ({ targetType: 'request', targetId: s.requestId, reason: '連絡先が書かれています' }),
      resource: ofRequest,
    },
    {
      operationId: 'listFlags',
      variant: 'one municipality',
      method: 'GET',
      action: 'flag.list',
      url: (target) => `/api/flags?municipalityCode=${target}`,
      resource: inMunicipality,
    },
    {
      operationId: 'listFlags',
      variant: 'unfiltered',
      method: 'GET',
      action: 'flag.list',
      unfiltered: true,
      url: () => '/api/flags',
      resource: inMunicipality,
    },
    {
      operationId: 'resolveFlag',
      method: 'POST',
      action: 'flag.resolve',
      scene: (target) => make().flag(target),
      url: (_target, s) => `/api/flags/${s.flagId}/resolve`,
      body: () => ({ decision: 'dismiss' }),
      resource: inMunicipality,
    },
  ];
}
