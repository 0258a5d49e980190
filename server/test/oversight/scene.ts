import { schema } from '@board/db';
import { createVolunteer, insertRequest, type DirectRequest, type TestApp } from '../kit/index.ts';

/** Matches written straight into the database with chosen moments, for the oversight tests. */

export interface MatchOptions {
  request?: DirectRequest;
  /** the moment of the accept (decided_at) */
  matchedAt: Date;
  appliedAt?: Date;
  doneAt?: Date | null;
  confirmedAt?: Date | null;
  withdrawnAt?: Date | null;
  volunteerName?: string;
}

export interface InsertedMatch {
  id: string;
  requestId: string;
  title: string;
  municipalityCode: string;
  volunteerId: string;
}

export async function insertMatch(t: TestApp, options: MatchOptions): Promise<InsertedMatch> {
  const request = await insertRequest(t, { status: 'filled', matchedCount: 1, ...options.request });
  const volunteer = await createVolunteer(t, options.volunteerName ? { displayName: options.volunteerName } : {});
  const [row] = await t.database.handle.db
    .insert(schema.applications)
    .values({
      requestId: request.id,
      volunteerId: volunteer.id,
      municipalityCode: request.municipalityCode,
      associationId: request.associationId,
      message: 'お手伝いします',
      status: options.withdrawnAt ? 'withdrawn' : 'accepted',
      createdAt: options.appliedAt ?? new Date(options.matchedAt.getTime() - 3_600_000),
      decidedAt: options.matchedAt,
      completedAt: options.doneAt ?? null,
      confirmedAt: options.confirmedAt ?? null,
      withdrawnAt: options.withdrawnAt ?? null,
    })
    .returning({ id: schema.applications.id });
  return {
    id: row!.id,
    requestId: request.id,
    title: request.title,
    municipalityCode: request.municipalityCode,
    volunteerId: volunteer.id,
  };
}

/** A moment in 2021 (before any seeded or live data), so a date filter isolates a test's rows. */
export const in2021 = (month: number, day: number, hour = 10) =>
  new Date(Date.UTC(2021, month - 1, day, hour - 9, 0, 0));
