import { z } from 'zod';
import { MunicipalityCode } from './municipalities.ts';

/**
 * A mail the board could not deliver after all its tries (the `mail` job queue, issue 11). The
 * address is shown masked (`ta…@example.jp`): enough to recognise whose it was, not to copy.
 */
export const FailedDelivery = z.object({
  id: z.string(),
  /** when the last try failed */
  failedAt: z.iso.datetime({ offset: true }),
  /** when the mail was queued (the change it announced) */
  queuedAt: z.iso.datetime({ offset: true }),
  toMasked: z.string(),
  subject: z.string(),
  /** what the mail server said the last time */
  error: z.string(),
  tries: z.number().int(),
  /** the municipality the mail was about; null: an account mail (only the foundation sees those) */
  municipalityCode: MunicipalityCode.nullable(),
});
export type FailedDelivery = z.infer<typeof FailedDelivery>;

/** Optionally one municipality ('' is "not set", as a GET form sends it). */
export const ListFailedDeliveriesQuery = z.object({
  municipalityCode: z.preprocess((v) => (v === '' ? undefined : v), MunicipalityCode.optional()),
});
export type ListFailedDeliveriesQuery = z.infer<typeof ListFailedDeliveriesQuery>;

/** Newest failure first, the latest 100. */
export const FailedDeliveries = z.object({ items: z.array(FailedDelivery) });
export type FailedDeliveries = z.infer<typeof FailedDeliveries>;
