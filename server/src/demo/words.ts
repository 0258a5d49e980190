/** What the demo people say in the history (Japanese, like most of the board's users). */
const handMessages = [
  '週末なら時間があります。お手伝いさせてください。',
  '以前、別の町会で同じことをしました。よろしくお願いします。',
  'はじめてですが、ぜひ参加したいです。',
];

export const words = {
  hand: (k: number) => handMessages[k % handMessages.length]!,
  acceptNote: 'ありがとうございます。よろしくお願いします。',
  declineNote: '今回は別の方にお願いしました。またよろしくお願いします。',
  officerMessage: '当日は集会所に10時集合でお願いします。',
  volunteerMessage: '承知しました。当日よろしくお願いします。',
  thanksToAssociation: '温かく迎えていただき、ありがとうございました。',
  thanksToVolunteer: '本当に助かりました。町会のみんなも喜んでいます。',
  ratingComment: '準備から丁寧で、安心してお任せできました。',
  changesReason: '集合時間と持ち物を本文に書いてください。',
  rejectReason: '営利目的の宣伝にあたるため、掲載できません。',
  closeReason: '行事が中止になったため、募集を終了します。',
};
