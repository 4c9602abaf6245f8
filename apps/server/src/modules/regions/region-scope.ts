// Kept for imports written before the scope kernel: the region look-ups now live in auth/scope.ts.
export { selectRegionInScope, regionFilterPath, tallyInScope } from '../../auth/scope.js';

/** The county of a region path: its first label. */
export const countyPathOf = (regionPath: string) => regionPath.split('.')[0]!;
