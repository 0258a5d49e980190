import { flagStatuses, flagTargetTypes } from '@board/shared';
import { sql } from 'drizzle-orm';
import { index, pgEnum, pgPolicy, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { at, createdAt, id, requiredMunicipality } from './columns.ts';
import { anyOf, isCurrentUser, isFoundation, isSystem, policyFor, staffOf } from './access.ts';
import { municipalities } from './municipalities.ts';
import { users } from './users.ts';

export const flagTarget = pgEnum('flag_target', flagTargetTypes);
export const flagStatus = pgEnum('flag_status', flagStatuses);

/** Anyone signed in may report a request or a message; the municipality's staff decide. */
export const flags = pgTable(
  'flags',
  {
    id: id(),
    municipalityCode: requiredMunicipality(() => municipalities.code),
    targetType: flagTarget('target_type').notNull(),
    targetId: uuid('target_id').notNull(),
    reporterId: uuid('reporter_id').references(() => users.id),
    reason: text('reason').notNull(),
    status: flagStatus('status').notNull().default('open'),
    resolvedBy: uuid('resolved_by').references(() => users.id),
    resolvedAt: at('resolved_at'),
    resolutionNote: text('resolution_note'),
    createdAt: createdAt(),
  },
  (t) => [
    index('flags_queue_idx').on(t.municipalityCode, t.status, t.createdAt),
    // one open flag per person and item (a double submit makes one)
    uniqueIndex('flags_one_open_per_reporter_idx')
      .on(t.reporterId, t.targetType, t.targetId)
      .where(sql`${t.status} = 'open'`),
    pgPolicy(
      'flags_read',
      policyFor('select', anyOf(isSystem, isFoundation, staffOf(t.municipalityCode), isCurrentUser(t.reporterId))),
    ),
    pgPolicy('flags_insert', policyFor('insert', anyOf(isSystem, isCurrentUser(t.reporterId)))),
    pgPolicy('flags_update', policyFor('update', anyOf(isSystem, staffOf(t.municipalityCode)))),
  ],
);
