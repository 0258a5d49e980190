import { rubyOf } from '../../furigana/readings.ts';
import type { StoryReadings, StoryTexts } from './repository.ts';

/** The readings over a story's four texts, made when it is written (furigana, issue 13). */
export async function storyReadings(text: StoryTexts): Promise<StoryReadings> {
  const [titleRuby, troubleRuby, whatDoneRuby, whatChangedRuby] = await Promise.all(
    [text.title, text.trouble, text.whatDone, text.whatChanged].map(rubyOf),
  );
  return { titleRuby, troubleRuby, whatDoneRuby, whatChangedRuby } as StoryReadings;
}
