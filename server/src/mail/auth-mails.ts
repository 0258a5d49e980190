import type { Language } from '@board/shared';
import type { MailTemplate } from './compose.ts';

/**
 * Mail about a person's own account, in ja, en and やさしい日本語 (ja-easy: short sentences,
 * mostly kana, words spaced). Officers are often over 70: polite, plain, one thing per line,
 * and every mail says what happens if the reader simply ignores it.
 */

interface LinkVars {
  displayName: string;
  link: string;
}

interface SignInPageVars {
  displayName: string;
  /** the board's sign-in page (from there: password reset, or sign-in by emailed link) */
  signInUrl: string;
}

interface AddressCheckVars {
  link: string;
}

/**
 * After sign-up: confirm the address (link valid 24 hours). No name in it: whoever signed up
 * chose the name, and the address is not proven to be theirs yet.
 */
export const verifyEmailMail: MailTemplate<AddressCheckVars> = {
  ja: ({ link }) => ({
    subject: 'メールアドレスの確認をお願いします',
    body: [
      'まちの腕きき掲示板にご登録いただき、ありがとうございます。',
      '下のリンクを押して、メールアドレスの確認を済ませてください。',
      '',
      link,
      '',
      'このリンクは24時間使えます。',
      '確認が済むと、困りごとに「手を挙げる」ことができるようになります。',
      '',
      'ご登録に心当たりがない場合は、このメールを削除してください。',
    ].join('\n'),
  }),
  en: ({ link }) => ({
    subject: 'Please confirm your email address',
    body: [
      'Thank you for signing up to the Machi no Udekiki Board.',
      'Please open the link below to confirm your email address.',
      '',
      link,
      '',
      'The link works for 24 hours.',
      'Once your address is confirmed, you can raise your hand for requests.',
      '',
      'If you did not sign up, you can simply delete this mail.',
    ].join('\n'),
  }),
  'ja-easy': ({ link }) => ({
    subject: 'メールアドレスを たしかめて ください',
    body: [
      'とうろく ありがとう ございます。',
      'した の リンクを おして ください。',
      'メールアドレスを たしかめます。',
      '',
      link,
      '',
      'この リンクは 24じかん つかえます。',
      'たしかめた あとで、「てを あげる」が できます。',
      '',
      'あなたが とうろく して いない ときは、この メールを けして ください。',
    ].join('\n'),
  }),
};

/** Sign-up was tried with an address that already has an account: nothing was changed. */
export const signUpAttemptedMail: MailTemplate<SignInPageVars> = {
  ja: ({ displayName, signInUrl }) => ({
    subject: 'このメールアドレスで登録の申し込みがありました',
    body: [
      `${displayName} 様`,
      '',
      'このメールアドレスで、まちの腕きき掲示板に新しく登録する申し込みがありました。',
      'このアドレスは、すでに登録されています。新しいアカウントは作っていません。',
      '',
      'ご本人の場合は、次のページからログインしてください。',
      signInUrl,
      'パスワードを忘れた場合は、同じページから、パスワードの再設定か、メールでのログインができます。',
      '',
      'お心当たりがない場合は、このメールを削除してください。アカウントは何も変わっていません。',
    ].join('\n'),
  }),
  en: ({ displayName, signInUrl }) => ({
    subject: 'Someone tried to sign up with your email address',
    body: [
      `Hello ${displayName},`,
      '',
      'Someone tried to sign up to the Machi no Udekiki Board with this email address.',
      'This address already has an account, so no new account was made.',
      '',
      'If it was you, please sign in here:',
      signInUrl,
      'If you have forgotten your password, you can reset it from the same page, or sign in with a link sent by email.',
      '',
      'If it was not you, you can delete this mail. Nothing in your account has changed.',
    ].join('\n'),
  }),
  'ja-easy': ({ displayName, signInUrl }) => ({
    subject: 'この メールアドレスで とうろく しようと しました',
    body: [
      `${displayName} さん`,
      '',
      'この メールアドレスで、あたらしく とうろく しようと した ひとが います。',
      'この アドレスは もう とうろく して あります。',
      'なにも かわって いません。',
      '',
      'あなた なら、ここから ログイン して ください。',
      signInUrl,
      'パスワードを わすれた ときは、おなじ ページで あたらしく できます。',
      '',
      'あなた では ない ときは、この メールを けして ください。',
    ].join('\n'),
  }),
};

