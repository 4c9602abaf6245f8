import { describe, expect, it } from 'vitest';
import * as domain from './index.js';

describe('@fangkong/domain entry point', () => {
  it('re-exports every module', () => {
    const names = [
      'parseIdNumber', 'normalizeIdNumber', 'computeIdCheckDigit', 'maskIdNumber', 'makeIdNumber', 'isValidIdNumber',
      'parsePhone', 'normalizePhone', 'maskPhone', 'isMobilePhone',
      'parsePlate', 'normalizePlate', 'formatPlate', 'isValidPlate', 'PLATE_PROVINCES',
      'parseTemperature', 'isFever', 'FEVER_THRESHOLD_C',
      'regionLevelOfCode', 'parentCodeOf', 'isRegionCode', 'regionPathLabel', 'regionPathOf', 'regionCodeOfPathLabel', 'isWithinScope',
      'idNumberSchema', 'phoneSchema', 'plateSchema', 'temperatureSchema', 'pageQuerySchema', 'uuidSchema',
      'domainMessages', 'translate', 'LOCALES', 'DEFAULT_LOCALE',
      'ROLES', 'ROLE_LABELS', 'roleLabel', 'REGION_LEVELS', 'REGION_LEVEL_LABELS',
      'toHalfWidth', 'isIsoDate', 'PROVINCE_CODES',
    ];
    for (const name of names) expect(domain, name).toHaveProperty(name);
  });
});
