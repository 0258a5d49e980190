import { jobSchema, rowsOf } from '@board/db';
import { DomainError, municipalityScope, type FailedDelivery, type ListFailedDeliveriesQuery } from '@board/shared';
import { sql } from 'drizzle-orm';
import type { SignedInContext } from '../../services/context.ts';

const shown = 100;

interface FailedRow {
  id: string;
  failed_at: Date | string;
  queued_at: Date | string;
  to: string | null;
  subject: string | null;
  error: string | null;
  tries: number;
  municipality_code: string | null;
}

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
 * The queue's tables have no row-level security, so the scope is this WHERE.
 */
export async function listFailedDeliveries(
  ctx: SignedInContext,
  query: ListFailedDeliveriesQuery,
): Promise<{ items: FailedDelivery[] }> {
  const scope = municipalityScope(ctx.actor, 'delivery.listFailed', query.municipalityCode);
  if (!scope) throw new DomainError('FORBIDDEN', 'You may not read failed deliveries.');
  const within = scope === 'any' ? sql`true` : sql`data->>'municipalityCode' = any(${sql.param(scope)}::text[])`;
  const result: unknown = await ctx.door.asActor(ctx.actor, (tx) =>
    tx.execute(sql`
      select id::text, completed_on as failed_at, created_on as queued_at, data->>'to' as to,
             data->>'subject' as subject, coalesce(output->>'message', output->'value'->>'message') as error,
             retry_count + 1 as tries, data->>'municipalityCode' as municipality_code
      from ${sql.raw(jobSchema)}.job
      where name = 'mail' and state = 'failed' and ${within}
      order by completed_on desc, id
      limit ${shown}`),
  );
  const rows = rowsOf<FailedRow>(result);
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
