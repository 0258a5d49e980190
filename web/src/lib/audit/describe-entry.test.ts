import { describe, expect, it } from 'vitest';
import { auditActionKeys } from '@board/shared';
import { messagesFor } from '#lib/i18n/catalogue.ts';
import { createTranslator } from '#lib/i18n/translator.ts';
import { describeAuditEntry } from './describe-entry.ts';

const ja = createTranslator('ja', messagesFor('ja'));
const en = createTranslator('en', messagesFor('en'));
const easy = createTranslator('ja-easy', messagesFor('ja-easy'));

describe('describeAuditEntry', () => {
  it('says each recorded action in plain words', () => {
    // every action of the table (shared/src/audit-actions.ts), in each language
    for (const action of auditActionKeys) {
      for (const i18n of [ja, en, easy]) {
        const { what } = describeAuditEntry(i18n, { action, details: {} });
        expect(what, `${i18n.lang} ${action}`).not.toContain(action);
        expect(what).not.toMatch(/^staff\./);
      }
    }
    expect(describeAuditEntry(ja, { action: 'invitation.create', details: {} }).what).toBe('招待を送った');
    expect(describeAuditEntry(en, { action: 'staff.sign_in', details: {} }).what).toBe('Signed in as staff');
  });

  it('adds what the entry is about: role, association, how', () => {
    expect(
      describeAuditEntry(ja, {
        action: 'invitation.create',
        details: { role: 'officer', associationId: 'a1', associationName: '千住一丁目町会' },
      }),
    ).toEqual({ what: '招待を送った', detail: '町会・自治会の役員 · 千住一丁目町会' });
    // an association named only by id is looked up
    expect(
      describeAuditEntry(
        en,
        { action: 'role.grant', details: { role: 'officer', associationId: 'a1' } },
        { a1: '梅田四丁目自治会' },
      ).detail,
    ).toBe('Association officer · 梅田四丁目自治会');
    expect(describeAuditEntry(en, { action: 'staff.sign_in', details: { method: 'link' } }).detail).toBe(
      'with an emailed link',
    );
    expect(
      describeAuditEntry(ja, { action: 'role.remove', details: { role: 'municipal_staff', reason: 'account_deleted' } })
        .detail,
    ).toBe('区市町村の職員 · 退会のため');
    expect(describeAuditEntry(ja, { action: 'association.create', details: { name: '新しい町会' } }).detail).toBe(
      '新しい町会',
    );
    expect(describeAuditEntry(ja, { action: 'me.export', details: {} }).detail).toBeNull();
  });

  it("says whose contact was shown why, and a decision's request and reason", () => {
    const reveal = { action: 'contact.reveal', details: { side: 'staff', reason: '内容を電話で確かめるため' } };
    expect(describeAuditEntry(ja, reveal)).toEqual({
      what: '連絡先を表示した',
      detail: '職員による表示 · 理由：内容を電話で確かめるため',
    });
    expect(describeAuditEntry(en, { action: 'contact.reveal', details: { side: 'association' } }).detail).toBe(
      'shown to the matched counterpart',
    );
    const close = { action: 'request.close', details: { title: '夏祭り', reason: '中止になりました' } };
    expect(describeAuditEntry(easy, close).detail).toBe('「夏祭り」 · りゆう：中止になりました');
    // the deletion code is said in words, not shown as a reason
    expect(
      describeAuditEntry(en, { action: 'role.remove', details: { reason: 'account_deleted' } }).detail,
    ).not.toContain('reason:');
  });

  it("says a match's steps and the request's completion, with the request's title", () => {
    const steps = {
      'match.accept': [
        '手を挙げた人を受け入れた（マッチ）',
        'Accepted a volunteer (a match)',
        'てを あげた ひとを うけいれた（マッチ）',
      ],
      'match.complete': [
        '活動が終わったと記録した（町会・自治会）',
        'Marked the work done (association)',
        'かつどうが おわったと きろく した（ちょうかい・じちかい）',
      ],
      'match.confirm': [
        '活動が終わったことを確かめた（腕きき）',
        'Confirmed the work was done (volunteer)',
        'かつどうが おわったことを たしかめた（うでききの ひと）',
      ],
      'request.complete': [
        '依頼の活動がすべて終わった',
        'All the work of a request was done',
        'おねがいの かつどうが ぜんぶ おわった',
      ],
    };
    for (const [action, [inJa, inEn, inEasy]] of Object.entries(steps)) {
      const entry = { action, details: { title: '写真撮影' } };
      expect(describeAuditEntry(ja, entry)).toEqual({ what: inJa, detail: '「写真撮影」' });
      expect(describeAuditEntry(en, entry).what).toBe(inEn);
      expect(describeAuditEntry(easy, entry).what).toBe(inEasy);
    }
  });

  it('shows an action it does not know by its code, hiding nothing', () => {
    expect(describeAuditEntry(en, { action: 'application.teleport', details: { role: 'nonsense' } })).toEqual({
      what: 'Other action (application.teleport)',
      detail: null,
    });
  });
});
