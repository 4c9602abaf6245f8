/** The tag colour of a venue check's result, wherever a result is shown. */
export const resultColor = { compliant: 'green', violation: 'orange', reopenedWithoutPermission: 'red' } as const;
