// @fangkong/domain: pure domain rules shared by server and web (no I/O, no Node-only APIs).
export * from './calendar.js';
export * from './half-width.js';
export * from './id-number.js';
export * from './locale.js';
export * from './messages.js';
export * from './phone.js';
export * from './plate.js';
export * from './province-code.js';
export * from './region-code.js';
export * from './region-level.js';
export * from './result.js';
export * from './roles.js';
export * from './schemas.js';
export * from './temperature.js';
export * from './daily-report.js';
