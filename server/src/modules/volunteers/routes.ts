import { IdParams, VolunteerPublicProfile } from '@board/shared';
import { getVolunteerProfile } from './service.ts';
import { byId, defineRoutes, route } from '../../routes/define-routes.ts';

export default defineRoutes('volunteers', {
  getVolunteerProfile: route('GET /api/volunteers/:id', {
    summary: "A volunteer's public profile (signed in): skills, languages, completed helps, thanks if they allow",
    input: { params: IdParams },
    response: { 200: VolunteerPublicProfile },
    handler: byId(getVolunteerProfile),
  }),
});
