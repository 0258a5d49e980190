import { schema } from '@board/db';
import type { ApplicationOrigin } from '@board/shared';
import { eq } from 'drizzle-orm';
import { refreshFigures } from '../../src/modules/figures/refresh.ts';
import { insertRequest, type DirectRequest, type InsertedRequest, type TestApp } from '../kit/index.ts';

/** Requests and hands written straight into the database at chosen moments, for the figures tests. */

/** A moment in Tokyo time, `tokyo('2021-03-02 09:00')`. */
export const tokyo = (at: string) => new Date(`${at.replace(' ', 'T')}:00+09:00`);

const day = 86_400_000;
/** `days` after a moment. */
export const plusDays = (at: Date, days: number) => new Date(at.getTime() + days * day);

/** A request posted (created) at `createdAt`, in the state and with the publishing moment given. */
export async function postRequest(
  t: TestApp,
  createdAt: Date,
  values: DirectRequest & { publishedAt: Date | null },
): Promise<InsertedRequest> {
  const request = await insertRequest(t, values);
  await t.database.handle.db
    .update(schema.helpRequests)
    .set({ createdAt })
    .where(eq(schema.helpRequests.id, request.id));
  return request;
}

export interface Hand {
  volunteerId: string;
  at: Date;
  /** the officer's decision: accepted (a match), declined, or accepted then withdrawn */
  decided?: { at: Date; status: 'accepted' | 'declined' | 'withdrawn' };
  origin?: ApplicationOrigin;
}

/** A hand raised on a request, decided or not. */
export async function raiseHand(t: TestApp, request: InsertedRequest, hand: Hand): Promise<void> {
  await t.database.handle.db.insert(schema.applications).values({
    requestId: request.id,
    volunteerId: hand.volunteerId,
    municipalityCode: request.municipalityCode,
    associationId: request.associationId,
    message: 'お手伝いします',
    status: hand.decided?.status ?? 'pending',
    createdAt: hand.at,
    decidedAt: hand.decided?.at ?? null,
    withdrawnAt: hand.decided?.status === 'withdrawn' ? plusDays(hand.decided.at, 1) : null,
    origin: hand.origin ?? 'board',
  });
}

/**
 * A request posted at `createdAt` and matched (`matchedCount` 1): one hand raised at `hand.at`
 * and accepted at `hand.acceptedAt`, from the board unless another origin is given.
 */
export async function postMatch(
  t: TestApp,
  createdAt: Date,
  values: DirectRequest & { publishedAt: Date; status: 'filled' | 'completed' },
  hand: { volunteerId: string; at: Date; acceptedAt: Date; origin?: ApplicationOrigin },
): Promise<InsertedRequest> {
  const request = await postRequest(t, createdAt, { ...values, matchedCount: 1 });
  const { acceptedAt, ...raised } = hand;
  await raiseHand(t, request, { ...raised, decided: { at: acceptedAt, status: 'accepted' } });
  return request;
}

/** The rollups recomputed now, as the job does. */
export const refresh = (t: TestApp) => refreshFigures(t.app);
