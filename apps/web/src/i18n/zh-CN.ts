/** zh-CN (default) UI messages. en-US.ts must have the same shape (checked by the `Messages` type). */
export const zhCN = {
  app: { name: '防控', fullName: '基层疫情防控平台', loading: '加载中…' },
  common: {
    search: '搜索', reset: '重置', save: '保存', cancel: '取消', create: '新建', edit: '编辑',
    actions: '操作', confirm: '确定', retry: '重试', none: '无', total: '共 {{count}} 条',
    unknownError: '操作失败，请稍后重试', networkError: '无法连接服务器，请检查网络',
    notFound: '页面不存在', forbidden: '您没有权限访问此页面', backHome: '返回首页',
  },
  nav: { dailyReports: '日报告', home: '首页', regions: '行政区划', users: '用户管理', auditLogs: '审计日志', menu: '菜单' },
  header: { language: '语言', logout: '退出登录', scope: '管辖范围', scopeOf: '管辖范围：{{region}}' },
  login: {
    title: '登录', username: '用户名', password: '密码', submit: '登录',
    usernameRequired: '请输入用户名', passwordRequired: '请输入密码',
  },
  home: {
    greeting: '您好，{{name}}', scope: '您的管辖范围：{{region}}',
    townships: '乡镇/街道', villages: '村/社区', groups: '村民小组', grids: '网格',
    households: '户数', persons: '人数',
  },
  regions: {
    title: '行政区划', tree: '区划树', searchPlaceholder: '按名称或代码搜索', searchResults: '搜索结果',
    noResults: '没有匹配的区划', selectHint: '请在左侧选择一个区划', detail: '区划详情',
    code: '区划代码', name: '名称', level: '级别', path: '所属', childCount: '下级区划数',
    gridCount: '网格数', householdCount: '户数', personCount: '人数',
    grids: '网格', gridName: '网格名称', leader: '网格长', workers: '网格员', noLeader: '未指定',
    import: '导入区划', importHint: '支持 CSV 或 Excel（.xlsx）文件', importing: '正在导入…',
    importDone: '导入完成：新增 {{created}} 条，更新 {{updated}} 条',
    importFailed: '{{count}} 行有错误，未导入任何数据，请修正后重新导入', importResult: '导入结果',
    row: '行号', field: '字段', message: '错误信息', badFileType: '仅支持 .csv 或 .xlsx 文件',
  },
  users: {
    title: '用户管理', searchPlaceholder: '搜索用户名、姓名', roleFilter: '全部角色',
    username: '用户名', displayName: '姓名', role: '角色', region: '所属区划', phone: '手机号',
    status: '状态', lastLogin: '最近登录', createdAt: '创建时间', never: '从未登录',
    statusActive: '正常', statusDisabled: '停用', statusLocked: '锁定',
    disable: '停用', enable: '启用', disableConfirm: '确定停用用户“{{name}}”？',
    enableConfirm: '确定启用用户“{{name}}”？', createTitle: '新建用户', editTitle: '编辑用户',
    password: '密码', resetPassword: '重置密码', resetPasswordHint: '留空则不修改密码',
    phoneKeepHint: '当前：{{phone}}，留空则不修改',
    required: '请填写{{field}}', saved: '已保存', created: '已创建用户 {{name}}',
    disabled: '已停用 {{name}}', enabled: '已启用 {{name}}',
    unlock: '解锁', unlocked: '已解锁 {{name}}', unlockConfirm: '确定解锁用户“{{name}}”？',
  },
  outbox: {
    title: '待同步', pending: '{{count}} 条记录待同步', waiting: '{{time}} 录入，等待网络',
    syncNow: '立即同步', discard: '放弃', savedOffline: '网络不可用，已保存在本机，恢复网络后自动上传',
  },
  dailyReports: {
    title: '日报告', day: '报告日期', ownReport: '{{region}}今日日报', due: '请于{{time}}前报送；无新增情况可一键零报告',
    submittedAt: '已报送第{{version}}版（{{time}}，{{name}}）', remarks: '补充说明', problems: '存在问题', suggestions: '意见建议',
    correctionReason: '更正原因', correctionReasonRequired: '更正须填写原因', submit: '提交日报', correct: '提交更正',
    zeroReport: '零报告', submitted: '日报已报送', zeroDone: '零报告已报送', print: '打印',
    statusTitle: '下级报送情况（截止{{deadline}}）', villageCompleteness: '村级报送率', villageTimeliness: '村级及时率',
    townshipCompleteness: '乡镇报送率', region: '区划', status: '状态', onTime: '按时报送', late: '迟报', missing: '未报',
    zero: '零报告', time: '报送时间', view: '查看', documentTitle: '{{region}}疫情防控日报（{{day}}）',
    signed: '报送人：{{name}}　报送时间：{{time}}　第{{version}}版',
  },
  regionSelect: { placeholder: '请选择区划' },
  audit: {
    title: '审计日志', event: '事件', keyword: '关键词', keywordPlaceholder: '事件、操作人或对象', actor: '操作人',
    actorPlaceholder: '搜索操作人', dateRange: '时间范围', time: '时间', target: '对象',
    region: '区划', ip: 'IP 地址', userAgent: '客户端', detail: '详情', noDetail: '无详情',
  },
} as const;

type Widen<T> = { -readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
/** The shape every locale's messages must have. */
export type Messages = Widen<typeof zhCN>;
