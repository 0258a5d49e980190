import { BoardQuery } from '@board/shared';
import { describe, expect, it } from 'vitest';
import { boardApiPath, boardHref, canonicalBoardSearch, isFiltered, readBoardFilters } from './query.ts';

const params = (search: string) => new URLSearchParams(search);

describe('board filters in the URL', () => {
  it('reads nothing from an empty query', () => {
    const filters = readBoardFilters(params(''));
    expect(filters).toEqual({
      q: '',
      municipalities: [],
      category: '',
      skills: '',
      language: '',
      from: '',
      to: '',
      onlineOnly: false,
      includeFull: false,
      sort: 'newest',
      cursor: '',
    });
    expect(isFiltered(filters)).toBe(false);
    expect(canonicalBoardSearch(params(''))).toBe('');
  });

  it('drops the blanks a GET form sends, keeps the order of the form', () => {
    const submitted =
      'q=+%E3%81%A1%E3%82%89%E3%81%97+&category=&municipalities=13121&municipalities=13104&skills=&from=&to=&onlineOnly=1&sort=newest';
    const canonical = canonicalBoardSearch(params(submitted));
    expect(canonical).toBe('?q=%E3%81%A1%E3%82%89%E3%81%97&municipalities=13121&municipalities=13104&onlineOnly=1');
    // the tidy address stays as it is: no redirect loop
    expect(canonicalBoardSearch(params(canonical.slice(1)))).toBe(canonical);
  });

  it('accepts comma lists and repeated names alike, without duplicates', () => {
    const filters = readBoardFilters(params('municipalities=13121,13104&municipalities=13121'));
    expect(filters.municipalities).toEqual(['13121', '13104']);
  });

  it('understands the ways a checkbox says yes, and ignores unknown names and sorts', () => {
    const filters = readBoardFilters(params('includeFull=on&onlineOnly=no&sort=oldest&utm_source=x'));
    expect(filters.includeFull).toBe(true);
    expect(filters.onlineOnly).toBe(false);
    expect(filters.sort).toBe('newest');
    expect(isFiltered(filters)).toBe(true);
    expect(canonicalBoardSearch(params('includeFull=on&onlineOnly=no&sort=oldest&utm_source=x'))).toBe(
      '?includeFull=1',
    );
  });

  it('lists only requests still taking hands unless full ones are asked for; an old openOnly link is the default', () => {
    const api = (search: string) => new URL(boardApiPath(readBoardFilters(params(search))), 'http://x.invalid');
    expect(api('').searchParams.get('openOnly')).toBe('1');
    expect(api('includeFull=1').searchParams.has('openOnly')).toBe(false);
    expect(api('openOnly=1').searchParams.get('openOnly')).toBe('1');
    expect(canonicalBoardSearch(params('openOnly=1&sort=deadline'))).toBe('?sort=deadline');
    expect(readBoardFilters(params('openOnly=1&includeFull=1')).includeFull).toBe(false);
  });

  it("sends the language as the API's languages filter", () => {
    const filters = readBoardFilters(params('language=ja-easy&q=photo'));
    expect(canonicalBoardSearch(params('q=photo&language=ja-easy&category='))).toBe('?q=photo&language=ja-easy');
    const sent = new URL(boardApiPath(filters), 'http://x.invalid');
    expect(sent.searchParams.get('languages')).toBe('ja-easy');
    expect(BoardQuery.parse(Object.fromEntries(sent.searchParams)).languages).toEqual(['ja-easy']);
  });

  it('links to another sort or page keeping every filter', () => {
    const filters = readBoardFilters(params('q=写真&category=photo_video&cursor=abc'));
    expect(boardHref(filters, { sort: 'deadline', cursor: '' })).toBe(
      '/requests?q=%E5%86%99%E7%9C%9F&category=photo_video&sort=deadline',
    );
    expect(boardHref(filters, { cursor: 'next' })).toBe(
      '/requests?q=%E5%86%99%E7%9C%9F&category=photo_video&cursor=next',
    );
    expect(boardHref(filters, { cursor: '' })).toBe('/requests?q=%E5%86%99%E7%9C%9F&category=photo_video');
  });

  it('asks the API with the skills as a list and a fixed page size, in a form the API accepts', () => {
    const filters = readBoardFilters(
      params(
        'skills=Canva、 写真撮影 ,LINE&municipalities=13121&from=2026-07-01&to=2026-07-31&language=en&sort=deadline',
      ),
    );
    const path = boardApiPath(filters);
    const sent = new URL(path, 'http://x.invalid');
    expect(sent.pathname).toBe('/api/requests');
    expect(sent.searchParams.get('skills')).toBe('Canva,写真撮影,LINE');
    const parsed = BoardQuery.safeParse(Object.fromEntries(sent.searchParams));
    expect(parsed.success).toBe(true);
    expect(parsed.data).toMatchObject({
      municipalities: ['13121'],
      skills: ['Canva', '写真撮影', 'LINE'],
      from: '2026-07-01',
      to: '2026-07-31',
      languages: ['en'],
      openOnly: true,
      sort: 'deadline',
      limit: 20,
    });
  });
});
