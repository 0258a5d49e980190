import { schema } from '@board/db';
import { Statistics } from '@board/shared';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { refreshFigures } from '../../src/modules/figures/refresh.ts';
import { createVolunteer, get, useApiApp, useDemoPeople } from '../kit/index.ts';
import { plusDays, postMatch, refresh, tokyo } from './scene.ts';

/**
 * The hourly refresh recomputes only the months written since the last one (triggers note them
 * in figures_changes), and keeps all-Tokyo rows beside each ward's: after every kind of write the
 * figures equal those of a refresh of every month. Data in 2022 (nothing seeded falls there).
 */

const t = useApiApp();
const { foundation, staffAdachi, staffShinjuku } = useDemoPeople(t);
const period = 'from=2022-04&to=2022-07';

async function figures(headers: Record<string, string>) {
  const res = await get(t, headers, `/api/statistics?${period}`);
  expect(res.statusCode, res.body).toBe(200);
  const { refreshedAt: _, ...rest } = Statistics.parse(res.json());
  return rest;
}

const everyone = () => Promise.all([figures(foundation), figures(staffAdachi), figures(staffShinjuku)]);

/** The figures after the incremental refresh equal those after a refresh of every month. */
async function expectSameAsFullRefresh() {
  const incremental = await everyone();
  expect(await refreshFigures(t.app, true)).toBe('all');
  expect(incremental).toEqual(await everyone());
  return incremental;
}

describe('refresh-figures: only the months that changed', () => {
  it('recomputes the months a write touches, and nothing when nothing changed', async () => {
    await refresh(t); // the first refresh (of everything: the migration's mark)
    expect(await refresh(t)).toBe(0);

    const volunteer = (await createVolunteer(t)).id;
    const published = tokyo('2022-05-10 10:00');
    const r1 = await postMatch(
      t,
      tokyo('2022-04-28 10:00'),
      { category: 'it_digital', status: 'filled', publishedAt: published },
      { volunteerId: volunteer, at: plusDays(published, 1), acceptedAt: plusDays(published, 2) },
    );
    // written this month, then dated: posted in April, published and matched in May
    expect(await refresh(t)).toBe(3);
    const [tokyoWide, adachi, shinjuku] = await expectSameAsFullRefresh();
    const may = (s: typeof adachi) => s.months.find((m) => m.month === '2022-05');
    expect(may(adachi)).toMatchObject({ published: 1, matched: 1, matchesFromBoard: 1, activeVolunteers: 1 });
    expect(may(tokyoWide)).toMatchObject({ published: 1, matched: 1, matchesFromBoard: 1, activeVolunteers: 1 });
    expect(may(shinjuku)).toMatchObject({ published: 0, matched: 0 });

    // published a month later: May loses it, June gains it
    await t.database.handle.db
      .update(schema.helpRequests)
      .set({ publishedAt: tokyo('2022-06-10 10:00') })
      .where(eq(schema.helpRequests.id, r1.id));
    expect(await refresh(t)).toBeGreaterThanOrEqual(2);
    const [, moved] = await expectSameAsFullRefresh();
    expect(moved.months.find((m) => m.month === '2022-06')).toMatchObject({ published: 1, matched: 1 });
    expect(moved.months.find((m) => m.month === '2022-05')).toMatchObject({ published: 0, matched: 0 });

    // a hand withdrawn, then the request deleted
    await t.database.handle.db
      .update(schema.applications)
      .set({ status: 'withdrawn', withdrawnAt: tokyo('2022-07-01 10:00') })
      .where(eq(schema.applications.requestId, r1.id));
    await refresh(t);
    await expectSameAsFullRefresh();
    await t.database.handle.db.delete(schema.applications).where(eq(schema.applications.requestId, r1.id));
    await t.database.handle.db.delete(schema.helpRequests).where(eq(schema.helpRequests.id, r1.id));
    await refresh(t);
    const [gone] = await expectSameAsFullRefresh();
    expect(gone.period).toMatchObject({ posted: 0, published: 0, matched: 0 });
  });
});
