import { categoryKeys, requestStatuses, whenKinds } from '@board/shared';
import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  numeric,
  pgEnum,
  pgPolicy,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { anyOf, boardApp, isCurrentUser, isFoundation, isSystem, officerOf, staffOf } from './access.ts';
import { associations } from './associations.ts';
import { municipalities } from './municipalities.ts';
import { users } from './users.ts';

export const requestStatus = pgEnum('request_status', requestStatuses);
export const category = pgEnum('category', categoryKeys);
export const whenKind = pgEnum('when_kind', whenKinds);

/** 依頼 / 困りごと posted by an association. */
export const helpRequests = pgTable(
  'help_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityCode: text('municipality_code')
      .notNull()
      .references(() => municipalities.code),
    associationId: uuid('association_id')
      .notNull()
      .references(() => associations.id),
    createdBy: uuid('created_by').references(() => users.id),
    title: text('title').notNull(),
    body: text('body').notNull(),
    category: category('category').notNull(),
    skills: text('skills')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    slots: integer('slots').notNull().default(1),
    whenKind: whenKind('when_kind').notNull().default('flexible'),
    startsAt: timestamp('starts_at', { withTimezone: true }),
    endsAt: timestamp('ends_at', { withTimezone: true }),
    /** area inside the municipality (丁目 level); the exact place stays private until a match */
    area: text('area').notNull().default(''),
    exactPlace: text('exact_place').notNull().default(''),
    online: boolean('online').notNull().default(false),
    estimatedHours: numeric('estimated_hours', { precision: 5, scale: 1 }),
    expensesCovered: boolean('expenses_covered').notNull().default(false),
    applicationDeadline: timestamp('application_deadline', { withTimezone: true }),
    languages: text('languages')
      .array()
      .notNull()
      .default(sql`'{ja}'::text[]`),
    /** accepted applications; never above `slots` (the accept is a conditional UPDATE on this column) */
    matchedCount: integer('matched_count').notNull().default(0),
    /** normalised unigrams + bigrams of title and body (shared/src/search/tokens.ts), GIN-indexed */
    searchTokens: text('search_tokens')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** the request this one was copied from ("post it again next year") */
    copiedFrom: uuid('copied_from'),
    /** staff hid it after a flag */
    hiddenAt: timestamp('hidden_at', { withTimezone: true }),
    status: requestStatus('status').notNull().default('draft'),
    statusReason: text('status_reason'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('help_requests_municipality_status_idx').on(t.municipalityCode, t.status),
    index('help_requests_association_idx').on(t.associationId),
    index('help_requests_search_idx').using('gin', t.searchTokens),
    // the board: newest first and by deadline, keyset-paginated over public requests
    index('help_requests_board_newest_idx')
      .on(t.publishedAt.desc(), t.id.desc())
      .where(sql`${t.status} in ('published', 'filled', 'completed')`),
    index('help_requests_board_deadline_idx')
      .on(t.applicationDeadline, t.id)
      .where(sql`${t.status} in ('published', 'filled', 'completed')`),
    index('help_requests_moderation_idx')
      .on(t.municipalityCode, t.updatedAt)
      .where(sql`${t.status} = 'pending_review'`),
    pgPolicy('help_requests_read', {
      for: 'select',
      to: boardApp,
      using: anyOf(
        sql`${t.status} in ('published', 'filled', 'completed')`,
        isSystem,
        isFoundation,
        staffOf(t.municipalityCode),
        officerOf(t.associationId),
        isCurrentUser(t.createdBy),
      ),
    }),
    pgPolicy('help_requests_insert', {
      for: 'insert',
      to: boardApp,
      withCheck: anyOf(isSystem, officerOf(t.associationId)),
    }),
    pgPolicy('help_requests_update', {
      for: 'update',
      to: boardApp,
      using: anyOf(isSystem, staffOf(t.municipalityCode), officerOf(t.associationId)),
      withCheck: anyOf(isSystem, staffOf(t.municipalityCode), officerOf(t.associationId)),
    }),
    pgPolicy('help_requests_delete', { for: 'delete', to: boardApp, using: isSystem }),
  ],
);
