import type { Actor } from '@board/shared';
import { describe, expect, it } from 'vitest';
import { auditEntryHref } from './entry-link.ts';

const staffAdachi: Actor = {
  userId: 's',
  roles: [{ role: 'municipal_staff', municipalityCode: '13121', associationId: null }],
};
const foundation: Actor = {
  userId: 'f',
  roles: [{ role: 'foundation_staff', municipalityCode: null, associationId: null }],
};
const id = '0b9d2f7e-5c1a-4e3b-9f00-1234567890ab';
const entry = (over: Partial<Parameters<typeof auditEntryHref>[1]>) => ({
  action: 'request.approve',
  municipalityCode: '13121',
  subjectType: 'help_request',
  subjectId: id,
  details: {},
  ...over,
});

describe('auditEntryHref', () => {
  it("links a request's decisions, a match's steps and a shown contact to the request's review page", () => {
    expect(auditEntryHref(staffAdachi, entry({}))).toBe(`/staff/moderation/${id}`);
    const match = entry({
      action: 'match.accept',
      subjectType: 'application',
      subjectId: 'x',
      details: { requestId: id },
    });
    expect(auditEntryHref(foundation, match)).toBe(`/staff/moderation/${id}`);
    const reveal = entry({ action: 'contact.reveal', subjectType: 'application', details: { requestId: id } });
    expect(auditEntryHref(staffAdachi, reveal)).toBe(`/staff/moderation/${id}`);
  });

  it('links associations, flags, settings and invitations', () => {
    expect(auditEntryHref(staffAdachi, entry({ action: 'association.create', subjectType: 'association' }))).toBe(
      `/staff/associations/${id}`,
    );
    const grant = entry({ action: 'role.grant', subjectType: 'user', subjectId: 'u', details: { associationId: id } });
    expect(auditEntryHref(staffAdachi, grant)).toBe(`/staff/associations/${id}`);
    expect(auditEntryHref(staffAdachi, entry({ action: 'flag.hide', subjectType: 'flag' }))).toBe(
      `/staff/flags?status=hidden#flag-${id}`,
    );
    const settings = entry({ action: 'municipality.update_settings', subjectType: 'municipality', subjectId: '13121' });
    expect(auditEntryHref(staffAdachi, settings)).toBe('/staff/settings?municipality=13121');
    // settings are the municipality's own staff's: the foundation gets no link
    expect(auditEntryHref(foundation, settings)).toBeNull();
    const invite = entry({
      action: 'invitation.create',
      subjectType: 'invitation',
      details: { role: 'municipal_staff' },
    });
    expect(auditEntryHref(foundation, invite)).toBe('/staff/invitations');
  });

  it('gives no link into another municipality, nor for what has no page', () => {
    expect(auditEntryHref(staffAdachi, entry({ municipalityCode: '13104' }))).toBeNull();
    expect(
      auditEntryHref(staffAdachi, entry({ action: 'staff.sign_in', subjectType: 'user', subjectId: 'u' })),
    ).toBeNull();
    expect(
      auditEntryHref(foundation, entry({ municipalityCode: null, action: 'me.export', subjectType: 'user' })),
    ).toBeNull();
    expect(auditEntryHref(staffAdachi, entry({ subjectId: 'not-an-id' }))).toBeNull();
    // a deleted draft is gone
    expect(auditEntryHref(staffAdachi, entry({ action: 'request.delete' }))).toBeNull();
  });

  it("links a change of a municipality's status to its page, for the foundation only", () => {
    const paused = entry({ action: 'municipality.update_status', subjectType: 'municipality', subjectId: '13121' });
    expect(auditEntryHref(foundation, paused)).toBe('/staff/municipalities/13121');
    expect(auditEntryHref(staffAdachi, paused)).toBeNull();
  });
});
