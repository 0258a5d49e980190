import type { Language } from '@board/shared';
import type { OutgoingMail } from '../plugins/app/mailer.ts';

/** One mail in the three languages; each gets the variables and returns subject and plain text. */
export type MailTemplate<Vars> = Record<Language, (vars: Vars) => { subject: string; body: string }>;

const signature: Record<Language, string> = {
  ja: '―――\nまちの腕きき掲示板\n（公益財団法人 東京都つながり創生財団）\nこのメールに心当たりがない場合は、何もせずに削除してください。',
  en: '―――\nMachi no Udekiki Board (the town’s skilled-hands board)\nTokyo Metropolitan Foundation for Social Connection\nIf you did not expect this mail, you can simply delete it.',
  'ja-easy': '―――\nまちの うでききけいじばん\nこの メールが わからない ときは、なにも しないで けして ください。',
};

/** Mails about one municipality's requests carry its contact desk (municipality setting) at their foot. */
export interface ContactDeskVars {
  /** as its staff typed it: plain text, line breaks kept; null or blank when none is set */
  contactDesk?: string | null;
}

const deskLabel: Record<Language, string> = {
  ja: 'お問い合わせ（区市町村の窓口）：',
  en: 'Questions? Your municipality’s contact desk:',
  'ja-easy': 'わからない ときの まどぐち：',
};

/**
 * The desk under its label, each line indented: text staff typed stays visibly theirs (a line of
 * it cannot pass for the board's own signature or instructions); blank lines are dropped.
 */
function deskBlock(vars: unknown, language: Language): string {
  const desk = typeof vars === 'object' && vars !== null && 'contactDesk' in vars ? vars.contactDesk : null;
  if (typeof desk !== 'string') return '';
  const lines = desk
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  if (lines.length === 0) return '';
  return `${[deskLabel[language], ...lines.map((line) => `  ${line}`)].join('\n')}\n\n`;
}

/** Renders a template in the recipient's language, with the municipality's desk (if any) and the board's signature. */
export function compose<Vars>(template: MailTemplate<Vars>, language: Language, to: string, vars: Vars): OutgoingMail {
  const { subject, body } = template[language](vars);
  return {
    to,
    subject: `【まちの腕きき掲示板】${subject}`,
    text: `${body}\n\n${deskBlock(vars, language)}${signature[language]}\n`,
  };
}

const salutation: Record<Language, (name: string) => string> = {
  ja: (name) => `${name} 様`,
  en: (name) => `Hello ${name},`,
  'ja-easy': (name) => `${name} さん`,
};

/** A mail to the account's owner by name: each language's body opens with "山田 様", "Hello Yamada,", "山田 さん". */
export function addressed<Vars extends { displayName: string }>(template: MailTemplate<Vars>): MailTemplate<Vars> {
  const opened = (language: Language) => (vars: Vars) => {
    const { subject, body } = template[language](vars);
    return { subject, body: `${salutation[language](vars.displayName)}\n\n${body}` };
  };
  return { ja: opened('ja'), en: opened('en'), 'ja-easy': opened('ja-easy') };
}

const unsubscribeLabel: Record<Language, string> = {
  ja: 'この種類のメールを止める（ログイン不要）：',
  en: 'Stop mails of this kind (no sign-in needed):',
  'ja-easy': 'この メールを とめる：',
};

/**
 * A mail with its one-click unsubscribe (RFC 8058): the link under the text and the
 * `List-Unsubscribe` / `List-Unsubscribe-Post` headers the mail job carries to the mail server.
 */
export function withUnsubscribe(
  mail: OutgoingMail,
  to: { language: Language; unsubscribe?: { page: string; oneClick: string } },
): OutgoingMail {
  if (!to.unsubscribe) return mail;
  return {
    ...mail,
    text: `${mail.text}\n${unsubscribeLabel[to.language]}\n${to.unsubscribe.page}\n`,
    headers: {
      'List-Unsubscribe': `<${to.unsubscribe.oneClick}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  };
}
