// Human messages for the translation keys used by the domain parsers, the shared schemas and the
// server's error responses. Issue messages in schemas are these keys; the UI translates them.
import { DEFAULT_LOCALE, isLocale, type Locale } from './locale.js';

const zhCN = {
  // General
  required: '此项为必填',
  invalid: '格式不正确',
  tooLong: '不能超过{maximum}个字符',
  tooShort: '至少需要{minimum}个字符',
  tooBig: '不能大于{maximum}',
  tooSmall: '不能小于{minimum}',
  invalidNumber: '请输入数字',
  invalidInteger: '请输入整数',
  invalidUuid: '编号格式不正确',
  invalidDate: '日期无效',
  invalidEnum: '请从列表中选择',
  invalidRegionCode: '行政区划代码无效',
  notFound: '记录不存在或已被删除',
  conflict: '数据已存在或已被他人修改，请刷新后重试',
  forbidden: '没有权限执行此操作',
  unauthorized: '请先登录',
  invalidCredentials: '用户名或密码错误',
  accountLocked: '登录失败次数过多，账号已被暂时锁定，请稍后再试',
  csrf: '页面已过期，请刷新后重试',
  rateLimited: '操作过于频繁，请稍后再试',
  badRequest: '请求无效',
  validation: '填写的内容有误，请检查后重试',
  payloadTooLarge: '提交的内容过大',
  internal: '系统繁忙，请稍后再试',
  // ID number
  'idNumber.empty': '请输入身份证号',
  'idNumber.length': '身份证号应为18位（或旧版15位）',
  'idNumber.characters': '身份证号只能包含数字，最后一位可以是X',
  'idNumber.region': '身份证号的地区码无效',
  'idNumber.birthDate': '身份证号中的出生日期无效',
  'idNumber.checkDigit': '身份证号校验位错误',
  // Phone
  'phone.empty': '请输入手机号码',
  'phone.characters': '手机号码只能包含数字',
  'phone.length': '手机号码应为11位',
  'phone.prefix': '手机号码号段不正确，应以13至19开头',
  // Plate
  'plate.empty': '请输入车牌号',
  'plate.province': '车牌号的省份简称不正确',
  'plate.format': '车牌号格式不正确',
  // Temperature
  'temperature.empty': '请输入体温',
  'temperature.format': '体温格式不正确，例如 36.5',
  'temperature.range': '体温应在34.0至43.0℃之间',
  // Requests, imports and accounts
  unsupportedMediaType: '不支持的文件类型，请上传 .xlsx 或 .csv 文件',
  outOfScope: '超出您的管辖范围',
  duplicateInFile: '与文件中前面的行重复',
  'regionCode.parentMissing': '上级区划不存在（请先导入上级区划）',
  'password.tooShort': '密码至少需要8个字符',
  'username.format': '用户名为3至32位字母、数字、下划线、点或短横线',
  'username.taken': '该用户名已被使用',
  'user.notSelf': '不能停用自己的账号或修改自己的角色',
  // Key persons, checks, leads
  'keyPerson.endBeforeStart': '解除日期不能早于开始日期',
  'keyPerson.alreadyOpen': '此人已有正在管理的重点人员档案',
  'keyPerson.closed': '档案已结束，不能再修改',
  'keyPerson.transition': '当前状态不能变更为所选状态',
  'keyPerson.releaseNotDue': '尚未完成最后一天的体温监测，不能解除',
  'keyPerson.transferTarget': '请选择转往的本县区划或填写县外去向（二选一）',
  'keyPerson.notActive': '该重点人员不在管控中',
  'officer.duplicate': '该责任人已在包保名单中',
  'slotWindow.format': '时间格式应为 HH:MM',
  'slotWindow.order': '时段的结束时间应晚于开始时间',
  'slotWindow.overlap': '上午时段应在下午时段开始前结束',
  'healthCheck.future': '该时段尚未开始，不能提前登记',
  'healthCheck.outsideMeasure': '该日期不在管控期内',
  'healthCheck.slotFilled': '该时段已登记体温，如需修改请使用更正',
  'triage.transition': '该分诊任务已处理',
  'lead.notOpen': '该线索已核查或已排除',
  'import.unknownColumns': '无法识别的列：{columns}',
  'import.missingColumns': '缺少必需的列：{columns}',
  'checkIn.invalidToken': '链接无效或已过期，请联系您的包保责任人',
  'placement.notCentral': '只有正在集中隔离医学观察的重点人员才能安排床位',
  'placement.taken': '该床位已有人，或此人已在其他床位',
  'dailyReport.level': '只有村（社区）和乡镇（街道）报送日报告',
  'dailyReport.futureDay': '不能报送未来日期的日报告',
  'dailyReport.reasonRequired': '该日报告已报送，更正须填写更正原因',
  'dailyReport.windowClosed': '已超过更正期限，不能再更正该日报告',
} as const;

export type DomainMessageKey = keyof typeof zhCN;

