// The public face of the county settings: what other modules read.
export { settingsFor } from './county-settings.service.js';
export { settingsInForceSql, selectLastChange } from './county-settings.queries.js';
