/** The tag colour of a spot-checked record's outcome, in the list and in the drawer alike. */
export const OUTCOME_COLOR = { pending: 'default', confirmed: 'green', discrepant: 'red' } as const;
