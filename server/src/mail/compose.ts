import type { Language } from '@board/shared';
import type { OutgoingMail } from '../plugins/app/mailer.ts';

/** One mail in the three languages; each gets the variables and returns subject and plain text. */
export type MailTemplate<Vars> = Record<Language, (vars: Vars) => { subject: string; body: string }>;

const signature: Record<Language, string> = {
  ja: '―――\nまちの腕きき掲示板\n（公益財団法人 東京都つながり創生財団）\nこのメールに心当たりがない場合は、何もせずに削除してください。',
  en: '―――\nMachi no Udekiki Board (the town’s skilled-hands board)\nTokyo Metropolitan Foundation for Social Connection\nIf you did not expect this mail, you can simply delete it.',
  'ja-easy': '―――\nまちの うでききけいじばん\nこの メールが わからない ときは、なにも しないで けして ください。',
};

/** Renders a template in the recipient's language, with the board's signature. */
export function compose<Vars>(template: MailTemplate<Vars>, language: Language, to: string, vars: Vars): OutgoingMail {
  const { subject, body } = template[language](vars);
  return { to, subject: `【まちの腕きき掲示板】${subject}`, text: `${body}\n\n${signature[language]}\n` };
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
