import neighbourPairs from './neighbour-pairs.json' with { type: 'json' };

/**
 * Which of Tokyo's 62 municipalities (区市町村) share a boundary: one pair per line, each pair once
 * (`neighboursOf` makes it symmetric). Land and river boundaries count (a ward across the Arakawa
 * or the Sumida is a neighbour: the boundary runs mid-river); borders outside Tokyo are not listed.
 * The island towns and villages (大島町 … 小笠原村) have no neighbour by land.
 *
 * Source: the administrative boundaries of 国土数値情報 (行政区域データ N03, 国土交通省), read as
 * "the two polygons share an edge", checked against each municipality's own list of 隣接自治体
 * (e.g. 目黒区 borders 品川・大田・世田谷・渋谷 only, not 港区; the 中央防波堤 made 江東区 and 大田区
 * neighbours in 2019). Used for the "next to your area" reason in suggestions (issue 10).
 *
 * The pairs are data in neighbour-pairs.json: `[code, code, "名前 – 名前"]`, the names for the reader.
 */
export const municipalityNeighbourPairs = (neighbourPairs as [string, string, string][]).map(
  ([a, b]): readonly [string, string] => [a, b],
);

const neighbourMap = new Map<string, Set<string>>();
for (const [a, b] of municipalityNeighbourPairs) {
  if (!neighbourMap.has(a)) neighbourMap.set(a, new Set());
  if (!neighbourMap.has(b)) neighbourMap.set(b, new Set());
  neighbourMap.get(a)!.add(b);
  neighbourMap.get(b)!.add(a);
}

/** The municipalities that share a boundary with `code`, in code order ([] for an island or an unknown code). */
export function neighboursOf(code: string): string[] {
  return [...(neighbourMap.get(code) ?? [])].sort();
}

/** Whether two municipalities share a boundary (symmetric; a municipality is not its own neighbour). */
export function areNeighbours(a: string, b: string): boolean {
  return neighbourMap.get(a)?.has(b) ?? false;
}
