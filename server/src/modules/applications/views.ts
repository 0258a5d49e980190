import type { Database } from '@board/db';
import {
  can,
  type Actor,
  type ApplicantProfile,
  type ApplicationForOfficer,
  type ContactDetails,
  type Language,
  type MyApplication,
  type SkillLevel,
  whenOfColumns,
} from '@board/shared';
import { applicationRepository, type ApplicationRepository, type ApplicationRow, type Person } from './repository.ts';
import { requestRepository } from '../help-requests/repository.ts';
import { iso } from '../../services/iso.ts';

function contactOf(person: Person): ContactDetails {
  return { userId: person.userId, displayName: person.displayName, email: person.email, phone: person.phone };
}

/**
 * The association side of a match: the officer who posted the request while they still are one,
 * else every current officer of the association. They are shown to the matched volunteer and
 * get the association's mail about the match.
 */
export async function associationSide(
  repo: ApplicationRepository,
  requests: { associationId: string; createdBy: string | null }[],
): Promise<(request: { associationId: string; createdBy: string | null }) => Person[]> {
  const officers = await repo.officersOf(requests.map((r) => r.associationId));
  return (request) => {
    const ofAssociation = officers.filter((o) => o.associationId === request.associationId);
    const poster = ofAssociation.find((o) => o.userId === request.createdBy);
    return poster ? [poster] : ofAssociation;
  };
}

/** A volunteer's profile as others see it; thanks counted only if the volunteer shows thanks. */
export function applicantProfile(
  applicant: {
    userId: string;
    displayName: string;
    skills: { key: string; level: SkillLevel }[];
    interestCategories: string[] | null;
    languages: string[] | null;
    language: Language;
    showThanks: boolean | null;
  },
  stats: { completedHelps: number; thanks: number } | undefined,
): ApplicantProfile {
  return {
    id: applicant.userId,
    displayName: applicant.displayName,
    skills: applicant.skills,
    interestCategories: applicant.interestCategories ?? [],
    languages: applicant.languages ?? [],
    readingLanguage: applicant.language,
    completedHelps: stats?.completedHelps ?? 0,
    thanksReceived: (applicant.showThanks ?? false) ? (stats?.thanks ?? 0) : null,
  };
}

async function thanksByApplication(repo: ApplicationRepository, ids: string[]) {
  const rows = await repo.thanksOf(ids);
  return (id: string) => ({
    toVolunteer: rows.find((t) => t.applicationId === id && t.toVolunteer)?.body ?? null,
    toAssociation: rows.find((t) => t.applicationId === id && !t.toVolunteer)?.body ?? null,
  });
}

function commonFields(row: ApplicationRow) {
  return {
    id: row.id,
    requestId: row.requestId,
    municipalityCode: row.municipalityCode,
    associationId: row.associationId,
    status: row.status,
    message: row.message,
    decisionNote: row.decisionNote,
    createdAt: row.createdAt.toISOString(),
    decidedAt: iso(row.decidedAt),
    withdrawnAt: iso(row.withdrawnAt),
    completedAt: iso(row.completedAt),
    confirmedAt: iso(row.confirmedAt),
  };
}

/**
 * Applications as the association and staff see them. The volunteer's contact goes only to the
 * association's officers, only while matched and once their side opened it (contact-reveal.ts,
 * where it is audited: a read writes nothing). Private ratings go only to the municipality's staff and the foundation
 * (row-level security on `ratings` says the same).
 */
export async function officerViews(
  tx: Database,
  actor: Actor,
  rows: ApplicationRow[],
): Promise<ApplicationForOfficer[]> {
  const repo = applicationRepository(tx);
  const ids = rows.map((r) => r.id);
  const applicants = new Map((await repo.applicants(rows.map((r) => r.volunteerId))).map((a) => [a.userId, a]));
  const stats = await repo.volunteerStats(rows.map((r) => r.volunteerId));
  const thanksOf = await thanksByApplication(repo, ids);

  // `application.list` without an association is true exactly for the municipality's staff and the foundation
  const readsRatings = (row: ApplicationRow) =>
    can(actor, 'application.list', { municipalityCode: row.municipalityCode });
  const ratingRows = rows.some(readsRatings) ? await repo.ratingsOf(ids) : [];

  // only once this side has opened the contact (showMatchContact, or the acceptance itself)
  const seesContact = (row: ApplicationRow) =>
    row.status === 'accepted' &&
    row.contactShownToAssociationAt !== null &&
    can(actor, 'application.decide', { associationId: row.associationId });

  return rows.map((row) => {
    const applicant = applicants.get(row.volunteerId)!;
    return {
      ...commonFields(row),
      thanks: thanksOf(row.id),
      applicant: applicantProfile(applicant, stats.get(row.volunteerId)),
      contact: seesContact(row) ? contactOf(applicant) : null,
      ratings: readsRatings(row)
        ? ratingRows
            .filter((r) => r.applicationId === row.id)
            .map((r) => ({
              toVolunteer: r.toVolunteer,
              score: r.score,
              comment: r.comment,
              createdAt: r.createdAt.toISOString(),
            }))
        : null,
    };
  });
}

/**
 * The volunteer's own applications. While matched they include the exact place, and the
 * association's contact person(s) once the volunteer opened them (contact-reveal.ts).
 */
export async function volunteerViews(tx: Database, actor: Actor, rows: ApplicationRow[]): Promise<MyApplication[]> {
  const repo = applicationRepository(tx);
  const own = rows.filter((r) => r.volunteerId === actor.userId);
  const requests = new Map(
    (await requestRepository(tx).findApplied(own.map((r) => r.requestId))).map((r) => [r.id, r]),
  );
  const matched = own.filter((r) => r.status === 'accepted');
  const sideOf = await associationSide(
    repo,
    matched.map((r) => requests.get(r.requestId)!),
  );
  const thanksOf = await thanksByApplication(
    repo,
    own.map((r) => r.id),
  );

  return own.map((row) => {
    const request = requests.get(row.requestId)!;
    const isMatch = row.status === 'accepted';
    return {
      ...commonFields(row),
      thanks: thanksOf(row.id),
      request: {
        id: request.id,
        title: request.title,
        status: request.status,
        municipalityCode: request.municipalityCode,
        municipalityName: request.municipalityName,
        associationName: request.associationName,
        area: request.area,
        online: request.online,
        startsAt: iso(request.startsAt),
        endsAt: iso(request.endsAt),
        when: whenOfColumns(request),
        exactPlace: isMatch ? request.exactPlace : null,
      },
      contacts: isMatch && row.contactShownToVolunteerAt !== null ? sideOf(request).map(contactOf) : null,
    };
  });
}
