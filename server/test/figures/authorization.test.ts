import { can, canAtAll, OpenData, type Actor } from '@board/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  signedInActorsOf,
  createVolunteer,
  csvLines,
  get,
  rowCounts,
  useApiApp,
  tenantPersonas,
  tenantTargets,
} from '../kit/index.ts';
import { plusDays, postRequest, raiseHand, refresh, tokyo } from './scene.ts';

/**
 * Who may read the figures: every figures route × every role × the actor's own and another
 * municipality. 200 exactly when the permissions table (`figures.read`) says so, else 401/403,
 * nothing written. The open data is anyone's, and never has a cell under 5 or a name.
 */

const t = useApiApp();
const personas = tenantPersonas;
type Persona = keyof typeof personas;
const targets = tenantTargets;
let actors: Map<Persona, { actor: Actor | null; headers: Record<string, string> }>;
const volunteerName = '図表 花子';
const titles: string[] = [];

beforeAll(async () => {
  actors = await signedInActorsOf(t, personas);
  // 2021-06: 足立区 7 posted, 6 published, 3 matched (all small cells but posted and published);
  // 新宿区 2 posted. One volunteer raises every hand.
  const volunteer = (await createVolunteer(t, { displayName: volunteerName })).id;
  for (let i = 0; i < 7; i++) {
    const at = tokyo(`2021-06-0${i + 1} 10:00`);
    const published = i < 6;
    const request = await postRequest(t, at, {
      title: `図表の依頼 ${i}`,
      status: published ? (i < 3 ? 'filled' : 'published') : 'pending_review',
      matchedCount: i < 3 ? 1 : 0,
      publishedAt: published ? at : null,
    });
    titles.push(`図表の依頼 ${i}`);
    if (i < 3)
      await raiseHand(t, request, { volunteerId: volunteer, at, decided: { at: plusDays(at, 1), status: 'accepted' } });
  }
  for (let i = 0; i < 2; i++)
    await postRequest(t, tokyo('2021-06-10 10:00'), {
      municipalityCode: '13104',
      publishedAt: tokyo('2021-06-10 10:00'),
    });
  await refresh(t);
});

const routes = [
  { name: 'getStatistics', url: (c: string) => `/api/statistics?municipalityCode=${c}&from=2021-06&to=2021-06` },
  {
    name: 'exportStatistics (csv)',
    url: (c: string) => `/api/statistics/export?municipalityCode=${c}&from=2021-06&to=2021-06&format=csv`,
  },
  {
    name: 'exportStatistics (json)',
    url: (c: string) => `/api/statistics/export?municipalityCode=${c}&from=2021-06&to=2021-06&format=json`,
  },
];

const rows = routes.flatMap((route) =>
  (Object.keys(personas) as Persona[]).flatMap((persona) =>
    targets.map((target) => ({ label: `${route.name} as ${persona} → ${target}`, route, persona, target })),
  ),
);

describe('figures authorization (from shared/src/permissions.ts)', () => {
  it.each(rows)('$label', async ({ route, persona, target }) => {
    const { actor, headers } = actors.get(persona)!;
    const before = await rowCounts(t);
    const res = await get(t, headers, route.url(target));
    expect(await rowCounts(t)).toEqual(before);
    if (!can(actor, 'figures.read', { municipalityCode: target })) {
      expect(res.statusCode).toBe(actor === null ? 401 : 403);
      expect(res.body).not.toContain('"posted"');
      return;
    }
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).toContain(target === '13121' ? '7' : '2');
  });

  it('naming no municipality: staff get their own, the foundation all Tokyo, others 403', async () => {
    const ask = async (persona: Persona) =>
      get(t, actors.get(persona)!.headers, '/api/statistics?from=2021-06&to=2021-06');
    expect((await ask('staff13104')).json()).toMatchObject({ municipalityCode: '13104', period: { posted: 2 } });
    expect((await ask('foundation')).json()).toMatchObject({ municipalityCode: null, period: { posted: 9 } });
    for (const persona of ['volunteer', 'officer13121'] as const) {
      expect(canAtAll(actors.get(persona)!.actor, 'figures.read')).toBe(false);
      expect((await ask(persona)).statusCode).toBe(403);
    }
  });
});

describe('getOpenData (public)', () => {
  it('anyone reads it: aggregates only, every count 5 or more or suppressed, no names', async () => {
    const res = await get(t, {}, '/api/open-data?from=2021-06&to=2021-06');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers.link).toContain('creativecommons.org/licenses/by/4.0');
    const data = OpenData.parse(res.json());
    expect(data.licence.name).toBe('CC BY 4.0');
    const adachi = data.rows.find((r) => r.municipalityCode === '13121')!;
    expect(adachi).toMatchObject({ month: '2021-06', posted: 7, published: 6, matched: null, completed: null });
    expect(adachi.activeVolunteers).toBeNull();
    expect(data.rows.find((r) => r.municipalityCode === '13104')).toMatchObject({ posted: null, published: null });
    for (const row of data.rows)
      for (const [key, value] of Object.entries(row))
        if (typeof value === 'number') expect(value, `${row.municipalityCode} ${key}`).toBeGreaterThanOrEqual(5);
    for (const secret of [volunteerName, ...titles, '千住一丁目町会', '梅田四丁目自治会'])
      expect(res.body).not.toContain(secret);
  });

  it('as a CSV under CC BY 4.0, suppressed cells empty', async () => {
    const res = await get(t, {}, '/api/open-data?from=2021-06&to=2021-06&format=csv');
    const lines = csvLines(res);
    expect(lines[0]).toContain('"ライセンス"');
    const adachi = lines.find((l) => l.startsWith('"13121"'))!;
    expect(adachi).toContain('"2021-06","7","6","","","",""');
    expect(adachi).toContain('CC BY 4.0');
    for (const cell of lines.slice(1).flatMap((l) => l.split(',')))
      if (/^"\d+"$/.test(cell) && !/^"13\d{3}"$/.test(cell))
        expect(Number(cell.slice(1, -1))).toBeGreaterThanOrEqual(5);
    expect(res.body).not.toContain(volunteerName);
  });

  it('a bad month is refused', async () => {
    expect((await get(t, {}, '/api/open-data?from=2021-6')).statusCode).toBe(400);
  });
});
