import type { CreateStoryBody } from '@board/shared';
import { approveStory, createStory, featureStory, setStoryConsent } from '../modules/stories/service.ts';
import type { HistoryPlayer } from './play.ts';

const day = 86_400_000;

/** What the officers wrote (好事例), one per story, in the order the confirmed matches are taken. */
const caseTexts: (Omit<CreateStoryBody, 'photo' | 'photoAlt' | 'removePhoto'> & { named: boolean })[] = [
  {
    title: '回覧板だけだったお知らせが、スマホでも届くように',
    trouble: '行事のお知らせが紙の回覧板だけで、共働きの若い世帯には届くのが遅れていました。',
    whatDone: 'LINEの公式アカウントを作り、役員が自分で配信できるように二回に分けて教えてくれました。',
    whatChanged: '防災訓練の参加者が前の年より二割増え、初めて参加した家族もいました。',
    named: true,
  },
  {
    title: '夏祭りのチラシが、読みやすく生まれ変わった',
    trouble: '毎年同じチラシで、文字が多く、日時と場所がすぐに分かりませんでした。',
    whatDone: '写真を大きく使い、日時・場所・持ち物を一目で分かるようにまとめてくれました。',
    whatChanged: '「今年のチラシは分かりやすい」と声をかけられ、子ども連れの来場が増えました。',
    named: false,
  },
  {
    title: '会計の表計算が、次の会計係にも引き継げる形に',
    trouble: '会計係の手作りの表が複雑で、引き継ぎのたびに数字が合わなくなっていました。',
    whatDone: '収入と支出の入力欄を分け、月ごとの集計が自動で出る表に作り直してくれました。',
    whatChanged: '総会の決算報告が半日で準備でき、新しい会計係も迷わず使えています。',
    named: true,
  },
  {
    title: '高齢の会員も、オンライン会議に参加できた',
    trouble: '役員会に来られない高齢の会員が増え、決めごとが一部の人だけで進んでいました。',
    whatDone: 'タブレットの設定と、会議への入り方を一人ずつ集会所で教えてくれました。',
    whatChanged: '自宅から役員会に参加する人が三人増え、意見が多く集まるようになりました。',
    named: false,
  },
];

/**
 * Case stories (好事例, issue 12) about the history's confirmed matches, through the services as
 * the people would have done it: the officer writes, the volunteer chooses to be named or not,
 * the ward's staff approve, and the foundation features the first on the home page.
 */
export async function playCaseStories(player: HistoryPlayer): Promise<void> {
  const seen = new Set<string>();
  const matches = player.confirmed.filter((m) => {
    // one story per association's officer, long enough ago for every step to lie in the past
    const fits = !seen.has(m.officer) && m.confirmedAt.getTime() + 6 * day < player.now.getTime();
    if (fits) seen.add(m.officer);
    return fits;
  });
  for (const [k, match] of matches.slice(0, caseTexts.length).entries()) {
    const { named, ...text } = caseTexts[k]!;
    const after = (days: number) => new Date(match.confirmedAt.getTime() + days * day);
    const officer = await player.as(match.officer);
    const story = await player.at(after(2), () =>
      createStory(officer, match.applicationId, { ...text, removePhoto: false }),
    );
    const volunteer = await player.as(match.volunteer);
    await player.at(after(3), () => setStoryConsent(volunteer, story.id, named ? 'named' : 'anonymous'));
    await player.at(after(4), async () =>
      approveStory(await player.as(match.staff), story.id, { decision: 'approve' }),
    );
    if (k === 0) await player.at(after(5), async () => featureStory(await player.as('foundation'), story.id, true));
  }
}
