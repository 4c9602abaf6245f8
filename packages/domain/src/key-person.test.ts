import { describe, expect, it } from 'vitest';
import { measuredByOfRole } from './key-person.js';

describe('measuredByOfRole', () => {
  it('records a doctor as 医护人员 and a grid worker or cadre as 网格员代测', () => {
    expect(measuredByOfRole('doctor')).toBe('doctor');
    expect(measuredByOfRole('gridWorker')).toBe('gridWorker');
    expect(measuredByOfRole('villageCadre')).toBe('gridWorker');
  });
});
