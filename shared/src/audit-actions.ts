import type { Language } from './roles.ts';

/**
 * Every action the audit log records, as data: which kind of thing it is about (`subject`), which
 * details it keeps, and how a reader says it in each language. The server's `recordAudit` takes
 * only these keys (with only these details); the web's audit log page says them from here.
 * Entries written by an older version keep their key; a key not in this table is shown by its code.
 */
interface AuditActionSpec {
  subject: readonly AuditSubject[];
  details: readonly string[];
  text: Record<Language, string>;
}

export const auditSubjects = [
  'user',
  'invitation',
  'association',
  'application',
  'help_request',
  'flag',
  'municipality',
  'help_invitation',
  'story',
] as const;
export type AuditSubject = (typeof auditSubjects)[number];

export const auditActions = {
  'invitation.create': {
    subject: ['invitation'],
    details: ['role', 'associationId', 'associationName'],
    text: { ja: '招待を送った', en: 'Sent an invitation', 'ja-easy': 'しょうたいを おくった' },
  },
  'invitation.resend': {
    subject: ['invitation'],
    details: ['role', 'associationId'],
    text: {
      ja: '招待をもう一度送った',
      en: 'Sent an invitation again',
      'ja-easy': 'しょうたいを もう いちど おくった',
    },
  },
  'invitation.revoke': {
    subject: ['invitation'],
    details: ['role', 'associationId'],
    text: { ja: '招待を取り消した', en: 'Revoked an invitation', 'ja-easy': 'しょうたいを とりけした' },
  },
  'invitation.accept': {
    subject: ['invitation'],
    details: ['role', 'associationId', 'newAccount'],
    text: { ja: '招待を受けた', en: 'Accepted an invitation', 'ja-easy': 'しょうたいを うけた' },
  },
  'role.grant': {
    subject: ['user'],
    details: ['role', 'associationId', 'invitationId', 'via', 'accountCreated'],
    text: { ja: '役割を与えた', en: 'Gave a role', 'ja-easy': 'やくわりを あたえた' },
  },
  'role.remove': {
    subject: ['user'],
    details: ['role', 'associationId', 'associationName', 'reason'],
    text: { ja: '役割がなくなった', en: 'A role was removed', 'ja-easy': 'やくわりが なくなった' },
  },
  'association.create': {
    subject: ['association'],
    details: ['name'],
    text: {
      ja: '町会・自治会を登録した',
      en: 'Registered an association',
      'ja-easy': 'ちょうかい・じちかいを とうろく した',
    },
  },
  'staff.sign_in': {
    subject: ['user'],
    details: ['method'],
    text: { ja: '職員としてログインした', en: 'Signed in as staff', 'ja-easy': 'しょくいんとして ログイン した' },
  },
  'me.export': {
    subject: ['user'],
    details: [],
    text: {
      ja: '自分のデータをダウンロードした',
      en: 'Downloaded their own data',
      'ja-easy': 'じぶんの データを ダウンロード した',
    },
  },
  'me.delete': {
    subject: ['user'],
    details: ['roles'],
    text: { ja: '退会した', en: 'Deleted their account', 'ja-easy': 'やめた（アカウントを けした）' },
  },
  'contact.reveal': {
    subject: ['application', 'help_request'],
    details: ['side', 'viewerId', 'contactOf', 'requestId', 'reason'],
    text: { ja: '連絡先を表示した', en: 'Showed contact details', 'ja-easy': 'れんらくさきを みせた' },
  },
  'request.approve': {
    subject: ['help_request'],
    details: ['title', 'from', 'to', 'reason'],
    text: {
      ja: '依頼を承認して掲載した',
      en: 'Approved and published a request',
      'ja-easy': 'おねがいを みとめて けいじばんに だした',
    },
  },
  'request.request_changes': {
    subject: ['help_request'],
    // returned: the request's content as it was sent back (the reviewer later sees what changed)
    details: ['title', 'from', 'to', 'reason', 'returned'],
    text: {
      ja: '依頼の修正を依頼した',
      en: 'Asked for changes to a request',
      'ja-easy': 'おねがいを なおして もらう ように たのんだ',
    },
  },
  'request.submit': {
    subject: ['help_request'],
    details: ['title', 'from', 'to'],
    text: { ja: '依頼を送った', en: 'Sent a request', 'ja-easy': 'おねがいを おくった' },
  },
  'request.reject': {
    subject: ['help_request'],
    details: ['title', 'from', 'to', 'reason'],
    text: {
      ja: '依頼を掲載しなかった',
      en: 'Did not publish a request',
      'ja-easy': 'おねがいを けいじばんに ださなかった',
    },
  },
  'request.close': {
    subject: ['help_request'],
    details: ['title', 'from', 'to', 'reason'],
    text: { ja: '依頼の募集を終了した', en: 'Closed a request', 'ja-easy': 'おねがいの ぼしゅうを おわりに した' },
  },
  'request.expire': {
    subject: ['help_request'],
    details: ['title'],
    text: {
      ja: '依頼が締め切りを過ぎた',
      en: 'A request passed its deadline',
      'ja-easy': 'おねがいの しめきりが すぎた',
    },
  },
  'request.delete': {
    subject: ['help_request'],
    details: ['title', 'associationId'],
    text: { ja: '依頼の下書きを削除した', en: 'Deleted a draft request', 'ja-easy': 'おねがいの したがきを けした' },
  },
  'request.complete': {
    subject: ['help_request'],
    details: ['title'],
    text: {
      ja: '依頼の活動がすべて終わった',
      en: 'All the work of a request was done',
      'ja-easy': 'おねがいの かつどうが ぜんぶ おわった',
    },
  },
  'match.export': {
    subject: ['municipality'],
    details: ['filters', 'rows'],
    text: {
      ja: 'マッチの一覧をダウンロードした（CSV）',
      en: 'Downloaded the list of matches (CSV)',
      'ja-easy': 'マッチの いちらんを ダウンロード した（CSV）',
    },
  },
  'request.export': {
    subject: ['municipality'],
    details: ['filters', 'rows'],
    text: {
      ja: '依頼の一覧をダウンロードした（CSV）',
      en: 'Downloaded the list of requests (CSV)',
      'ja-easy': 'おねがいの いちらんを ダウンロード した（CSV）',
    },
  },
  'flag.hide': {
    subject: ['flag'],
    details: ['targetType', 'targetId', 'note', 'alsoSettled'],
    text: {
      ja: '報告された内容を非表示にした',
      en: 'Hid reported content',
      'ja-easy': 'しらされた ないようを みえなく した',
    },
  },
  'flag.dismiss': {
    subject: ['flag'],
    details: ['targetType', 'targetId', 'note', 'alsoSettled'],
    text: { ja: '報告を問題なしとした', en: 'Dismissed a report', 'ja-easy': 'しらせを もんだい なしと した' },
  },
  'municipality.update_settings': {
    subject: ['municipality'],
    details: ['moderationRequired', 'enabledCategories', 'contactDesk'],
    text: {
      ja: '区市町村の設定を変えた',
      en: 'Changed the municipality’s settings',
      'ja-easy': 'くやくしょ・しやくしょの せっていを かえた',
    },
  },
  'municipality.update_status': {
    subject: ['municipality'],
    details: ['change', 'from', 'to', 'reason'],
    text: {
      ja: '区市町村の利用状態を変えた（開始・休止・再開）',
      en: 'Changed whether the municipality is on the board (activate, pause, resume)',
      'ja-easy': 'くやくしょ・しやくしょが つかえるかを かえた（はじめる・やすむ・また はじめる）',
    },
  },
  'request.create_on_behalf': {
    subject: ['help_request'],
    details: ['title', 'associationId', 'associationName', 'source', 'to'],
    text: {
      ja: '町会・自治会に代わって依頼を掲載した',
      en: 'Posted a request on behalf of an association',
      'ja-easy': 'ちょうかい・じちかいの かわりに おねがいを だした',
    },
  },
  // a match's way: the officer accepts, marks the work done, the volunteer confirms
  'match.accept': {
    subject: ['application'],
    details: ['requestId', 'volunteerId', 'title'],
    text: {
      ja: '手を挙げた人を受け入れた（マッチ）',
      en: 'Accepted a volunteer (a match)',
      'ja-easy': 'てを あげた ひとを うけいれた（マッチ）',
    },
  },
  'match.complete': {
    subject: ['application'],
    details: ['requestId', 'volunteerId', 'title'],
    text: {
      ja: '活動が終わったと記録した（町会・自治会）',
      en: 'Marked the work done (association)',
      'ja-easy': 'かつどうが おわったと きろく した（ちょうかい・じちかい）',
    },
  },
  'match.confirm': {
    subject: ['application'],
    details: ['requestId', 'volunteerId', 'title'],
    text: {
      ja: '活動が終わったことを確かめた（腕きき）',
      en: 'Confirmed the work was done (volunteer)',
      'ja-easy': 'かつどうが おわったことを たしかめた（うでききの ひと）',
    },
  },
  // invitations to help and first come (issue 10)
  'help_invitation.create': {
    subject: ['help_invitation'],
    details: ['requestId', 'volunteerId', 'title'],
    text: {
      ja: '腕ききを依頼に誘った',
      en: 'Invited a volunteer to help',
      'ja-easy': 'うでききの ひとを おねがいに さそった',
    },
  },
  'help_invitation.decline': {
    subject: ['help_invitation'],
    details: ['requestId', 'title'],
    text: {
      ja: '依頼へのお誘いを見送った（腕きき）',
      en: 'Said no to an invitation to help (volunteer)',
      'ja-easy': 'おねがいの おさそいを やめた（うでききの ひと）',
    },
  },
  'story.approve': {
    subject: ['story'],
    details: ['title', 'applicationId'],
    text: { ja: '好事例を承認した', en: 'Approved a good case', 'ja-easy': 'よい れいを みとめた' },
  },
  'story.send_back': {
    subject: ['story'],
    details: ['title', 'applicationId', 'reason'],
    text: {
      ja: '好事例を差し戻した',
      en: 'Sent a good case back',
      'ja-easy': 'よい れいを なおして もらう ことに した',
    },
  },
  'story.feature': {
    subject: ['story'],
    details: ['title', 'featured'],
    text: {
      ja: '好事例をトップページの紹介に選んだ（外した）',
      en: 'Featured a good case on the home page (or took it off)',
      'ja-easy': 'よい れいを はじめの ページに のせた（はずした）',
    },
  },
  'match.first_come': {
    subject: ['application'],
    details: ['requestId', 'volunteerId', 'title', 'origin'],
    text: {
      ja: '先着順でマッチした（手を挙げてすぐ決まった）',
      en: 'Matched on first come (at once on raising a hand)',
      'ja-easy': 'はやい じゅんで マッチ した（てを あげて すぐ きまった）',
    },
  },
} as const satisfies Record<string, AuditActionSpec>;

