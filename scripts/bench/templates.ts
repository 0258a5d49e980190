import { documentTokens } from '../../shared/src/search/tokens.ts';
import { categoryKeys } from '../../shared/src/categories.ts';
import texts from './request-texts.json' with { type: 'json' };

/**
 * Realistic help-request texts for the generator: 12 categories × 17 tasks = 204 base templates,
 * each in 10 variants (a different event of the year and a different closing line) = 2,040 texts.
 * The texts are data (`request-texts.json`): `events`, `closings`, and per category its `tasks`.
 * Search tokens are computed here, once per text, with the app's own documentTokens, so the
 * generated rows are searchable exactly as rows written through the API would be.
 */

type CategoryKey = (typeof categoryKeys)[number];

interface Task {
  /** `{e}` is replaced by an event of the year (夏祭り, 防災訓練, …) */
  title: string;
  detail: string;
  skills: string[];
}

const { events, closings, tasks } = texts as {
  events: string[];
  closings: string[];
  tasks: Record<CategoryKey, Task[]>;
};

export interface RequestTemplate {
  category: CategoryKey;
  title: string;
  body: string;
  skills: string[];
  searchTokens: string[];
}

/** Every text the generator puts on the board, with its tokens. */
export function requestTemplates(): RequestTemplate[] {
  const out: RequestTemplate[] = [];
  for (const category of categoryKeys) {
    const list = tasks[category];
    list.forEach((task, t) => {
      for (let v = 0; v < 10; v++) {
        const event = events[(t + v) % events.length]!;
        const closing = closings[(t * 3 + v) % closings.length]!;
        const title = task.title.replaceAll('{e}', event);
        const body = `${task.detail.replaceAll('{e}', event)}\n${closing}`;
        out.push({ category, title, body, skills: task.skills, searchTokens: documentTokens(title, body) });
      }
    });
  }
  return out;
}

export const baseTemplateCount = categoryKeys.reduce((n, c) => n + tasks[c].length, 0);
