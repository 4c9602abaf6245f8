export * from './regions.js';
export * from './users.js';
export * from './audit-log.js';
export * from './households.js';
export * from './leads.js';
export * from './key-persons.js';
export * from './daily-reports.js';
export * from './observation-sites.js';
