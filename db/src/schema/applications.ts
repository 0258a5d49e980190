import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  pgEnum,
  pgPolicy,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  boolean,
} from 'drizzle-orm/pg-core';
import { anyOf, boardApp, byMatchSide, isCurrentUser, isFoundation, isSystem, officerOf, staffOf } from './access.ts';
import { associations } from './associations.ts';
import { municipalities } from './municipalities.ts';
import { helpRequests } from './help-requests.ts';
import { users } from './users.ts';

export const applicationStatuses = ['pending', 'accepted', 'declined', 'withdrawn'] as const;
export const applicationStatus = pgEnum('application_status', applicationStatuses);

/**
 * 手を挙げる: a volunteer's application to a request. Accepted = a match. Municipality and
 * association are copied from the request so row-level security can check them directly.
 */
export const applications = pgTable(
  'applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => helpRequests.id),
    volunteerId: uuid('volunteer_id')
      .notNull()
      .references(() => users.id),
    municipalityCode: text('municipality_code')
      .notNull()
      .references(() => municipalities.code),
    associationId: uuid('association_id')
      .notNull()
      .references(() => associations.id),
    message: text('message').notNull(),
    status: applicationStatus('status').notNull().default('pending'),
    decisionNote: text('decision_note'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    /** the officer marked the work done */
    completedAt: timestamp('completed_at', { withTimezone: true }),
    /** the volunteer confirmed it */
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    /** first time the volunteer was shown the association's contact (audited once as contact.reveal) */
    contactShownToVolunteerAt: timestamp('contact_shown_to_volunteer_at', { withTimezone: true }),
    /** first time an officer was shown the volunteer's contact (audited once as contact.reveal) */
    contactShownToAssociationAt: timestamp('contact_shown_to_association_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // one live application per volunteer and request (a double click makes one)
    uniqueIndex('applications_one_live_idx')
      .on(t.requestId, t.volunteerId)
      .where(sql`${t.status} in ('pending', 'accepted')`),
    index('applications_request_idx').on(t.requestId, t.status),
    index('applications_volunteer_idx').on(t.volunteerId, t.createdAt),
    pgPolicy('applications_read', {
      for: 'select',
      to: boardApp,
      using: anyOf(
        isSystem,
        isFoundation,
        staffOf(t.municipalityCode),
        officerOf(t.associationId),
        isCurrentUser(t.volunteerId),
      ),
    }),
    pgPolicy('applications_insert', {
      for: 'insert',
      to: boardApp,
      withCheck: anyOf(isSystem, isCurrentUser(t.volunteerId)),
    }),
    pgPolicy('applications_update', {
      for: 'update',
      to: boardApp,
      using: anyOf(isSystem, staffOf(t.municipalityCode), officerOf(t.associationId), isCurrentUser(t.volunteerId)),
      withCheck: anyOf(isSystem, staffOf(t.municipalityCode), officerOf(t.associationId), isCurrentUser(t.volunteerId)),
    }),
  ],
);

/** The private thread of a match: plain text between the volunteer and the association's officers. */
export const messages = pgTable(
  'messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    municipalityCode: text('municipality_code').notNull(),
    associationId: uuid('association_id').notNull(),
    volunteerId: uuid('volunteer_id').notNull(),
    senderId: uuid('sender_id').references(() => users.id),
    body: text('body').notNull(),
    hiddenAt: timestamp('hidden_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('messages_thread_idx').on(t.applicationId, t.createdAt),
    pgPolicy('messages_read', {
      for: 'select',
      to: boardApp,
      using: anyOf(isSystem, staffOf(t.municipalityCode), officerOf(t.associationId), isCurrentUser(t.volunteerId)),
    }),
    pgPolicy('messages_insert', {
      for: 'insert',
      to: boardApp,
      withCheck: anyOf(isSystem, byMatchSide(t.senderId, t)),
    }),
    pgPolicy('messages_update', {
      for: 'update',
      to: boardApp,
      using: anyOf(isSystem, staffOf(t.municipalityCode)),
      withCheck: anyOf(isSystem, staffOf(t.municipalityCode)),
    }),
  ],
);

/** A thank-you note after a match (shown on the volunteer's profile if they allow). */
export const thanks = pgTable(
  'thanks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    municipalityCode: text('municipality_code').notNull(),
    associationId: uuid('association_id').notNull(),
    volunteerId: uuid('volunteer_id').notNull(),
    fromUserId: uuid('from_user_id').references(() => users.id),
    /** true when written by the association to the volunteer */
    toVolunteer: boolean('to_volunteer').notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('thanks_one_per_side_idx').on(t.applicationId, t.toVolunteer),
    index('thanks_volunteer_idx').on(t.volunteerId),
    // thanks are meant to be read; the profile page decides whether to show them (showThanks)
    pgPolicy('thanks_read', { for: 'select', to: boardApp, using: sql`true` }),
    pgPolicy('thanks_insert', {
      for: 'insert',
      to: boardApp,
      withCheck: anyOf(isSystem, byMatchSide(t.fromUserId, t)),
    }),
  ],
);

/** A private 1–5 rating with a comment, read only by staff. */
export const ratings = pgTable(
  'ratings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    municipalityCode: text('municipality_code').notNull(),
    associationId: uuid('association_id').notNull(),
    volunteerId: uuid('volunteer_id').notNull(),
    raterId: uuid('rater_id').references(() => users.id),
    toVolunteer: boolean('to_volunteer').notNull(),
    score: integer('score').notNull(),
    comment: text('comment').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('ratings_one_per_side_idx').on(t.applicationId, t.toVolunteer),
    check('ratings_score_range', sql`${t.score} between 1 and 5`),
    pgPolicy('ratings_read', {
      for: 'select',
      to: boardApp,
      using: anyOf(isSystem, isFoundation, staffOf(t.municipalityCode)),
    }),
    pgPolicy('ratings_insert', {
      for: 'insert',
      to: boardApp,
      withCheck: anyOf(isSystem, byMatchSide(t.raterId, t)),
    }),
  ],
);
