import type { Locale } from '@fangkong/domain';

// The words of the entry ledger's cells: the database keeps codes, the workbook a county officer
// opens says 劝返 and 绿码 (the same words as the web app's locale files).

const zh = {
  kind: { vehicle: '车辆', pedestrian: '行人' },
  vehicleType: { car: '小汽车', bus: '客车', truck: '货车', van: '面包车', motorcycle: '摩托车', other: '其他' },
  direction: { in: '进入', out: '离开' },
  decision: { pass: '放行', turnBack: '劝返', hold: '留验' },
  holdOutcome: { placement: '集中隔离点', handover: '移交卫生院' },
  sex: { male: '男', female: '女' },
  healthCode: { green: '绿码', yellow: '黄码', red: '红码' },
  itinerary: { normal: '正常', starred: '带星号' },
  nucleicAcid: { negative48h: '48 小时内阴性', none: '无', positive: '阳性' },
  yes: '是',
};

export type EntryLabels = typeof zh;

export const ENTRY_LABELS: Readonly<Record<Locale, EntryLabels>> = {
  'zh-CN': zh,
  'en-US': {
    kind: { vehicle: 'Vehicle', pedestrian: 'Pedestrian' },
    vehicleType: { car: 'Car', bus: 'Bus', truck: 'Truck', van: 'Van', motorcycle: 'Motorcycle', other: 'Other' },
    direction: { in: 'In', out: 'Out' },
    decision: { pass: 'Pass', turnBack: 'Turn back', hold: 'Hold' },
    holdOutcome: { placement: 'Observation site', handover: 'Health centre' },
    sex: { male: 'Male', female: 'Female' },
    healthCode: { green: 'Green', yellow: 'Yellow', red: 'Red' },
    itinerary: { normal: 'Normal', starred: 'Starred' },
    nucleicAcid: { negative48h: 'Negative within 48 h', none: 'None', positive: 'Positive' },
    yes: 'yes',
  },
};

/** The label of a code, or '' when the field was not recorded. */
export function labelOf<K extends keyof Omit<EntryLabels, 'yes'>>(labels: EntryLabels, field: K, code: string | null | undefined): string {
  return code ? ((labels[field] as Record<string, string>)[code] ?? code) : '';
}