/** Sign-in without a password (link valid 15 minutes, once). */
export const signInLinkMail: MailTemplate<LinkVars> = {
  ja: ({ displayName, link }) => ({
    subject: 'ログイン用のリンクをお送りします',
    body: [
      `${displayName} 様`,
      '',
      '下のリンクを押すと、パスワードを入れずにログインできます。',
      '',
      link,
      '',
      'このリンクは15分間、1回だけ使えます。',
      '時間が過ぎた場合は、もう一度ログインのページからお申し込みください。',
      '',
      'お心当たりがない場合は、このメールを削除してください。リンクを押さなければ、何も起こりません。',
    ].join('\n'),
  }),
  en: ({ displayName, link }) => ({
    subject: 'Your sign-in link',
    body: [
      `Hello ${displayName},`,
      '',
      'Open the link below to sign in without a password.',
      '',
      link,
      '',
      'The link works once, for 15 minutes.',
      'If it has run out, ask for a new one on the sign-in page.',
      '',
      'If you did not ask for this, you can delete this mail. Nothing happens unless the link is opened.',
    ].join('\n'),
  }),
  'ja-easy': ({ displayName, link }) => ({
    subject: 'ログインの リンクです',
    body: [
      `${displayName} さん`,
      '',
      'した の リンクを おすと、ログイン できます。',
      'パスワードは いりません。',
      '',
      link,
      '',
      'この リンクは 15ふん だけ つかえます。',
      'つかえるのは 1かい だけです。',
      '',
      'あなたが たのんで いない ときは、この メールを けして ください。',
    ].join('\n'),
  }),
};

/** Password reset (link valid 1 hour, once). */
export const passwordResetMail: MailTemplate<LinkVars> = {
  ja: ({ displayName, link }) => ({
    subject: 'パスワードの再設定',
    body: [
      `${displayName} 様`,
      '',
      'パスワードの再設定のお申し込みを受け付けました。',
      '下のリンクを押して、新しいパスワードを決めてください。',
      '',
      link,
      '',
      'このリンクは1時間、1回だけ使えます。',
      '',
      'お心当たりがない場合は、このメールを削除してください。今のパスワードのまま使えます。',
    ].join('\n'),
  }),
  en: ({ displayName, link }) => ({
    subject: 'Reset your password',
    body: [
      `Hello ${displayName},`,
      '',
      'We received a request to reset your password.',
      'Open the link below to choose a new one.',
      '',
      link,
      '',
      'The link works once, for 1 hour.',
      '',
      'If you did not ask for this, you can delete this mail. Your current password still works.',
    ].join('\n'),
  }),
  'ja-easy': ({ displayName, link }) => ({
    subject: 'パスワードを あたらしく します',
    body: [
      `${displayName} さん`,
      '',
      'パスワードを あたらしく したい と いう れんらくが ありました。',
      'した の リンクを おして ください。',
      'あたらしい パスワードを きめて ください。',
      '',
      link,
      '',
      'この リンクは 1じかん だけ つかえます。',
      'つかえるのは 1かい だけです。',
      '',
      'あなたが たのんで いない ときは、この メールを けして ください。',
      'いまの パスワードを そのまま つかえます。',
    ].join('\n'),
  }),
};

/** Confirms a new sign-in address (sent to the new address; link valid 24 hours; no name, as above). */
export const emailChangeMail: MailTemplate<AddressCheckVars> = {
  ja: ({ link }) => ({
    subject: '新しいメールアドレスの確認をお願いします',
    body: [
      'まちの腕きき掲示板で、ログインに使うメールアドレスを、このアドレスに変えるお申し込みを受け付けました。',
      '下のリンクを押すと、変更が終わります。',
      '',
      link,
      '',
      'このリンクは24時間使えます。',
      '',
      'お心当たりがない場合は、このメールを削除してください。何も変更されません。',
    ].join('\n'),
  }),
  en: ({ link }) => ({
    subject: 'Please confirm your new email address',
    body: [
      'We received a request to use this address to sign in to the Machi no Udekiki Board.',
      'Open the link below to finish the change.',
      '',
      link,
      '',
      'The link works for 24 hours.',
      '',
      'If you did not ask for this, you can delete this mail. Nothing will change.',
    ].join('\n'),
  }),
  'ja-easy': ({ link }) => ({
    subject: 'あたらしい メールアドレスを たしかめて ください',
    body: [
      'まちの うでききけいじばんで、ログインの メールアドレスを、この アドレスに かえたい と いう れんらくが ありました。',
      'した の リンクを おすと、かわります。',
      '',
      link,
      '',
      'この リンクは 24じかん つかえます。',
      '',
      'あなたが たのんで いない ときは、この メールを けして ください。',
      'なにも かわりません。',
    ].join('\n'),
  }),
};

/** Someone asked to move another account onto this address, which already has an account: nothing changed. */
export const emailChangeTakenMail: MailTemplate<SignInPageVars> = {
  ja: ({ displayName, signInUrl }) => ({
    subject: 'メールアドレス変更のお申し込みについて',
    body: [
      `${displayName} 様`,
      '',
      'まちの腕きき掲示板で、別のアカウントのログイン用メールアドレスを、このアドレスに変えるお申し込みがありました。',
      'このアドレスは、すでにあなたのアカウントで使われているため、変更はしていません。',
      '',
      'このアドレスのアカウントを使う場合は、次のページからログインしてください。',
      signInUrl,
      '',
      'お心当たりがない場合は、このメールを削除してください。あなたのアカウントは何も変わっていません。',
    ].join('\n'),
  }),
  en: ({ displayName, signInUrl }) => ({
    subject: 'About a request to use your email address',
    body: [
      `Hello ${displayName},`,
      '',
      'Someone asked to move another account on the Machi no Udekiki Board to this email address.',
      'This address already has an account (yours), so nothing was changed.',
      '',
      'To use the account of this address, sign in here:',
      signInUrl,
      '',
      'If you do not know about this, you can delete this mail. Nothing in your account has changed.',
    ].join('\n'),
  }),
  'ja-easy': ({ displayName, signInUrl }) => ({
    subject: 'メールアドレスの へんこうに ついて',
    body: [
      `${displayName} さん`,
      '',
      'べつの アカウントの メールアドレスを、この アドレスに かえたい と いう れんらくが ありました。',
      'この アドレスは もう あなたが つかって います。',
      'だから、なにも かえて いません。',
      '',
      'この アドレスで ログイン する ときは、ここから どうぞ。',
      signInUrl,
      '',
      'わからない ときは、この メールを けして ください。',
    ].join('\n'),
  }),
};

