import type { ContactDeskVars, MailTemplate } from './compose.ts';
import type { NewApplicationVars } from './matching-mails.ts';

export interface HelpInvitationVars extends ContactDeskVars {
  requestTitle: string;
  associationName: string;
  /** the request's page, where the invitation shows with "raise a hand" and "not this time" */
  link: string;
  /** the volunteer's page of invitations, where they can mute them */
  settingsLink: string;
}

/** Who and which request, as for a new hand. */
export type FirstComeMatchVars = NewApplicationVars;

/** To a volunteer: an association invites them to raise a hand (issue 10). */
export const helpInvitationMail: MailTemplate<HelpInvitationVars> = {
  ja: (v) => ({
    subject: `${v.associationName}から「${v.requestTitle}」へのお誘い`,
    body: [
      `${v.associationName}が、あなたのプロフィールを見て「${v.requestTitle}」のお手伝いをお願いしたいと考えています。`,
      '',
      '内容を見て、できそうなら「手を挙げる」を押してください。難しければ「今回は見送る」を押せば、町会・自治会にそっと伝わります。',
      v.link,
      '',
      'お誘いを受け取りたくない場合は、次のページで止められます。',
      v.settingsLink,
    ].join('\n'),
  }),
  'ja-easy': (v) => ({
    subject: `${v.associationName}から 「${v.requestTitle}」の おさそい`,
    body: [
      `${v.associationName}が、 あなたに 「${v.requestTitle}」を てつだって ほしいと おもって います。`,
      '',
      'つぎの ページを みて ください。 てつだえる ときは 「てを あげる」を おして ください。 できない ときは 「こんかいは やめる」を おして ください。',
      v.link,
      '',
      'おさそいが いらない ときは、 つぎの ページで とめられます。',
      v.settingsLink,
    ].join('\n'),
  }),
  en: (v) => ({
    subject: `${v.associationName} invites you to help with “${v.requestTitle}”`,
    body: [
      `${v.associationName} read your profile and would like your help with “${v.requestTitle}”.`,
      '',
      'Have a look; if you can help, press “Raise a hand”. If not, press “Not this time” and the association is told kindly.',
      v.link,
      '',
      'To stop invitations, go to:',
      v.settingsLink,
    ].join('\n'),
  }),
};

/** To the association: on a first-come request a volunteer raised a hand and is matched at once. */
export const firstComeMatchMail: MailTemplate<FirstComeMatchVars> = {
  ja: (v) => ({
    subject: `「${v.requestTitle}」に先着順でお手伝いが決まりました`,
    body: [
      `${v.volunteerName}さんが「${v.requestTitle}」に手を挙げ、先着順なのでそのままお願いすることに決まりました。`,
      '',
      '連絡先を見て、メッセージで打ち合わせをしてください。',
      v.link,
    ].join('\n'),
  }),
  'ja-easy': (v) => ({
    subject: `「${v.requestTitle}」を てつだう ひとが きまりました（はやい じゅん）`,
    body: [
      `${v.volunteerName}さんが 「${v.requestTitle}」に てを あげました。 はやい じゅんなので、 この ひとに きまりました。`,
      '',
      'つぎの ページで れんらくさきを みて、 メッセージで はなして ください。',
      v.link,
    ].join('\n'),
  }),
  en: (v) => ({
    subject: `“${v.requestTitle}”: a volunteer is matched (first come)`,
    body: [
      `${v.volunteerName} raised a hand for “${v.requestTitle}”. The request is first come, so they are matched at once.`,
      '',
      'See their contact details and agree the details by message:',
      v.link,
    ].join('\n'),
  }),
};