const enUS: Readonly<Record<DomainMessageKey, string>> = {
  required: 'This field is required',
  invalid: 'The value is not valid',
  tooLong: 'Must be at most {maximum} characters',
  tooShort: 'Must be at least {minimum} characters',
  tooBig: 'Must be at most {maximum}',
  tooSmall: 'Must be at least {minimum}',
  invalidNumber: 'Enter a number',
  invalidInteger: 'Enter a whole number',
  invalidUuid: 'The identifier is not valid',
  invalidDate: 'The date is not valid',
  invalidEnum: 'Choose a value from the list',
  invalidRegionCode: 'The region code is not valid',
  notFound: 'The record does not exist or has been deleted',
  conflict: 'The record already exists or was changed by someone else; reload and try again',
  forbidden: 'You are not allowed to do this',
  unauthorized: 'Please sign in',
  invalidCredentials: 'Wrong user name or password',
  accountLocked: 'Too many failed sign-ins; the account is locked for a while, try again later',
  csrf: 'The page has expired; reload it and try again',
  rateLimited: 'Too many requests; try again later',
  badRequest: 'The request is not valid',
  validation: 'Some fields are not valid; check them and try again',
  payloadTooLarge: 'The submission is too large',
  internal: 'Something went wrong on our side; try again later',
  'idNumber.empty': 'Enter the ID number',
  'idNumber.length': 'The ID number must have 18 characters (or 15 for old cards)',
  'idNumber.characters': 'The ID number may only contain digits, and X as the last character',
  'idNumber.region': 'The region code of the ID number is not valid',
  'idNumber.birthDate': 'The birth date in the ID number is not valid',
  'idNumber.checkDigit': 'The check digit of the ID number is wrong',
  'phone.empty': 'Enter the mobile number',
  'phone.characters': 'The mobile number may only contain digits',
  'phone.length': 'The mobile number must have 11 digits',
  'phone.prefix': 'The mobile number must start with 13 to 19',
  'plate.empty': 'Enter the plate number',
  'plate.province': 'The province abbreviation of the plate is not valid',
  'plate.format': 'The plate number is not valid',
  'temperature.empty': 'Enter the temperature',
  'temperature.format': 'The temperature is not a number, e.g. 36.5',
  'temperature.range': 'The temperature must be between 34.0 and 43.0 °C',
  unsupportedMediaType: 'Unsupported file type; upload an .xlsx or .csv file',
  outOfScope: 'Outside the regions you are responsible for',
  duplicateInFile: 'Repeats an earlier row of the file',
  'regionCode.parentMissing': 'The parent region does not exist (import it first)',
  'password.tooShort': 'The password must have at least 8 characters',
  'username.format': 'The user name must be 3 to 32 letters, digits, underscores, dots or hyphens',
  'username.taken': 'This user name is already taken',
  'user.notSelf': 'You cannot disable your own account or change your own role',
  'keyPerson.endBeforeStart': 'The end date cannot be before the start date',
  'keyPerson.alreadyOpen': 'This person already has an open key-person file',
  'keyPerson.closed': 'The file is closed and cannot be changed',
  'keyPerson.transition': 'The file cannot move from its current status to this one',
  'keyPerson.releaseNotDue': "Not due for release yet: the last day's checks are not done",
  'keyPerson.transferTarget': 'Choose a region of the county or enter a destination outside it, not both',
  'keyPerson.notActive': 'This key person is not under an active measure',
  'officer.duplicate': 'This officer is already on the team',
  'slotWindow.format': 'Times must be written HH:MM',
  'slotWindow.order': 'A window must close after it opens',
  'slotWindow.overlap': 'The morning window must close before the afternoon window opens',
  'healthCheck.future': 'This slot has not opened yet',
  'healthCheck.outsideMeasure': 'This day is outside the measure',
  'healthCheck.slotFilled': 'This slot already has a check; correct it instead',
  'triage.transition': 'This triage task has already been handled',
  'lead.notOpen': 'This lead has already been verified or dismissed',
  'import.unknownColumns': 'Unknown columns: {columns}',
  'import.missingColumns': 'Missing columns: {columns}',
  'checkIn.invalidToken': 'The link is not valid or has expired; contact your officer',
  'placement.notCentral': 'Only key persons under central isolation can be given a bed',
  'placement.taken': 'The bed is taken, or the person is already in another bed',
  'dailyReport.level': 'Only villages and townships submit daily reports',
  'dailyReport.futureDay': 'A daily report cannot be for a future day',
  'dailyReport.reasonRequired': 'This report was already submitted: a correction needs its reason',
  'dailyReport.windowClosed': 'The time for corrections of this report is over',
};

/** Messages of every domain key, per locale. */
export const domainMessages: Readonly<Record<Locale, Readonly<Record<string, string>>>> = {
  'zh-CN': zhCN,
  'en-US': enUS,
};

export type MessageParams = Readonly<Record<string, string | number | bigint | boolean | null | undefined>>;

/** Translates a key, filling {name} placeholders from params; falls back to zh-CN, then to the key itself. */
export function translate(locale: Locale | string, key: string, params?: MessageParams): string {
  const template =
    lookup(domainMessages[isLocale(locale) ? locale : DEFAULT_LOCALE], key) ??
    lookup(domainMessages[DEFAULT_LOCALE], key) ??
    key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = Object.hasOwn(params, name) ? params[name] : undefined;
    return value === undefined || value === null ? whole : String(value);
  });
}

function lookup(messages: Readonly<Record<string, string>>, key: string): string | undefined {
  return Object.hasOwn(messages, key) ? messages[key] : undefined;
}
