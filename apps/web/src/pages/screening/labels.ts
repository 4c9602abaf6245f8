import type { CoverageFigures } from '../../api/types';

/** Share of households covered (visited, or family away and followed up), as '87.5%'. */
export function coverageRate(f: Pick<CoverageFigures, 'households' | 'visited' | 'away'>): string {
  if (!f.households) return '—';
  return `${(((f.visited + f.away) / f.households) * 100).toFixed(1)}%`;
}

export const STATE_COLORS: Record<string, string> = {
  notVisited: 'red',
  nobodyHome: 'orange',
  refused: 'volcano',
  visited: 'green',
  away: 'blue',
};
