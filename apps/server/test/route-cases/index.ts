import type { RouteCase } from './shared.js';
import { foundationCases } from './foundation.js';
import { registerCases } from './register.js';
import { keyPersonFileCases } from './key-persons.js';
import { checkpointCases } from './checkpoints.js';
import { keyPersonFilePartCases } from './key-person-file.js';

export type { Fixtures, RouteCase } from './shared.js';

/** One entry per registered route, `METHOD url`, by capability; the route walk fails on a route without one. */
export const routeCases: Record<string, RouteCase> = { ...foundationCases, ...registerCases, ...keyPersonFileCases, ...keyPersonFilePartCases, ...checkpointCases };
