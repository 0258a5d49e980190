import type { Category } from '@board/shared';
import { demoWards, historyVolunteerKeys } from './people.ts';

/**
 * The plan of the demo history: about sixty help requests across the fourteen demo wards, each
 * with the end it reaches and when it was posted. Deterministic: the same plan every start.
 */
export const storyEndings = [
  'draft',
  'pending_review',
  'changes_requested',
  'rejected',
  'withdrawn',
  'published',
  'published_with_match',
  'filled',
  'done',
  'completed',
  'closed',
  'expired',
] as const;
export type StoryEnding = (typeof storyEndings)[number];

export interface Story extends Template {
  association: string;
  officer: string;
  staff: string;
  area: string;
  slots: number;
  ending: StoryEnding;
  /** posted this many days before the seed */
  daysAgo: number;
  /** minutes after ten in the morning (Tokyo) it was posted, so two stories of one day differ */
  minute: number;
  /** the volunteers who raise a hand, in order; the first `slots` are accepted where the story gets that far */
  hands: string[];
  /** a volunteer the officer invites to help before the hands come */
  invite: string | null;
}

/** What a request of the history says. */
interface Template {
  title: string;
  body: string;
  category: Category;
  skills: string[];
}

const templates: Template[] = [
  t(
    '夏祭りのチラシ作り',
    '夏祭りのチラシ（A4・片面）を作ってくれる方を探しています。写真と文章は町会で用意します。',
    'design_flyers',
    ['チラシデザイン', 'Canva'],
  ),
  t(
    '町会のLINEグループの設定',
    '回覧板の代わりにLINEで連絡したいです。グループの設定と、役員への使い方の説明をお願いします。',
    'it_digital',
    ['LINE'],
  ),
  t('防災訓練の写真撮影', '防災訓練の様子を写真に残し、町会だよりに使いたいです。', 'photo_video', ['写真撮影']),
  t(
    'お知らせをやさしい日本語に',
    'ごみ出しのお知らせを、外国籍の住民にも読めるやさしい日本語にしてほしいです。',
    'translation',
    ['やさしい日本語'],
  ),
  t('盆踊りのやぐら設営', '盆踊りのやぐらとテントを立てます。力仕事ができる方、半日お願いします。', 'manual_labour', [
    '力仕事',
    'テント設営',
  ]),
  t(
    '高齢者向けスマホ教室',
    '集会所で、高齢の会員にスマホの基本（写真・LINE・地図）を教えてください。',
    'elderly_support',
    ['スマホ教室'],
  ),
  t(
    '会計帳簿を表計算ソフトに',
    '手書きの会計帳簿を表計算ソフトに移したいです。やり方を一緒に考えてください。',
    'admin_accounting',
    ['Excel', '会計'],
  ),
  t('子ども会の宿題タイム', '夏休みに集会所で、小学生の宿題を見てくれる方を探しています。', 'children_learning', [
    '宿題',
  ]),
  t('防災マップの作成', '町内の避難場所と消火器の位置をまとめた防災マップを作りたいです。', 'disaster_prevention', [
    '地図づくり',
  ]),
  t('町会ホームページの更新', '町会のホームページに行事の予定と写真を載せてください。', 'it_digital', [
    'ホームページ更新',
  ]),
  t('敬老会の受付と案内', '敬老会の当日、受付と会場の案内をお願いします。', 'event_running', ['受付']),
  t('町会だよりの記事づくり', '町会だよりの記事を一緒に書いて、読みやすく整えてくれる方を探しています。', 'pr_social', [
    '文章作成',
  ]),
  t('英語のお知らせ翻訳', '防災訓練のお知らせを英語に訳してほしいです。', 'translation', ['英語']),
  t('餅つき大会の準備と片付け', '年末の餅つき大会で、臼と机の運び出しと片付けを手伝ってください。', 'manual_labour', [
    '力仕事',
  ]),
];

function t(title: string, body: string, category: Category, skills: string[]): Template {
  return { title, body, category, skills };
}

/** How many stories end each way (60 in all). */
const endingCounts: [StoryEnding, number][] = [
  ['completed', 18],
  ['done', 4],
  ['filled', 5],
  ['published', 7],
  ['published_with_match', 3],
  ['expired', 5],
  ['closed', 3],
  ['rejected', 3],
  ['changes_requested', 3],
  ['pending_review', 4],
  ['draft', 4],
  ['withdrawn', 1],
];

/** How long ago a story of this ending was posted, in days, for the i-th of its kind. */
function daysAgoFor(ending: StoryEnding, i: number): number {
  switch (ending) {
    case 'completed':
      return 30 + i * 19; // a year of finished work, one every three weeks or so
    case 'done':
    case 'closed':
    case 'expired':
    case 'rejected':
      return 25 + i * 53;
    case 'filled':
      return 8 + i * 3;
    case 'withdrawn':
    case 'changes_requested':
      return 12 + i * 5;
    default:
      return 1 + i * 2; // open requests, the review queue and drafts are recent
  }
}

/** Associations by key with their officer and their ward's staff (base demo first). */
const associations = [
  { key: 'senju', officer: 'officerSenju', staff: 'staffAdachi', area: '千住一丁目' },
  { key: 'umeda', officer: 'officerUmeda', staff: 'staffAdachi', area: '梅田四丁目' },
  { key: 'okubo', officer: 'officerOkubo', staff: 'staffShinjuku', area: '大久保二丁目' },
  { key: 'yotsuya', officer: 'officerYotsuya', staff: 'staffShinjuku', area: '四谷三丁目' },
  ...demoWards.map((w) => ({ key: w.officerKey, officer: w.officerKey, staff: `staff.${w.key}`, area: w.area })),
];

export function planStories(): Story[] {
  const stories: Story[] = [];
  let n = 0;
  for (const [ending, count] of endingCounts) {
    for (let i = 0; i < count; i++, n++) {
      const a = associations[n % associations.length]!;
      const template = templates[(n * 5) % templates.length]!;
      const slots = ending === 'published_with_match' ? 2 : 1 + (n % 3 === 0 ? 1 : 0);
      // the association's own officer never raises a hand for it
      const pool = historyVolunteerKeys.filter((v) => v !== a.officer);
      const hands = Array.from({ length: slots + (n % 2) }, (_, k) => pool[(n * 7 + k * 3) % pool.length]!);
      const invitable = pool.filter((v) => !['volunteer3', 'volunteer4', 'volunteer5'].includes(v));
      stories.push({
        association: a.key,
        officer: a.officer,
        staff: a.staff,
        ...template,
        area: a.area,
        slots,
        ending,
        daysAgo: daysAgoFor(ending, i),
        minute: (n * 37) % 300,
        hands: [...new Set(hands)],
        invite:
          n % 4 === 1
            ? invitable[n % invitable.length]!
            : // a few requests still waiting for hands have an invitation out (live in the demo)
              ending === 'published' && i % 2 === 0
              ? (invitable.filter((v) => !hands.includes(v))[n % 3] ?? null)
              : null,
      });
    }
  }
  return stories;
}
