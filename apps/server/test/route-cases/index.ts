import type { RouteCase } from './shared.js';
import { foundationCases } from './foundation.js';
import { registerCases } from './register.js';
import { keyPersonFileCases } from './key-persons.js';
import { checkpointCases } from './checkpoints.js';
import { keyPersonFilePartCases } from './key-person-file.js';
import { securityCases } from './security.js';
import { gridCases } from './grids.js';
import { responsibilityChainCases } from './responsibility-chains.js';
import { commandCases } from './command.js';
import { volunteerTeamCases } from './volunteer-teams.js';
import { countySettingCases } from './county-settings.js';
import { supervisionCases } from './supervision.js';
import { spotCheckCases } from './spot-checks.js';
import { communityMeasureCases } from './community-measures.js';
import { supplyCases } from './supplies.js';
import { publicReportCases } from './public-reports.js';
import { vaccinationCases } from './vaccinations.js';
import { sentinelCases } from './sentinels.js';

export type { Fixtures, RouteCase } from './shared.js';

/** One entry per registered route, `METHOD url`, by capability; the route walk fails on a route without one. */
export const routeCases: Record<string, RouteCase> = {
  ...foundationCases,
  ...registerCases,
  ...keyPersonFileCases,
  ...keyPersonFilePartCases,
  ...checkpointCases,
  ...securityCases,
  ...gridCases,
  ...responsibilityChainCases,
  ...commandCases,
  ...volunteerTeamCases,
  ...countySettingCases,
  ...supervisionCases,
  ...spotCheckCases,
  ...communityMeasureCases,
  ...supplyCases,
  ...publicReportCases,
  ...vaccinationCases,
  ...sentinelCases,
};
