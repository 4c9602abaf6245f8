/** 指挥部 (headquarters), 办公室 (office), 专责组 (working group), 战区分指挥部 (sub-headquarters). */
export const COMMAND_UNIT_KINDS = ['headquarters', 'office', 'workingGroup', 'subHeadquarters'] as const;
export type CommandUnitKind = (typeof COMMAND_UNIT_KINDS)[number];

/** 调度: open until the receiver replies; the sender closes it once the reply satisfies them (or sends it back). */
export const DISPATCH_STATUSES = ['open', 'replied', 'closed'] as const;
export type DispatchStatus = (typeof DISPATCH_STATUSES)[number];

/** 志愿服务队: a volunteer team, or a party-member team (党员志愿服务队). */
export const VOLUNTEER_TEAM_KINDS = ['volunteer', 'partyMember'] as const;
export type VolunteerTeamKind = (typeof VOLUNTEER_TEAM_KINDS)[number];
/** What a volunteer can be put on. */
export const VOLUNTEER_SKILLS = [
  'checkpoint',
  'delivery',
  'screening',
  'publicity',
  'disinfection',
  'medical',
  'driving',
] as const;
export type VolunteerSkill = (typeof VOLUNTEER_SKILLS)[number];
