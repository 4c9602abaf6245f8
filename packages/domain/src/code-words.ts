import type { Locale } from './locale.js';

// The words for the codes that records carry (放行, 绿码, 咳嗽…), per locale. The web app's locale
// files and the server's workbooks both take them from here, so a form and the ledger exported
// from it say the same thing.

const zh = {
  entryKind: { vehicle: '车辆', pedestrian: '行人' },
  direction: { in: '进入', out: '离开' },
  vehicleType: { car: '小汽车', bus: '客车', truck: '货车', van: '面包车', motorcycle: '摩托车', other: '其他' },
  decision: { pass: '放行', turnBack: '劝返', hold: '留验' },
  holdOutcome: { placement: '集中隔离点', handover: '移交卫生院' },
  healthCode: { green: '绿码', yellow: '黄码', red: '红码' },
  itinerary: { normal: '正常', starred: '带星号' },
  nucleicAcid: { negative48h: '48 小时内阴性', none: '无', positive: '阳性' },
  sex: { male: '男', female: '女' },
  slot: { am: '上午', pm: '下午' },
  symptom: {
    cough: '咳嗽',
    soreThroat: '咽痛',
    fatigue: '乏力',
    diarrhoea: '腹泻',
    lossOfSmell: '嗅觉味觉减退',
    shortnessOfBreath: '呼吸困难',
    chestPain: '胸痛',
    confusion: '意识不清',
  },
  measuredBy: { doctor: '医护人员', gridWorker: '网格员代测', self: '本人自测' },
  dutyRole: {
    leader: '带班领导',
    cadre: '干部',
    policeOfficer: '民警',
    medicalStaff: '医务人员',
    villageCadre: '村干部',
    volunteer: '志愿者',
  },
  venueType: {
    ktv: 'KTV',
    internetCafe: '网吧',
    teaHouse: '茶楼（棋牌室）',
    religiousSite: '宗教活动场所',
    dayCareCentre: '日间照料中心',
    elderCareHome: '养老机构',
    hotel: '宾馆酒店',
    market: '农贸市场',
    restaurant: '餐饮店',
    coldChainStore: '冷链食品经营',
    school: '学校（托幼机构）',
    other: '其他',
  },
  venueOrderKind: {
    close: '停业关闭',
    restrictHours: '限时营业',
    closedManagement: '封闭式管理',
    guestRegistration: '入住入场登记',
    noLivePoultrySlaughter: '禁止现场宰杀活禽',
  },
  venueCheckResult: { compliant: '落实到位', violation: '发现违规', reopenedWithoutPermission: '擅自复业' },
  gatheringKind: { wedding: '婚宴', funeral: '丧事', banquet: '其他宴席', market: '集市（赶集）', templeFair: '庙会' },
  disinfectionPlace: {
    publicPlace: '公共场所',
    market: '农贸市场',
    stairwell: '楼道电梯',
    keyPersonHome: '重点人员住所及周边',
    checkpoint: '卡口',
    vehicle: '车辆',
    other: '其他',
  },
  publicityKind: {
    banner: '横幅',
    poster: '标语海报',
    broadcast: '村村响广播',
    vehicle: '宣传车',
    ledScreen: 'LED屏',
    wechat: '微信群消息',
    sms: '短信',
    leaflet: '宣传单',
  },
  gatheringOutcome: {
    cancelled: '取消（停办）',
    postponed: '延期',
    scaledDown: '缩减规模',
    heldUnderConditions: '有条件举办',
    heldInViolation: '违规举办',
  },
} as const;

export type CodeWords = { readonly [K in keyof typeof zh]: { readonly [C in keyof (typeof zh)[K]]: string } };
export type CodeField = keyof CodeWords;

