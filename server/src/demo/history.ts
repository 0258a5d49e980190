import { schema, type Database } from '@board/db';
import { demoAccounts } from '@board/db/seed/demo-data';
import { insertDemoPeople } from '@board/db/seed/seed';
import { eq } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { AppConfig } from '../config.ts';
import { expireOverdue } from '../modules/help-requests/expiry.ts';
import { contextFor } from '../services/context.ts';
import { historyAccounts, historyAssociations, historyProfiles } from './people.ts';
import { playCaseStories } from './case-stories.ts';
import { HistoryPlayer } from './play.ts';
import { retimeRepository } from './retime.ts';
import { planStories } from './stories.ts';

const day = 86_400_000;

/**
 * One kind of demo history: adds its part through the player (people, requests, and later
 * stories or notifications). Each kind runs after the ones before it, its steps dated by `at`.
 */
export type DemoHistoryKind = (player: HistoryPlayer) => Promise<void>;

/** The people of the other demo wards and the extra volunteers, there a year before today. */
const people: DemoHistoryKind = async (player) => {
  await player.at(new Date(player.now.getTime() - 400 * day), async () => {
    const [{ passwordHash }] = (await player.db
      .select({ passwordHash: schema.users.passwordHash })
      .from(schema.users)
      .where(eq(schema.users.email, 'foundation@demo.example'))) as [{ passwordHash: string }];
    const { userIds } = await insertDemoPeople(player.db, {
      associations: historyAssociations,
      accounts: historyAccounts,
      profiles: historyProfiles,
      passwordHash,
    });
    for (const [key, id] of userIds) player.userIds.set(key, id);
  });
};

/** About sixty help requests in every state over a year, with hands, matches, messages, thanks. */
const helpRequests: DemoHistoryKind = async (player) => {
  for (const story of planStories()) await player.play(story);
};

/**
 * The kinds of demo history, in order. To add a kind (case stories, notifications), append a
 * function here: it may use the accounts and requests made before it.
 */
export const demoHistoryKinds: DemoHistoryKind[] = [people, helpRequests, playCaseStories];

/**
 * Seeds the demo history on top of the base demo (`seedDemo`), on the migration owner's
 * connection: plays every kind through the services, moves it into the past, then lets the
 * expiry sweep expire what passed its deadline. Only right after `seedDemo` seeded.
 */
export async function seedDemoHistory(db: Database, config: AppConfig, log: FastifyBaseLogger): Promise<void> {
  const accounts = await db.select({ id: schema.users.id, email: schema.users.email }).from(schema.users);
  const keyOf = new Map(demoAccounts.map((a) => [a.email, a.key]));
  const userIds = new Map(
    accounts.flatMap((a) => {
      const key = a.email ? keyOf.get(a.email) : undefined;
      return key ? [[key, a.id] as const] : [];
    }),
  );
  const player = new HistoryPlayer(db, config, log, userIds, new Date());
  player.clockOffset = await retimeRepository.clockOffset(db);
  for (const kind of demoHistoryKinds) await kind(player);
  await retimeRepository.moveSteps(db, player.steps);
  await retimeRepository.moveChosenMoments(db, player.shifts);
  const sweep = new Date(Date.now() + player.clockOffset);
  await expireOverdue(contextFor(player.dependencies, null, log));
  await retimeRepository.expiredAtDeadline(db, sweep);
}
