import { DomainError, municipalityScope, type FailedDelivery, type ListFailedDeliveriesQuery } from '@board/shared';
import type { SignedInContext } from '../../services/context.ts';
import { deliveryRepository } from './repository.ts';

const shown = 100;

/** `tanaka@example.jp` → `ta…@example.jp`: whose it was, without handing the address out. */
export function maskAddress(address: string): string {
  const at = address.lastIndexOf('@');
  if (at < 0) return '…';
  return `${address.slice(0, Math.min(2, at))}…${address.slice(at)}`;
}

const iso = (value: Date | string) => new Date(value).toISOString();

/**
 * Mail jobs that stay `failed` after every retry (db/src/job-queue.ts), newest first: staff see
 * those about their municipality, the foundation all (account mails too, which belong to none).
 */
export async function listFailedDeliveries(
  ctx: SignedInContext,
  query: ListFailedDeliveriesQuery,
): Promise<{ items: FailedDelivery[] }> {
  const scope = municipalityScope(ctx.actor, 'delivery.listFailed', query.municipalityCode);
  if (!scope) throw new DomainError('FORBIDDEN', 'You may not read failed deliveries.');
  const rows = await ctx.door.asActor(ctx.actor, (tx) => deliveryRepository(tx).failedMail(scope, shown));
  return {
    items: rows.map((row) => ({
      id: row.id,
      failedAt: iso(row.failed_at),
      queuedAt: iso(row.queued_at),
      toMasked: maskAddress(row.to ?? ''),
      subject: row.subject ?? '',
      error: row.error ?? '',
      tries: Number(row.tries),
      municipalityCode: row.municipality_code,
    })),
  };
}
