import {
  DomainError,
  ListMunicipalitiesQuery,
  MunicipalityCodeParams,
  MunicipalityList,
  MunicipalitySettingsView,
  UpdateMunicipalitySettingsBody,
  UpdateMunicipalityStatusBody,
  Municipality,
} from '@board/shared';
import { municipalityFeed } from './feed.ts';
import {
  getMunicipalitySettings,
  listMunicipalities,
  updateMunicipalitySettings,
  updateMunicipalityStatus,
} from './service.ts';
import { defineRoutes, route } from '../../routes/define-routes.ts';
import { atomFeedResponse, sendAtomFeed } from '../../routes/file-answers.ts';

/** Municipalities (区市町村): the tenants, their request settings and their public feed. */
export default defineRoutes('municipalities', {
  listMunicipalities: route('GET /api/municipalities', {
    summary: "Tokyo's municipalities (tenants), optionally by status",
    signIn: 'optional',
    input: { query: ListMunicipalitiesQuery },
    response: { 200: MunicipalityList },
    handler: (context, { query }) => listMunicipalities(context, query.status),
  }),
  getMunicipalitySettings: route('GET /api/municipalities/:code/settings', {
    summary: 'Moderation on or off, the categories officers may use, the contact desk; no sign-in needed',
    signIn: 'optional',
    input: { params: MunicipalityCodeParams },
    response: { 200: MunicipalitySettingsView },
    errors: [401, 403],
    handler: (context, { params }) => getMunicipalitySettings(context, params.code),
  }),
  updateMunicipalitySettings: route('PATCH /api/municipalities/:code/settings', {
    summary: "Change the municipality's request settings (its staff); audit-logged",
    input: { params: MunicipalityCodeParams, body: UpdateMunicipalitySettingsBody },
    response: { 200: MunicipalitySettingsView },
    errors: [403],
    handler: (context, { params, body }) => updateMunicipalitySettings(context, params.code, body),
  }),
  updateMunicipalityStatus: route('POST /api/municipalities/:code/status', {
    summary:
      'Activate, pause or resume a municipality, with a reason (foundation staff); audit-logged. Paused: its requests leave the board and no new ones are posted; matches already made go on',
    input: { params: MunicipalityCodeParams, body: UpdateMunicipalityStatusBody },
    response: { 200: Municipality },
    errors: [403, 409],
    handler: (context, { params, body }) => updateMunicipalityStatus(context, params.code, body),
  }),
  getMunicipalityFeed: route('GET /api/municipalities/:code/feed.atom', {
    summary: "The municipality's open requests as an Atom 1.0 feed (newest 50); no sign-in needed",
    signIn: 'optional',
    input: { params: MunicipalityCodeParams },
    response: { 200: atomFeedResponse },
    handler: async (context, { params }, { reply }) => {
      const xml = await municipalityFeed(context, params.code);
      if (xml === null) throw new DomainError('NOT_FOUND', 'No such active municipality.');
      return sendAtomFeed(reply, xml);
    },
  }),
});
