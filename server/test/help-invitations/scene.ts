import { schema, withAccess } from '@board/db';
import { eq } from 'drizzle-orm';
import { accessContextOf } from '../../src/database/door.ts';
import { actorOf, createVolunteer, userIdOf, type TestApp } from '../kit/index.ts';

/**
 * A volunteer who agreed to be suggested to officers (or not), made in the database, signed in.
 * `muted`: they turned invitations to help off.
 */
export async function suggestableVolunteer(
  t: TestApp,
  options: { suggestable?: boolean; muted?: boolean; language?: 'ja' | 'en' | 'ja-easy' } = {},
) {
  const volunteer = await createVolunteer(t, { profile: { skills: [] }, language: options.language ?? 'ja' });
  await t.database.handle.db
    .update(schema.volunteerProfiles)
    .set({ suggestable: options.suggestable ?? true, helpInvitationsMuted: options.muted ?? false })
    .where(eq(schema.volunteerProfiles.userId, volunteer.id));
  return volunteer;
}

/** Sets how a request says yes, straight in the database. */
export async function setHandsMode(t: TestApp, requestId: string, handsMode: 'officer_picks' | 'first_come') {
  await t.database.handle.db
    .update(schema.helpRequests)
    .set({ handsMode })
    .where(eq(schema.helpRequests.id, requestId));
}

export async function invitationRows(t: TestApp, requestId: string) {
  return t.database.handle.db
    .select()
    .from(schema.helpInvitations)
    .where(eq(schema.helpInvitations.requestId, requestId));
}

/** The request's invitations the person with this email sees under row-level security alone. */
export async function countAs(t: TestApp, email: string, requestId: string): Promise<number> {
  const actor = await actorOf(t, await userIdOf(t, email));
  const rows = await withAccess(t.database.handle.db, accessContextOf(actor), (tx) =>
    tx.select().from(schema.helpInvitations).where(eq(schema.helpInvitations.requestId, requestId)),
  );
  return rows.length;
}