export type AuditAction = keyof typeof auditActions;
export const auditActionKeys = Object.keys(auditActions) as AuditAction[];

/** The details an action may keep (each optional). */
export type AuditDetails<A extends AuditAction> = [DetailKey<A>] extends [never]
  ? Record<string, never>
  : Partial<Record<DetailKey<A>, unknown>>;
type DetailKey<A extends AuditAction> = (typeof auditActions)[A]['details'][number];

/** The kinds of thing an action may be about. */
export type AuditSubjectOf<A extends AuditAction> = (typeof auditActions)[A]['subject'][number];

export function isAuditAction(key: string): key is AuditAction {
  return Object.hasOwn(auditActions, key);
}

/** What the action says in `language`, or null for a key this version does not know. */
export function auditActionText(key: string, language: Language): string | null {
  return isAuditAction(key) ? auditActions[key].text[language] : null;
}

/**
 * The groups the audit log page filters by, in the order it lists them; every action is in
 * exactly one (shared/test/audit-actions.test.ts). A filter names a group or one action.
 */
export const auditActionGroups = {
  requests: {
    actions: [
      'request.submit',
      'request.approve',
      'request.request_changes',
      'request.reject',
      'request.close',
      'request.expire',
      'request.complete',
      'request.delete',
      'request.export',
      'request.create_on_behalf',
    ],
    text: { ja: '依頼の確認と募集', en: 'Requests: review and listing', 'ja-easy': 'おねがいの かくにんと ぼしゅう' },
  },
  matches: {
    actions: [
      'match.accept',
      'match.complete',
      'match.confirm',
      'contact.reveal',
      'match.first_come',
      'help_invitation.create',
      'help_invitation.decline',
      'match.export',
    ],
    text: { ja: 'マッチと連絡先', en: 'Matches and contact details', 'ja-easy': 'マッチと れんらくさき' },
  },
  flags: {
    actions: ['flag.hide', 'flag.dismiss'],
    text: { ja: '報告（通報）', en: 'Reports', 'ja-easy': 'しらせ（つうほう）' },
  },
  people: {
    actions: [
      'invitation.create',
      'invitation.resend',
      'invitation.revoke',
      'invitation.accept',
      'role.grant',
      'role.remove',
    ],
    text: { ja: '招待と役割', en: 'Invitations and roles', 'ja-easy': 'しょうたいと やくわり' },
  },
  accounts: {
    actions: ['staff.sign_in', 'me.export', 'me.delete'],
    text: { ja: 'ログインとアカウント', en: 'Sign-ins and accounts', 'ja-easy': 'ログインと アカウント' },
  },
  stories: {
    actions: ['story.approve', 'story.send_back', 'story.feature'],
    text: { ja: '好事例', en: 'Good cases', 'ja-easy': 'よい れい' },
  },
  settings: {
    actions: ['association.create', 'municipality.update_settings', 'municipality.update_status'],
    text: {
      ja: '町会・自治会の登録と設定',
      en: 'Associations and settings',
      'ja-easy': 'ちょうかい・じちかいの とうろくと せってい',
    },
  },
} as const satisfies Record<string, { actions: readonly AuditAction[]; text: Record<Language, string> }>;

export type AuditActionGroup = keyof typeof auditActionGroups;
export const auditActionGroupKeys = Object.keys(auditActionGroups) as AuditActionGroup[];

/** A filter of the audit log: a group of actions or one action. */
export type AuditActionFilter = AuditActionGroup | AuditAction;

/** The actions a filter stands for. */
export function auditActionsOf(filter: AuditActionFilter): readonly AuditAction[] {
  return Object.hasOwn(auditActionGroups, filter)
    ? auditActionGroups[filter as AuditActionGroup].actions
    : [filter as AuditAction];
}

/** A moderation decision on a request, as audited. */
export type RequestAuditAction =
  'request.submit' | 'request.approve' | 'request.request_changes' | 'request.reject' | 'request.close';
