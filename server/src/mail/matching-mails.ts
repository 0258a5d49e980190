import type { ContactDeskVars, MailTemplate } from './compose.ts';

export interface NewApplicationVars extends ContactDeskVars {
  requestTitle: string;
  volunteerName: string;
  link: string;
}

export interface DecisionVars extends ContactDeskVars {
  requestTitle: string;
  associationName: string;
  note: string | null;
  link: string;
}

export interface NewMessageVars extends ContactDeskVars {
  requestTitle: string;
  /** the association's name or the volunteer's display name */
  fromName: string;
  link: string;
}

/** The same as a new hand: who and which request. */
export type MatchWithdrawnVars = NewApplicationVars;

export interface MarkedDoneVars extends ContactDeskVars {
  requestTitle: string;
  associationName: string;
  link: string;
}

/** To the association: a volunteer raised a hand. */
export const newApplicationMail: MailTemplate<NewApplicationVars> = {
  ja: (v) => ({
    subject: `「${v.requestTitle}」に手が挙がりました`,
    body: [
      `${v.volunteerName}さんが「${v.requestTitle}」に手を挙げました。`,
      '',
      'メッセージとプロフィールを見て、「この人にお願いする」か「お断りする」かを選んでください。',
      v.link,
    ].join('\n'),
  }),
  'ja-easy': (v) => ({
    subject: `「${v.requestTitle}」に てつだいたい ひとが います`,
    body: [
      `${v.volunteerName}さんが 「${v.requestTitle}」を てつだいたい と いっています。`,
      '',
      'つぎの ページを みて、 「この ひとに おねがい する」か 「ことわる」を えらんで ください。',
      v.link,
    ].join('\n'),
  }),
  en: (v) => ({
    subject: `Someone raised a hand for “${v.requestTitle}”`,
    body: [
      `${v.volunteerName} raised a hand for “${v.requestTitle}”.`,
      '',
      'Read their message and profile, then choose “Accept” or “Decline”:',
      v.link,
    ].join('\n'),
  }),
};

/** To the volunteer: the association accepted — a match. */
export const applicationAcceptedMail: MailTemplate<DecisionVars> = {
  ja: (v) => ({
    subject: `「${v.requestTitle}」のお手伝いが決まりました`,
    body: [
      `${v.associationName}が、「${v.requestTitle}」をあなたにお願いすることに決めました。`,
      ...(v.note ? ['', `町会・自治会からのひとこと：${v.note}`] : []),
      '',
      '連絡先と詳しい場所は次のページで見られます。町会・自治会とメッセージもやりとりできます。',
      v.link,
    ].join('\n'),
  }),
  'ja-easy': (v) => ({
    subject: `「${v.requestTitle}」を てつだう ことに なりました`,
    body: [
      `${v.associationName}が 「${v.requestTitle}」を あなたに おねがい します。`,
      ...(v.note ? ['', `ちょうかい・じちかいから：${v.note}`] : []),
      '',
      'れんらくさき と ばしょは つぎの ページに あります。メッセージも おくれます。',
      v.link,
    ].join('\n'),
  }),
  en: (v) => ({
    subject: `You are matched: “${v.requestTitle}”`,
    body: [
      `${v.associationName} accepted your offer to help with “${v.requestTitle}”.`,
      ...(v.note ? ['', `Their note: ${v.note}`] : []),
      '',
      'Their contact details and the exact place are on this page, where you can also message them:',
      v.link,
    ].join('\n'),
  }),
};

