/** The figures page's filters as its GET form sends them ('' is "not set"). */
export interface FigureFilters {
  municipality: string;
  from: string;
  to: string;
}

export function figureFilters(params: URLSearchParams, filterable: boolean): FigureFilters {
  const read = (name: string) => (params.get(name) ?? '').trim();
  return { municipality: filterable ? read('municipality') : '', from: read('from'), to: read('to') };
}

/** The API's query for these filters (and more, such as the download's format). */
export function statisticsQuery(filters: FigureFilters, extra: Record<string, string> = {}): URLSearchParams {
  const query = new URLSearchParams();
  if (filters.municipality) query.set('municipalityCode', filters.municipality);
  if (filters.from) query.set('from', filters.from);
  if (filters.to) query.set('to', filters.to);
  for (const [name, value] of Object.entries(extra)) query.set(name, value);
  return query;
}
