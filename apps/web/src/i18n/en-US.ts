import type { Messages } from './zh-CN';

/** en-US UI messages; the `Messages` type keeps the keys in step with zh-CN. */
export const enUS: Messages = {
  app: { name: 'Fangkong', fullName: 'Epidemic prevention platform', loading: 'Loading…' },
  common: {
    search: 'Search', reset: 'Reset', save: 'Save', cancel: 'Cancel', create: 'New', edit: 'Edit',
    actions: 'Actions', confirm: 'OK', retry: 'Retry', none: 'None', total: '{{count}} in total',
    unknownError: 'Something went wrong, please try again', networkError: 'Cannot reach the server, check your connection',
    notFound: 'Page not found', forbidden: 'You are not allowed to view this page', backHome: 'Back to home',
  },
  nav: { dailyReports: 'Daily reports', home: 'Home', regions: 'Regions', users: 'Users', auditLogs: 'Audit log', menu: 'Menu' },
  header: { language: 'Language', logout: 'Log out', scope: 'Scope', scopeOf: 'Scope: {{region}}' },
  login: {
    title: 'Log in', username: 'Username', password: 'Password', submit: 'Log in',
    usernameRequired: 'Please enter your username', passwordRequired: 'Please enter your password',
  },
  home: {
    greeting: 'Hello, {{name}}', scope: 'Your scope: {{region}}',
    townships: 'Townships', villages: 'Villages', groups: 'Groups', grids: 'Grids',
    households: 'Households', persons: 'Persons',
  },
  regions: {
    title: 'Regions', tree: 'Region tree', searchPlaceholder: 'Search by name or code', searchResults: 'Search results',
    noResults: 'No matching region', selectHint: 'Select a region on the left', detail: 'Region details',
    code: 'Code', name: 'Name', level: 'Level', path: 'Within', childCount: 'Sub-regions',
    gridCount: 'Grids', householdCount: 'Households', personCount: 'Persons',
    grids: 'Grids', gridName: 'Grid', leader: 'Leader', workers: 'Workers', noLeader: 'Not assigned',
    import: 'Import regions', importHint: 'CSV or Excel (.xlsx) file', importing: 'Importing…',
    importDone: 'Import finished: {{created}} created, {{updated}} updated',
    importFailed: '{{count}} rows have errors; nothing was imported. Correct them and import again', importResult: 'Import result',
    row: 'Row', field: 'Field', message: 'Error', badFileType: 'Only .csv or .xlsx files are accepted',
  },
  users: {
    title: 'Users', searchPlaceholder: 'Search username or name', roleFilter: 'All roles',
    username: 'Username', displayName: 'Name', role: 'Role', region: 'Region', phone: 'Phone',
    status: 'Status', lastLogin: 'Last login', createdAt: 'Created', never: 'Never',
    statusActive: 'Active', statusDisabled: 'Disabled', statusLocked: 'Locked',
    disable: 'Disable', enable: 'Enable', disableConfirm: 'Disable user "{{name}}"?',
    enableConfirm: 'Enable user "{{name}}"?', createTitle: 'New user', editTitle: 'Edit user',
    password: 'Password', resetPassword: 'Reset password', resetPasswordHint: 'Leave empty to keep the password',
    phoneKeepHint: 'Now: {{phone}}; leave empty to keep it',
    required: 'Please enter {{field}}', saved: 'Saved', created: 'User {{name}} created',
    disabled: '{{name}} disabled', enabled: '{{name}} enabled',
    unlock: 'Unlock', unlocked: '{{name}} unlocked', unlockConfirm: 'Unlock user "{{name}}"?',
  },
  outbox: {
    title: 'Waiting to sync', pending: '{{count}} records waiting to sync', waiting: 'recorded {{time}}, waiting for the network',
    syncNow: 'Sync now', discard: 'Discard', savedOffline: 'No network: saved on this device, it will be sent when the network is back',
  },
  dailyReports: {
    title: 'Daily reports', day: 'Report day', ownReport: "{{region}}: today's report", due: 'Due by {{time}}; with nothing new, submit a zero report in one click',
    submittedAt: 'Version {{version}} submitted ({{time}}, {{name}})', remarks: 'Remarks', problems: 'Problems', suggestions: 'Suggestions',
    correctionReason: 'Reason for the correction', correctionReasonRequired: 'A correction needs its reason', submit: 'Submit report', correct: 'Submit correction',
    zeroReport: 'Zero report', submitted: 'Report submitted', zeroDone: 'Zero report submitted', print: 'Print',
    statusTitle: 'Reports from below (due {{deadline}})', villageCompleteness: 'Villages reported', villageTimeliness: 'Villages on time',
    townshipCompleteness: 'Townships reported', region: 'Region', status: 'Status', onTime: 'On time', late: 'Late', missing: 'Missing',
    zero: 'Zero report', time: 'Submitted', view: 'View', documentTitle: '{{region}} daily epidemic-control report ({{day}})',
    signed: 'Submitted by {{name}} at {{time}}, version {{version}}',
  },
  regionSelect: { placeholder: 'Select a region' },
  audit: {
    title: 'Audit log', event: 'Event', keyword: 'Keyword', keywordPlaceholder: 'Event, actor or target', actor: 'Actor',
    actorPlaceholder: 'Search actor', dateRange: 'Period', time: 'Time', target: 'Target',
    region: 'Region', ip: 'IP address', userAgent: 'Client', detail: 'Details', noDetail: 'No details',
  },
};
