import { DomainError, type VolunteerPublicProfile } from '@board/shared';
import { applicationRepository } from '../applications/repository.ts';
import { elevateWithin } from '../../database/door.ts';
import { applicantProfile } from '../applications/views.ts';
import type { SignedInContext } from '../../services/context.ts';
import { volunteerRepository } from './repository.ts';

/**
 * A volunteer's public profile: name, skills, languages, completed helps, and the thank-you notes
 * received if they allow it (showThanks). Never contact details or private ratings. 404 for
 * anyone who is not a volunteer or deleted their account.
 */
export async function getVolunteerProfile(ctx: SignedInContext, id: string): Promise<VolunteerPublicProfile> {
  return ctx.door.asActor(ctx.actor, async (tx) => {
    const repo = applicationRepository(tx);
    // the profile is public, the rows are not (users and volunteer_profiles, migration 0010): this
    // one person is read with system rights, and only the public columns leave (applicantProfile)
    const { person, applicant } = await elevateWithin(tx, 'read one volunteer for their public profile', async () => ({
      person: await repo.person(id),
      applicant: (await repo.applicants([id]))[0],
    }));
    if (!person || person.deleted || !applicant || !(await repo.isVolunteer(id))) {
      throw new DomainError('NOT_FOUND', 'No such volunteer.');
    }
    const stats = await repo.volunteerStats([id]);
    const profile = applicantProfile(applicant, stats.get(id));
    const thanks =
      profile.thanksReceived === null
        ? null
        : (await volunteerRepository(tx).thanksReceived(id)).map((t) => ({
            ...t,
            createdAt: t.createdAt.toISOString(),
          }));
    return { ...profile, thanks };
  });
}
