import { notificationKinds } from '@board/shared';
import { describe, expect, it } from 'vitest';
import en from '../../src/mail/texts/en.json' with { type: 'json' };
import jaEasy from '../../src/mail/texts/ja-easy.json' with { type: 'json' };
import ja from '../../src/mail/texts/ja.json' with { type: 'json' };
import { compose, type MailTemplate } from '../../src/mail/compose.ts';
import * as calendar from '../../src/mail/calendar-mails.ts';
import * as emailChange from '../../src/mail/email-change-mails.ts';
import * as invitation from '../../src/mail/invitation-mails.ts';
import * as matching from '../../src/mail/matching-mails.ts';
import * as notification from '../../src/mail/notification-mails.ts';
import * as request from '../../src/mail/request-mails.ts';
import * as security from '../../src/mail/security-mails.ts';
import * as signIn from '../../src/mail/sign-in-mails.ts';
import * as signUp from '../../src/mail/sign-up-mails.ts';

const languages = ['ja', 'en', 'ja-easy'] as const;
const templates: [string, unknown][] = Object.entries({
  ...calendar,
  ...emailChange,
  ...invitation,
  ...matching,
  ...notification,
  ...request,
  ...security,
  ...signIn,
  ...signUp,
});

/** every value any mail takes, so that a placeholder no mail fills shows up as left over */
const vars = {
  displayName: '佐藤 一郎',
  link: 'https://board.example.jp/l',
  signInUrl: 'https://board.example.jp/signin',
  when: '2026年5月1日 14:05',
  newEmail: 's***@example.jp',
  role: 'officer' as const,
  municipality: { nameJa: '足立区', nameEn: 'Adachi City' },
  associationName: '千住一丁目町会',
  inviterName: '山田 花子',
  expiresAt: new Date('2026-05-01T05:05:00Z'),
  title: '町会のLINEグループを作りたい',
  requestTitle: '町会のLINEグループを作りたい',
  volunteerName: 'Ken',
  volunteerNames: ['Ken', '佐藤 一郎'],
  fromName: 'Ken',
  note: 'よろしくお願いします',
  reason: '写真が\n足りません',
  ending: 'closed' as const,
  contactDesk: null,
  targetType: 'request' as const,
  titles: ['町会のLINEグループを作りたい'],
  kind: 'handRaised' as const,
  cadence: 'daily' as const,
  items: [{ text: '町会のLINEグループを作りたい', link: 'https://board.example.jp/l' }],
  whenKind: 'at' as const,
  startsAt: '2026-05-02T01:00:00Z',
  endsAt: null,
  place: '千住会館',
  suggestedNames: ['Ken', '佐藤 一郎'],
};

describe('mail texts come from one catalogue per language', () => {
  it('the three languages hold the same mails and the same shared phrases', () => {
    expect(Object.keys(en.mails).sort()).toEqual(Object.keys(ja.mails).sort());
    expect(Object.keys(jaEasy.mails).sort()).toEqual(Object.keys(ja.mails).sort());
    expect(Object.keys(en.parts).sort()).toEqual(Object.keys(ja.parts).sort());
    expect(Object.keys(jaEasy.parts).sort()).toEqual(Object.keys(ja.parts).sort());
  });

  it('every mail, in every language, fills all its placeholders', () => {
    const mails = templates.filter((entry): entry is [string, MailTemplate<typeof vars>] => 'ja' in Object(entry[1]));
    expect(mails).toHaveLength(Object.keys(ja.mails).length);
    for (const [name, template] of mails) {
      for (const language of languages) {
        const { subject, text } = compose(template, language, 'to@example.jp', vars);
        expect(`${subject}\n${text}`, `${name} (${language})`).not.toMatch(/\{[\w.]+\}|undefined|null/);
      }
    }
  });

  it('an optional block goes with its value; a reason is quoted line by line; a role is named in the language', () => {
    const withNote = compose(matching.applicationAcceptedMail, 'en', 'to@example.jp', vars).text;
    const without = compose(matching.applicationAcceptedMail, 'en', 'to@example.jp', { ...vars, note: null }).text;
    expect(withNote).toContain('\n\nTheir note: よろしくお願いします\n\n');
    expect(without).not.toContain('Their note');
    expect(without).toContain('“町会のLINEグループを作りたい”.\n\nTheir contact details');

    const rejected = compose(request.requestRejectedMail, 'ja', 'to@example.jp', vars).text;
    expect(rejected).toContain('\n\n> 写真が\n> 足りません\n\n');
    expect(rejected).toContain('区市町村の担当窓口にお問い合わせください');

    const invited = compose(invitation.invitationMail, 'ja-easy', 'to@example.jp', {
      ...vars,
      role: 'municipal_staff',
    });
    expect(invited.subject).toBe('【まちの腕きき掲示板】足立区の しょくいんに なって ください');
  });

  it('a digest names its kind and period, and a report its target, in the language (parts of the texts)', () => {
    for (const language of languages) {
      const names = new Set<string>();
      for (const kind of notificationKinds) {
        const { subject } = compose(notification.digestMail, language, 'to@example.jp', { ...vars, kind });
        names.add(subject);
      }
      // one name per kind, none missing (a missing part throws)
      expect(names.size, language).toBe(notificationKinds.length);
      const weekly = compose(notification.digestMail, language, 'to@example.jp', { ...vars, cadence: 'weekly' });
      const daily = compose(notification.digestMail, language, 'to@example.jp', vars);
      expect(weekly.text, language).not.toBe(daily.text);
      const message = compose(notification.flagRaisedMail, language, 'to@example.jp', {
        ...vars,
        targetType: 'message',
      });
      expect(message.subject, language).not.toBe(
        compose(notification.flagRaisedMail, language, 'to@example.jp', vars).subject,
      );
    }
    expect(compose(notification.digestMail, 'en', 'to@example.jp', vars).subject).toContain(
      'Hands raised: 1 notifications',
    );
    expect(compose(notification.digestMail, 'ja', 'to@example.jp', { ...vars, cadence: 'weekly' }).text).toContain(
      'この1週間のお知らせ',
    );
  });
});