/** To the volunteer: the association declined, kindly. */
export const applicationDeclinedMail: MailTemplate<DecisionVars> = {
  ja: (v) => ({
    subject: `「${v.requestTitle}」へのお申し出について`,
    body: [
      `「${v.requestTitle}」に手を挙げていただき、ありがとうございました。`,
      `今回は${v.associationName}から、見送りのお返事がありました。`,
      ...(v.note ? ['', `町会・自治会からのひとこと：${v.note}`] : []),
      '',
      'ほかの依頼もぜひご覧ください。',
      v.link,
    ].join('\n'),
  }),
  'ja-easy': (v) => ({
    subject: `「${v.requestTitle}」の おへんじ`,
    body: [
      `「${v.requestTitle}」に てを あげて くれて ありがとう ございました。`,
      `こんかいは ${v.associationName}から 「ほかの ひとに おねがい します」と おへんじが ありました。`,
      ...(v.note ? ['', `ちょうかい・じちかいから：${v.note}`] : []),
      '',
      'ほかの おねがいも みて ください。',
      v.link,
    ].join('\n'),
  }),
  en: (v) => ({
    subject: `About your offer for “${v.requestTitle}”`,
    body: [
      `Thank you for raising a hand for “${v.requestTitle}”.`,
      `This time ${v.associationName} has decided not to go ahead with your offer.`,
      ...(v.note ? ['', `Their note: ${v.note}`] : []),
      '',
      'Other requests are waiting for a skilled hand:',
      v.link,
    ].join('\n'),
  }),
};

/** To the other side of a match: new messages (at most one mail per 15 minutes per thread and side; no message text). */
export const newMessageMail: MailTemplate<NewMessageVars> = {
  ja: (v) => ({
    subject: `「${v.requestTitle}」に新しいメッセージがあります`,
    body: [`${v.fromName}さんから、「${v.requestTitle}」についてメッセージが届いています。`, '', v.link].join('\n'),
  }),
  'ja-easy': (v) => ({
    subject: `「${v.requestTitle}」に あたらしい メッセージが あります`,
    body: [`${v.fromName}さんから 「${v.requestTitle}」の メッセージが きました。`, '', v.link].join('\n'),
  }),
  en: (v) => ({
    subject: `New message about “${v.requestTitle}”`,
    body: [`${v.fromName} sent you a message about “${v.requestTitle}”.`, '', v.link].join('\n'),
  }),
};

/** To the association: a matched volunteer withdrew; the slot is open again. */
export const matchWithdrawnMail: MailTemplate<MatchWithdrawnVars> = {
  ja: (v) => ({
    subject: `「${v.requestTitle}」のお手伝いが取り下げられました`,
    body: [
      `${v.volunteerName}さんが「${v.requestTitle}」のお手伝いを取り下げました。`,
      '募集の枠がひとつ空き、ふたたび手を挙げてもらえる状態になっています。',
      '',
      v.link,
    ].join('\n'),
  }),
  'ja-easy': (v) => ({
    subject: `「${v.requestTitle}」を てつだえなく なった ひとが います`,
    body: [
      `${v.volunteerName}さんが 「${v.requestTitle}」を てつだえなく なりました。`,
      'また ほかの ひとが てを あげられます。',
      '',
      v.link,
    ].join('\n'),
  }),
  en: (v) => ({
    subject: `A volunteer withdrew from “${v.requestTitle}”`,
    body: [
      `${v.volunteerName} can no longer help with “${v.requestTitle}”.`,
      'The slot is open again for others to raise a hand.',
      '',
      v.link,
    ].join('\n'),
  }),
};

/** To the volunteer: the association marked the work done; please confirm. */
export const markedDoneMail: MailTemplate<MarkedDoneVars> = {
  ja: (v) => ({
    subject: `「${v.requestTitle}」のお手伝いが終わったか確かめてください`,
    body: [
      `${v.associationName}が「${v.requestTitle}」を「お手伝いが終わった」と記録しました。ありがとうございました。`,
      '次のページで「終わったことを確かめる」を押し、よければお礼のひとことを残してください。',
      v.link,
    ].join('\n'),
  }),
  'ja-easy': (v) => ({
    subject: `「${v.requestTitle}」が おわりました`,
    body: [
      `${v.associationName}が 「${v.requestTitle}」の てつだいが おわった と かきました。 ありがとう ございました。`,
      'つぎの ページで 「おわった ことを たしかめる」を おして ください。',
      v.link,
    ].join('\n'),
  }),
  en: (v) => ({
    subject: `Please confirm: “${v.requestTitle}” is done`,
    body: [
      `${v.associationName} marked the work for “${v.requestTitle}” done. Thank you for your help!`,
      'On this page, press “Confirm the work was done”, and leave a thank-you note if you like:',
      v.link,
    ].join('\n'),
  }),
};