interface ChangedVars {
  displayName: string;
  /** when, already formatted for the reader's language */
  when: string;
  signInUrl: string;
}

/** Notice after a password change or reset. */
export const passwordChangedMail: MailTemplate<ChangedVars> = {
  ja: ({ displayName, when, signInUrl }) => ({
    subject: 'パスワードが変更されました',
    body: [
      `${displayName} 様`,
      '',
      `まちの腕きき掲示板のパスワードが変更されました（${when}）。`,
      '安全のため、それまでのログインは終了しました。',
      '',
      'ご自身で変更した場合は、何もする必要はありません。',
      'お心当たりがない場合は、すぐに次のページから、パスワードを再設定してください。',
      signInUrl,
    ].join('\n'),
  }),
  en: ({ displayName, when, signInUrl }) => ({
    subject: 'Your password was changed',
    body: [
      `Hello ${displayName},`,
      '',
      `The password of your Machi no Udekiki Board account was changed (${when}).`,
      'For your safety, earlier sign-ins have been ended.',
      '',
      'If you changed it yourself, there is nothing more to do.',
      'If you did not, please reset your password now from this page:',
      signInUrl,
    ].join('\n'),
  }),
  'ja-easy': ({ displayName, when, signInUrl }) => ({
    subject: 'パスワードが かわりました',
    body: [
      `${displayName} さん`,
      '',
      `パスワードが かわりました（${when}）。`,
      'まえの ログインは おわりました。',
      '',
      'あなたが かえた ときは、なにも しなくて いいです。',
      'あなたが かえて いない ときは、すぐに ここから パスワードを あたらしく して ください。',
      signInUrl,
    ].join('\n'),
  }),
};

interface EmailChangedVars {
  displayName: string;
  /** the new address, partly hidden */
  newEmail: string;
  when: string;
}

/** Notice to the old address once the sign-in address has moved. */
export const emailChangedMail: MailTemplate<EmailChangedVars> = {
  ja: ({ displayName, newEmail, when }) => ({
    subject: 'ログイン用のメールアドレスが変更されました',
    body: [
      `${displayName} 様`,
      '',
      `まちの腕きき掲示板のログイン用メールアドレスが、${newEmail} に変更されました（${when}）。`,
      'これからのお知らせは、新しいアドレスに届きます。',
      '',
      'ご自身で変更した場合は、何もする必要はありません。',
      'お心当たりがない場合は、掲示板の運営（公益財団法人 東京都つながり創生財団）にご連絡ください。',
    ].join('\n'),
  }),
  en: ({ displayName, newEmail, when }) => ({
    subject: 'Your sign-in email address was changed',
    body: [
      `Hello ${displayName},`,
      '',
      `The sign-in address of your Machi no Udekiki Board account was changed to ${newEmail} (${when}).`,
      'From now on, mail from the board goes to the new address.',
      '',
      'If you changed it yourself, there is nothing more to do.',
      'If you did not, please contact the board’s operator, the Tokyo Metropolitan Foundation for Social Connection.',
    ].join('\n'),
  }),
  'ja-easy': ({ displayName, newEmail, when }) => ({
    subject: 'ログインの メールアドレスが かわりました',
    body: [
      `${displayName} さん`,
      '',
      `ログインの メールアドレスが ${newEmail} に かわりました（${when}）。`,
      'これからの メールは、あたらしい アドレスに とどきます。',
      '',
      'あなたが かえた ときは、なにも しなくて いいです。',
      'あなたが かえて いない ときは、けいじばんの ざいだんに れんらく して ください。',
    ].join('\n'),
  }),
};

const dateLocale: Record<Language, string> = { ja: 'ja-JP', en: 'en-GB', 'ja-easy': 'ja-JP' };

/** A moment in Tokyo time, in the reader's language (e.g. 2026年5月1日 14:05 / 1 May 2026 at 14:05 (Japan time)). */
export function formatWhen(at: Date, language: Language): string {
  const text = new Intl.DateTimeFormat(dateLocale[language], {
    timeZone: 'Asia/Tokyo',
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(at);
  return language === 'en' ? `${text} (Japan time)` : text;
}

/** `taro@example.jp` → `t***@example.jp`: enough for the owner to recognise, little for anyone else. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${email[0]}***${email.slice(at)}`;
}
