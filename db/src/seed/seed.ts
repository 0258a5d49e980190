import { documentTokens, mapSkillTags } from '@board/shared';
import { hash } from '@node-rs/argon2';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../client.ts';
import {
  associations,
  helpRequests,
  municipalities,
  roleAssignments,
  users,
  volunteerProfiles,
  volunteerSkills,
} from '../schema/index.ts';
import {
  demoAccounts,
  demoAssociations,
  demoPassword,
  demoRequests,
  type DemoAccount,
  type DemoAssociation,
} from './demo-data.ts';
import { demoProfiles, type DemoProfile } from './demo-profiles.ts';
import { demoActiveCodes, demoContactDesk, tokyoMunicipalities } from './municipalities.ts';

/** All 62 municipalities; names are refreshed, status and settings are left as staff set them. */
export async function seedMunicipalities(db: Database): Promise<number> {
  await db
    .insert(municipalities)
    .values(tokyoMunicipalities.map((m) => ({ ...m })))
    .onConflictDoUpdate({
      target: municipalities.code,
      set: {
        nameJa: sql`excluded.name_ja`,
        nameKana: sql`excluded.name_kana`,
        nameEn: sql`excluded.name_en`,
        kind: sql`excluded.kind`,
      },
    });
  return tokyoMunicipalities.length;
}

/**
 * Demo data: 14 active municipalities (each with a contact desk), associations, one account per role and requests in
 * several states. Only ever called in demo mode; does nothing when the demo is already there.
 */
export async function seedDemo(db: Database): Promise<'seeded' | 'already present'> {
  const first = demoAccounts[0]!;
  const existing = await db.select({ id: users.id }).from(users).where(eq(users.email, first.email));
  if (existing.length > 0) return 'already present';

  // OWASP argon2id parameters; one hash shared by every demo account keeps the seed fast.
  const passwordHash = await hash(demoPassword, { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 });
  await db.transaction(async (tx) => {
    for (const code of demoActiveCodes) {
      await tx
        .update(municipalities)
        .set({ status: 'active', settings: { contactDesk: demoContactDesk(code) } })
        .where(eq(municipalities.code, code));
    }

    const { associationIds, userIds } = await insertDemoPeople(tx, {
      associations: demoAssociations,
      accounts: demoAccounts,
      profiles: demoProfiles,
      passwordHash,
    });

    const day = 24 * 60 * 60 * 1000;
    const now = Date.now();
    for (const r of demoRequests) {
      const association = demoAssociations.find((a) => a.key === r.association)!;
      const { association: _association, createdBy, startsInDays, deadlineInDays, ...fields } = r;
      // the officers' words become skills of the vocabulary where it knows them
      const tags = mapSkillTags(fields.skills);
      await tx.insert(helpRequests).values({
        ...fields,
        skills: tags.free,
        skillKeys: tags.skillKeys,
        searchTokens: documentTokens(fields.title, fields.body),
        matchedCount: r.status === 'completed' ? r.slots : 0,
        municipalityCode: association.municipalityCode,
        associationId: associationIds.get(r.association)!,
        createdBy: userIds.get(createdBy)!,
        startsAt: startsInDays === undefined ? null : new Date(now + startsInDays * day),
        applicationDeadline: deadlineInDays === undefined ? null : new Date(now + deadlineInDays * day),
        // posted before it was published: the finished one a while ago, the others last week
        createdAt: new Date(now - (r.status === 'completed' ? 50 : 10) * day),
        publishedAt: ['published', 'filled', 'completed'].includes(r.status)
          ? new Date(now - (r.status === 'completed' ? 45 : 3) * day)
          : null,
      });
    }
  });
  return 'seeded';
}

export interface DemoPeople {
  associations: DemoAssociation[];
  accounts: DemoAccount[];
  profiles: DemoProfile[];
  /** one hash shared by every demo account keeps the seed fast */
  passwordHash: string;
}

/**
 * Associations, accounts with their hats (an officer's municipality is their association's) and
 * volunteer profiles; returns the new ids by key. Used by the base demo and the demo history's
 * extra wards (server/src/demo).
 */
export async function insertDemoPeople(tx: Database, people: DemoPeople) {
  const associationIds = new Map<string, string>();
  for (const a of people.associations) {
    const [row] = await tx
      .insert(associations)
      .values({ municipalityCode: a.municipalityCode, name: a.name, area: a.area, households: a.households })
      .returning({ id: associations.id });
    associationIds.set(a.key, row!.id);
  }

  const userIds = new Map<string, string>();
  for (const account of people.accounts) {
    const [row] = await tx
      .insert(users)
      .values({
        email: account.email,
        emailVerifiedAt: new Date(),
        passwordHash: people.passwordHash,
        displayName: account.displayName,
        language: account.language,
      })
      .returning({ id: users.id });
    userIds.set(account.key, row!.id);
    for (const hat of account.roles) {
      const associationId = hat.association ? associationIds.get(hat.association)! : null;
      const municipalityCode =
        hat.municipalityCode ??
        (hat.association ? people.associations.find((a) => a.key === hat.association)!.municipalityCode : null);
      await tx.insert(roleAssignments).values({ userId: row!.id, role: hat.role, municipalityCode, associationId });
    }
  }

  for (const { account, skills, ...profile } of people.profiles) {
    const userId = userIds.get(account)!;
    await tx.insert(volunteerProfiles).values({ userId, ...profile, showThanks: true });
    await tx.insert(volunteerSkills).values(skills.map((s) => ({ userId, skillKey: s.key, level: s.level })));
  }
  return { associationIds, userIds };
}
