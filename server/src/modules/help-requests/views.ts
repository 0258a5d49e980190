import {
  availableTransitions,
  can,
  deletableStatuses,
  DomainError,
  editableStatuses,
  saneYears,
  whenOfColumns,
  type Actor,
  type HelpRequestDetail,
  type HelpRequestPublic,
  type OfficerContact,
  type RequestTransition,
  type Resource,
} from '@board/shared';
import type { ContactRow, Keyset, PublicRequestRow, RequestRow } from './rows.ts';
import { iso } from '../../services/iso.ts';

export function resourceOf(row: Pick<RequestRow, 'municipalityCode' | 'associationId'>): Resource {
  return { municipalityCode: row.municipalityCode, associationId: row.associationId };
}

/** Officers of the association, staff of the municipality, foundation staff: drafts, reasons, contact. */
export function readsPrivate(actor: Actor | null, row: Pick<RequestRow, 'municipalityCode' | 'associationId'>) {
  return can(actor, 'request.readPrivate', resourceOf(row));
}

/** The submit transition this municipality uses. */
export function submitTransition(moderationRequired: boolean): RequestTransition {
  return moderationRequired ? 'submit' : 'submitAndPublish';
}

/** What anyone may see: never the exact place, the contact or the staff's reason. */
export function publicView(row: PublicRequestRow): HelpRequestPublic {
  return {
    id: row.id,
    municipalityCode: row.municipalityCode,
    municipalityName: row.municipalityName,
    municipalityNameEn: row.municipalityNameEn,
    associationId: row.associationId,
    associationName: row.associationName,
    title: row.title,
    body: row.body,
    category: row.category,
    skills: row.skills,
    skillKeys: row.skillKeys,
    slots: row.slots,
    matchedCount: row.matchedCount,
    when: whenOfColumns(row),
    area: row.area,
    online: row.online,
    estimatedHours: row.estimatedHours === null ? null : Number(row.estimatedHours),
    expensesCovered: row.expensesCovered,
    applicationDeadline: iso(row.applicationDeadline),
    languages: row.languages,
    summaryEn: row.summaryEn,
    summaryJaEasy: row.summaryJaEasy,
    status: row.status,
    publishedAt: iso(row.publishedAt),
    postedByMunicipality: row.postedByMunicipality,
    titleRuby: row.titleRuby,
    bodyRuby: row.bodyRuby,
    associationNameRuby: row.associationNameRuby,
  };
}

/** The posting officer's contact; null when the account is gone. */
export function contactOf(row: ContactRow): OfficerContact | null {
  return row.contactName !== null ? { name: row.contactName, email: row.contactEmail, phone: row.contactPhone } : null;
}

const seesContactOf = (actor: Actor | null, row: RequestRow, matched: boolean) =>
  matched || can(actor, 'request.readContact', resourceOf(row));

/**
 * Does this viewer's page need the request's current contact: to see it, or (staff) to be offered
 * to ask for it? Visitors and unmatched volunteers do not, and finding it costs two look-ups.
 */
export function needsContact(actor: Actor | null, row: RequestRow, matched: boolean): boolean {
  return seesContactOf(actor, row, matched) || can(actor, 'request.revealContact', resourceOf(row));
}

/**
 * The request for this viewer. `reveal` (private readers and matched volunteers) adds the exact
 * place; the posting officer's contact goes to the association's officers and matched
 * volunteers only (staff ask for it with a logged reason); the staff's reason only goes to
 * private readers.
 */
export function detailView(
  actor: Actor | null,
  row: RequestRow & ContactRow,
  access: { privateReader: boolean; matched: boolean },
): HelpRequestDetail {
  const reveal = access.privateReader || access.matched;
  const seesContact = seesContactOf(actor, row, access.matched);
  return {
    ...publicView(row),
    exactPlace: reveal ? row.exactPlace : null,
    officerContact: seesContact ? contactOf(row) : null,
    statusReason: access.privateReader ? row.statusReason : null,
    hidden: row.hiddenAt !== null,
    copiedFrom: access.privateReader ? row.copiedFrom : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    availableTransitions: availableTransitions(actor, { ...resourceOf(row), ...row }),
    canEdit: can(actor, 'request.edit', resourceOf(row)) && editableStatuses.includes(row.status),
    canCopy: can(actor, 'request.copy', resourceOf(row)),
    canDelete: can(actor, 'request.delete', resourceOf(row)) && deletableStatuses.includes(row.status),
    canRevealContact: !seesContact && row.contactName !== null && can(actor, 'request.revealContact', resourceOf(row)),
    handsMode: row.handsMode,
  };
}

// ---- opaque cursors: base64url of { s: listing, k: sort key as PostgreSQL text, i: id }

const timestampText =
  /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?(?:([+-])(\d{2})(?::?(\d{2}))?|Z)$/;

/**
 * A timestamptz as PostgreSQL writes it, holding a moment that exists (no 2026-02-30, no hour 25,
 * a sane year): the shape alone would let an impossible value through to the database.
 */
function isTimestampText(text: string): boolean {
  const m = timestampText.exec(text);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, ...number[]];
  const [offsetHours, offsetMinutes] = [Number(m[9] ?? 0), Number(m[10] ?? 0)];
  const date = new Date(Date.UTC(year, month! - 1, day, hour, minute, second));
  return (
    year >= saneYears.min &&
    year <= saneYears.max &&
    date.getUTCMonth() === month! - 1 &&
    date.getUTCDate() === day &&
    date.getUTCHours() === hour &&
    date.getUTCMinutes() === minute &&
    date.getUTCSeconds() === second &&
    offsetHours < 16 &&
    offsetMinutes < 60
  );
}
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeCursor(listing: string, position: { sortKey: string | null; id: string }): string {
  return Buffer.from(JSON.stringify({ s: listing, k: position.sortKey, i: position.id })).toString('base64url');
}

/**
 * The position a cursor stands for; 400 (field `cursor`) when it is not one this listing made.
 * `isId` checks the row id it holds (a uuid unless the listing says otherwise).
 */
export function decodeCursor(
  listing: string,
  cursor: string | undefined,
  isId: (id: string) => boolean = (id) => uuid.test(id),
): Keyset | undefined {
  if (cursor === undefined) return undefined;
  const invalid = () =>
    new DomainError('VALIDATION_FAILED', 'The cursor is not valid for this listing.', [
      { field: 'cursor', code: 'CURSOR_INVALID' },
    ]);
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (typeof parsed !== 'object' || parsed === null) throw invalid();
  const { s, k, i } = parsed as Record<string, unknown>;
  if (s !== listing || typeof i !== 'string' || !isId(i)) throw invalid();
  if (k !== null && (typeof k !== 'string' || !isTimestampText(k))) throw invalid();
  return { key: k, id: i };
}

/** `items` of one page and the cursor of the next, from `limit + 1` fetched rows. */
export function pageOf<T extends { sortKey: string | null; id: string }, V>(
  rows: T[],
  limit: number,
  listing: string,
  view: (row: T) => V,
): { items: V[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map(view),
    nextCursor: rows.length > limit && last ? encodeCursor(listing, last) : null,
  };
}