export const CODE_WORDS: Readonly<Record<Locale, CodeWords>> = {
  'zh-CN': zh,
  'en-US': {
    entryKind: { vehicle: 'Vehicle', pedestrian: 'Pedestrian' },
    direction: { in: 'In', out: 'Out' },
    vehicleType: { car: 'Car', bus: 'Bus', truck: 'Truck', van: 'Van', motorcycle: 'Motorcycle', other: 'Other' },
    decision: { pass: 'Pass', turnBack: 'Turn back', hold: 'Hold' },
    holdOutcome: { placement: 'Observation site', handover: 'Health centre' },
    healthCode: { green: 'Green', yellow: 'Yellow', red: 'Red' },
    itinerary: { normal: 'Normal', starred: 'Starred' },
    nucleicAcid: { negative48h: 'Negative within 48 h', none: 'None', positive: 'Positive' },
    sex: { male: 'Male', female: 'Female' },
    slot: { am: 'Morning', pm: 'Afternoon' },
    symptom: {
      cough: 'Cough',
      soreThroat: 'Sore throat',
      fatigue: 'Fatigue',
      diarrhoea: 'Diarrhoea',
      lossOfSmell: 'Loss of smell or taste',
      shortnessOfBreath: 'Shortness of breath',
      chestPain: 'Chest pain',
      confusion: 'Confusion',
    },
    measuredBy: { doctor: 'Doctor', gridWorker: 'Grid worker', self: 'Self' },
    dutyRole: {
      leader: 'Leader',
      cadre: 'Cadre',
      policeOfficer: 'Police officer',
      medicalStaff: 'Medical staff',
      villageCadre: 'Village cadre',
      volunteer: 'Volunteer',
    },
    venueType: {
      ktv: 'KTV',
      internetCafe: 'Internet café',
      teaHouse: 'Tea house',
      religiousSite: 'Religious site',
      dayCareCentre: 'Day-care centre',
      elderCareHome: 'Elder-care home',
      hotel: 'Hotel',
      market: "Farmers' market",
      restaurant: 'Restaurant',
      coldChainStore: 'Cold-chain store',
      school: 'School',
      other: 'Other',
    },
    venueOrderKind: {
      close: 'Closed',
      restrictHours: 'Restricted hours',
      closedManagement: 'Closed management',
      guestRegistration: 'Guest registration',
      noLivePoultrySlaughter: 'No live poultry slaughter',
    },
    venueCheckResult: {
      compliant: 'Compliant',
      violation: 'Violation',
      reopenedWithoutPermission: 'Reopened without permission',
    },
    gatheringKind: {
      wedding: 'Wedding',
      funeral: 'Funeral',
      banquet: 'Banquet',
      market: 'Market day',
      templeFair: 'Temple fair',
    },
    disinfectionPlace: {
      publicPlace: 'Public place',
      market: 'Market',
      stairwell: 'Stairwell / lift',
      keyPersonHome: "Key person's home and surroundings",
      checkpoint: 'Checkpoint',
      vehicle: 'Vehicle',
      other: 'Other',
    },
    publicityKind: {
      banner: 'Banners',
      poster: 'Posters',
      broadcast: 'Loudspeaker broadcast',
      vehicle: 'Publicity vehicles',
      ledScreen: 'LED screens',
      wechat: 'WeChat group messages',
      sms: 'SMS',
      leaflet: 'Leaflets',
    },
    gatheringOutcome: {
      cancelled: 'Cancelled',
      postponed: 'Postponed',
      scaledDown: 'Scaled down',
      heldUnderConditions: 'Held under conditions',
      heldInViolation: 'Held in violation',
    },
  },
};

/** The word for a code in a locale; '' when nothing was recorded, the code itself if unknown. */
export function codeWord(locale: Locale, field: CodeField, code: string | null | undefined): string {
  if (!code) return '';
  return (CODE_WORDS[locale][field] as Record<string, string>)[code] ?? code;
}

/** A true flag in a ledger cell ('是'); a false one stays empty. */
export const yesWord = (locale: Locale) => (locale === 'en-US' ? 'yes' : '是');
