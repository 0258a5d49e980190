import type { MatchReasonOut, Municipality } from '@board/shared';
import type { MessageKey } from '#lib/i18n/catalogue.ts';
import type { Translator } from '#lib/i18n/translator.ts';
import { categoryLabel, languageLabel } from '#lib/board/requests.ts';
import { municipalityLabelByCode } from '#lib/municipality-label.ts';

type I18n = Pick<Translator, 't' | 'lang'>;

/**
 * Who reads the reasons: a volunteer about a request ("fits your skill"), or an officer about a
 * volunteer ("can do …"). The same reason keys (shared/src/matching/scoring.ts), two voices.
 */
export type ReasonReader = 'volunteer' | 'officer';

export interface ReasonContext {
  reader: ReasonReader;
  municipalities: readonly Municipality[];
  /** the request's municipality: "next to 足立区" names its kind (区, 市 …) */
  requestMunicipalityCode?: string;
}

const text = (params: MatchReasonOut['params'], name: string) => String(params[name] ?? '');

/** One reason in plain words, in the reader's language. */
export function reasonText(i18n: I18n, reason: MatchReasonOut, context: ReasonContext): string {
  const { params } = reason;
  // prefixes end in a dot so the per-page message scan (web/vite/message-keys.ts) takes every key under them
  const prefix = context.reader === 'volunteer' ? 'matching.reason.' : 'matching.forOfficer.';
  const key = `${prefix}${reason.key}` as MessageKey;
  const municipality = () =>
    municipalityLabelByCode(i18n.lang, context.municipalities, text(params, 'municipalityCode'));
  switch (reason.key) {
    case 'skill':
      // the page's load named the skill in the reader's language (lib/server/reason-skills.ts)
      return i18n.t(key, { skill: text(params, 'skillName') || text(params, 'skill'), level: text(params, 'level') });
    case 'category':
    case 'pastHelps':
      return i18n.t(key, { category: categoryLabel(i18n, text(params, 'category')), count: Number(params.count ?? 0) });
    case 'sameMunicipality':
      return i18n.t(key, { municipality: municipality() });
    case 'neighbour': {
      const kind = context.municipalities.find((m) => m.code === context.requestMunicipalityCode)?.kind ?? 'ward';
      return i18n.t(key, { municipality: municipality(), kind });
    }
    case 'available': {
      const day = i18n.t('matching.day', { day: text(params, 'day') });
      const part = params.part ? i18n.t('matching.part', { part: text(params, 'part') }) : '';
      // 土曜の午前 / Saturday morning / どようびの あさ
      return i18n.t(key, { when: [day, part].filter(Boolean).join(i18n.lang === 'en' ? ' ' : '') });
    }
    case 'language':
      return i18n.t(key, { language: languageLabel(i18n, text(params, 'language')) });
    case 'deadlineSoon':
      return i18n.t(key, { days: Number(params.days ?? 0) });
    case 'fewHands':
      return i18n.t(key, { hands: Number(params.hands ?? 0) });
    case 'thanks':
      return i18n.t(key, { count: Number(params.count ?? 0) });
    default:
      return i18n.t(key);
  }
}
