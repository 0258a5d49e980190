import { vi } from 'vitest';

export const hourMs = 3_600_000;

/**
 * Runs `work` on a machine whose clock is `offsetMs` off the database's (a server whose clock has
 * drifted). Only `Date` is faked, and it keeps running; timers stay real, so the app, its job
 * queue and the kit's waits work as ever. What the board decides by the database's clock must
 * come out the same.
 */
export async function withMachineClockOff<T>(offsetMs: number, work: () => Promise<T>): Promise<T> {
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true, now: Date.now() + offsetMs });
  try {
    return await work();
  } finally {
    vi.useRealTimers();
  }
}
