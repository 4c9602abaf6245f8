// The order of a person's doses: a later dose number is never given before an earlier one.
export interface DoseOnDay {
  doseNumber: number;
  givenOn: string;
}

/**
 * The message key when `dose` contradicts the person's doses already `recorded` or others of the same
 * file (`alongside`), else null. Between two rows of one file the later dose number is the one refused.
 */
export function checkDoseOrder(
  dose: DoseOnDay,
  recorded: readonly DoseOnDay[],
  alongside: readonly DoseOnDay[] = [],
): string | null {
  const earlier = (o: DoseOnDay) => o.doseNumber < dose.doseNumber && o.givenOn > dose.givenOn;
  if (recorded.some(earlier) || alongside.some(earlier)) return 'vaccination.beforePreviousDose';
  if (recorded.some((o) => o.doseNumber > dose.doseNumber && o.givenOn < dose.givenOn))
    return 'vaccination.afterNextDose';
  return null;
}
