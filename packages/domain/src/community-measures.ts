// 社会面管控: the codes that venues, their orders and inspections, and gatherings carry, shared by
// the server's schemas and the web app's forms.

/** 场所类别: what kind of place a venue is (the names of docs/glossary.md). */
export const VENUE_TYPES = [
  'ktv',
  'internetCafe',
  'teaHouse',
  'religiousSite',
  'dayCareCentre',
  'elderCareHome',
  'hotel',
  'market',
  'restaurant',
  'coldChainStore',
  'school',
  'other',
] as const;
export type VenueType = (typeof VENUE_TYPES)[number];

/** 管控措施: 停业关闭, 限时营业, 封闭式管理, 入住/入场登记, 禁止现场宰杀活禽. */
export const VENUE_ORDER_KINDS = [
  'close',
  'restrictHours',
  'closedManagement',
  'guestRegistration',
  'noLivePoultrySlaughter',
] as const;
export type VenueOrderKind = (typeof VENUE_ORDER_KINDS)[number];

/** 检查结果: 落实到位, 发现违规（已处置）, 擅自复业. */
export const VENUE_CHECK_RESULTS = ['compliant', 'violation', 'reopenedWithoutPermission'] as const;
export type VenueCheckResult = (typeof VENUE_CHECK_RESULTS)[number];
/** A check with this result leaves the venue waiting for a re-check (复查) until one finds it compliant. */
export const isVenueViolation = (result: VenueCheckResult) => result !== 'compliant';

/** 聚集性活动: 婚宴, 丧事, 其他宴席（寿宴、升学宴…）, 集市（赶集）, 庙会. */
export const GATHERING_KINDS = ['wedding', 'funeral', 'banquet', 'market', 'templeFair'] as const;
export type GatheringKind = (typeof GATHERING_KINDS)[number];

/** 处置结果: 取消（停办、暂停）, 延期, 缩减规模, 有条件举办, 违规举办. */
export const GATHERING_OUTCOMES = [
  'cancelled',
  'postponed',
  'scaledDown',
  'heldUnderConditions',
  'heldInViolation',
] as const;
export type GatheringOutcome = (typeof GATHERING_OUTCOMES)[number];
/** 劝停: talked out of holding it (cancelled or postponed); its tables and persons count as cancelled. */
export const isGatheringStopped = (outcome: GatheringOutcome) => outcome === 'cancelled' || outcome === 'postponed';

/** Default of the "not checked in N days" list of venues under an order. */
export const VENUE_CHECK_DAYS = 3;

/** 消杀 places: 公共场所, 农贸市场, 楼道, 重点人员住所及周边, 卡口, 车辆, 其他. */
export const DISINFECTION_PLACES = [
  'publicPlace',
  'market',
  'stairwell',
  'keyPersonHome',
  'checkpoint',
  'vehicle',
  'other',
] as const;
export type DisinfectionPlace = (typeof DISINFECTION_PLACES)[number];

/** 宣传: 横幅, 标语海报, 村村响广播 (hours), 宣传车, LED屏, 微信群, 短信, 宣传单. */
export const PUBLICITY_KINDS = [
  'banner',
  'poster',
  'broadcast',
  'vehicle',
  'ledScreen',
  'wechat',
  'sms',
  'leaflet',
] as const;
export type PublicityKind = (typeof PUBLICITY_KINDS)[number];
/** A day has 24 hours: a village's broadcasts of one day add up to at most this. */
export const MAX_BROADCAST_HOURS = 24;
