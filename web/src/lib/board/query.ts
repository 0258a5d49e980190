import type { BoardSort } from '@board/shared';

/**
 * The board's filters as they live in the page's URL (`/requests?…`), so every filtered board is
 * a link someone can share. The filter form is a plain GET form with these names; the page sends
 * the same values on to `GET /api/requests` (shared/src/help-requests.ts `BoardQuery`).
 */
export interface BoardFilters {
  /** search words */
  q: string;
  /** municipality codes, several allowed */
  municipalities: string[];
  /** a category key, or '' for every category */
  category: string;
  /** skills as typed: several separated by commas (「、」 too) */
  skills: string;
  /** first and last day (YYYY-MM-DD, Tokyo) the work starts within */
  from: string;
  to: string;
  /** a language code the work can be done in (`en`, `ja-easy`, …), or '' for any */
  language: string;
  onlineOnly: boolean;
  /**
   * filled requests too. The board lists only requests still taking hands unless this is set: the
   * form's unticked box is the default, so the parameter is the inverted one (the API's `openOnly`
   * is sent when this is off). An old link's `openOnly=1` is the default now and is dropped.
   */
  includeFull: boolean;
  /** `recommended` (おすすめ, issue 10): for a signed-in volunteer, the requests suggested to them */
  sort: BoardSort | 'recommended';
  /** the keyset cursor of a later page, from the API's `nextCursor` */
  cursor: string;
}

/** Query-string names in the order the form sends them (so a submitted form needs no reordering). */
const order = [
  'q',
  'category',
  'language',
  'municipalities',
  'skills',
  'from',
  'to',
  'onlineOnly',
  'includeFull',
  'sort',
  'cursor',
];

const yes = new Set(['1', 'on', 'true']);
const pageSorts: readonly BoardFilters['sort'][] = ['newest', 'deadline', 'recommended'];
const listSeparator = /[,、，]/;

function splitList(values: string[]): string[] {
  const items = values
    .flatMap((v) => v.split(listSeparator))
    .map((v) => v.trim())
    .filter((v) => v.length > 0);
  return [...new Set(items)];
}

/** Reads the filters from a URL's query string; anything missing or blank is "not set". */
export function readBoardFilters(params: URLSearchParams): BoardFilters {
  const text = (name: string) => (params.get(name) ?? '').trim();
  return {
    q: text('q'),
    municipalities: splitList(params.getAll('municipalities')),
    category: text('category'),
    skills: params
      .getAll('skills')
      .map((v) => v.trim())
      .filter(Boolean)
      .join('、'),
    language: text('language'),
    from: text('from'),
    to: text('to'),
    onlineOnly: yes.has(text('onlineOnly')),
    includeFull: yes.has(text('includeFull')) && !yes.has(text('openOnly')),
    sort: pageSorts.find((sort) => sort === text('sort')) ?? 'newest',
    cursor: text('cursor'),
  };
}

/** The query string (with `?`, or '' when nothing is set) that gives exactly these filters. */
export function boardSearch(filters: BoardFilters): string {
  const params = new URLSearchParams();
  for (const name of order) {
    switch (name) {
      case 'municipalities':
        for (const code of filters.municipalities) params.append('municipalities', code);
        break;
      case 'onlineOnly':
      case 'includeFull':
        if (filters[name]) params.set(name, '1');
        break;
      case 'sort':
        if (filters.sort !== 'newest') params.set('sort', filters.sort);
        break;
      default: {
        const value = filters[name as 'q' | 'category' | 'language' | 'skills' | 'from' | 'to' | 'cursor'];
        if (value) params.set(name, value);
      }
    }
  }
  const search = params.toString();
  return search ? `?${search}` : '';
}

/**
 * The tidy form of a board URL's query string: blanks (a GET form sends every field) and unknown
 * names dropped, flags as `1`, the default sort left out. The page redirects to it, so the
 * address people copy is short and the same filters always give the same address.
 */
export function canonicalBoardSearch(params: URLSearchParams): string {
  return boardSearch(readBoardFilters(params));
}

/** A board link with some filters changed (sort links, next page, first page). */
export function boardHref(filters: BoardFilters, changes: Partial<BoardFilters> = {}): string {
  return `/requests${boardSearch({ ...filters, ...changes })}`;
}

/** How many requests one page of the board shows. */
export const boardPageSize = 20;

/** The API call for these filters: skills split into a list, open requests only unless asked, a fixed page size. */
export function boardApiPath(filters: BoardFilters): string {
  const params = new URLSearchParams();
  if (filters.q) params.set('q', filters.q);
  if (filters.municipalities.length > 0) params.set('municipalities', filters.municipalities.join(','));
  if (filters.category) params.set('category', filters.category);
  if (filters.language) params.set('languages', filters.language);
  const skills = splitList([filters.skills]);
  if (skills.length > 0) params.set('skills', skills.join(','));
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  if (filters.onlineOnly) params.set('onlineOnly', '1');
  if (!filters.includeFull) params.set('openOnly', '1');
  params.set('sort', filters.sort === 'recommended' ? 'newest' : filters.sort);
  if (filters.cursor) params.set('cursor', filters.cursor);
  params.set('limit', String(boardPageSize));
  return `/api/requests?${params.toString()}`;
}

/** True when any filter is set (the cursor and the sort are not filters; "full ones too" is). */
export function isFiltered(filters: BoardFilters): boolean {
  return Boolean(
    filters.q ||
    filters.municipalities.length > 0 ||
    filters.category ||
    filters.language ||
    filters.skills ||
    filters.from ||
    filters.to ||
    filters.onlineOnly ||
    filters.includeFull,
  );
}
