import { bothEngines, useEngine } from '@board/tests/harness/engines';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { clearCounter, counterKey, hitCounter, readCounter } from '../../src/limits/counters.ts';

/** The counter statements must work on both engines the server runs on. */
const engines = bothEngines;

describe.each(engines)('rate-limit counters on $name', (engine) => {
  const database = useEngine(engine, 180_000); // PGlite opens and migrates in WASM: slow on a busy machine

  it('counts concurrent hits atomically, and starts again once the window ended', async () => {
    const key = counterKey('test', 'concurrent');
    const states = await Promise.all(Array.from({ length: 8 }, () => hitCounter(database.db, key, { ms: 60_000 })));
    expect(states.map((s) => s.hits).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect((await readCounter(database.db, key))?.hits).toBe(8);

    await database.db.execute(sql`update rate_limit_counters set window_ends_at = now() - interval '1 second'`);
    expect(await readCounter(database.db, key)).toBeNull();
    expect((await hitCounter(database.db, key, { ms: 60_000 }, 3)).hits).toBe(3);
    await clearCounter(database.db, key);
    expect(await readCounter(database.db, key)).toBeNull();
  });

  it('a sliding window moves its end with each hit; a fixed one keeps it', async () => {
    const fixed = counterKey('test', 'fixed');
    const sliding = counterKey('test', 'sliding');
    const firstFixed = await hitCounter(database.db, fixed, { ms: 60_000 });
    const firstSliding = await hitCounter(database.db, sliding, { ms: 60_000, sliding: true });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect((await hitCounter(database.db, fixed, { ms: 60_000 })).windowEndsAt).toEqual(firstFixed.windowEndsAt);
    const later = await hitCounter(database.db, sliding, { ms: 60_000, sliding: true });
    expect(later.windowEndsAt.getTime()).toBeGreaterThan(firstSliding.windowEndsAt.getTime());
    expect(later.hits).toBe(2);
  });
});
