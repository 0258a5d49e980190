import { schema } from '@board/db';
import { eq } from 'drizzle-orm';
import type { TestApp } from '../kit/app.ts';
import { createVolunteer } from '../kit/people.ts';

/** What the suggestion tests build: requests with skills, volunteers with structured profiles. */

/** Saturday 5 December 2026, 09:30 in Tokyo */
export const saturdayMorning = new Date('2026-12-05T00:30:00Z');

export async function withSkillKeys(t: TestApp, id: string, skillKeys: string[]) {
  await t.database.handle.db.update(schema.helpRequests).set({ skillKeys }).where(eq(schema.helpRequests.id, id));
  return id;
}

/** A volunteer with a structured profile, straight into the database. */
export async function volunteerWith(
  t: TestApp,
  profile: {
    skills: { key: string; level: 'can' | 'teach' }[];
    municipalityCodes?: string[];
    availabilitySlots?: string[];
    suggestable?: boolean;
    onlineOk?: boolean;
  },
) {
  const v = await createVolunteer(t);
  await t.database.handle.db
    .insert(schema.volunteerProfiles)
    .values({
      userId: v.id,
      municipalityCodes: profile.municipalityCodes ?? [],
      availabilitySlots: profile.availabilitySlots ?? [],
      suggestable: profile.suggestable ?? false,
      onlineOk: profile.onlineOk ?? false,
    })
    .onConflictDoUpdate({
      target: schema.volunteerProfiles.userId,
      set: {
        municipalityCodes: profile.municipalityCodes ?? [],
        availabilitySlots: profile.availabilitySlots ?? [],
        suggestable: profile.suggestable ?? false,
        onlineOk: profile.onlineOk ?? false,
      },
    });
  if (profile.skills.length > 0) {
    await t.database.handle.db
      .insert(schema.volunteerSkills)
      .values(profile.skills.map((s) => ({ userId: v.id, skillKey: s.key, level: s.level })));
  }
  return v;
}
