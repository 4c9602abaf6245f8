// The parts of a key-person file beyond the measure: trajectory, close contacts, services, notices.

/** How a key person travelled to a place of their trajectory (活动轨迹). */
export const TRANSPORT_MODES = ['car', 'bus', 'train', 'plane', 'ship', 'walk', 'other'] as const;
export type TransportMode = (typeof TRANSPORT_MODES)[number];

/** How two persons were in contact (密切接触). */
export const CONTACT_RELATIONS = ['household', 'coTraveller', 'colleague', 'neighbour', 'classmate', 'other'] as const;
export type ContactRelation = (typeof CONTACT_RELATIONS)[number];

/** Services delivered to a person under a measure: 代购生活用品, 心理疏导, 医疗服务, 其他. */
export const SERVICE_KINDS = ['groceries', 'counselling', 'medical', 'other'] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

/** Notices handed over: 居家隔离医学观察告知书, 拒绝隔离处罚告知书. */
export const NOTICE_KINDS = ['homeIsolationNotice', 'refusalPenaltyNotice'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];
export const NOTICE_OUTCOMES = ['signed', 'refused'] as const;
export type NoticeOutcome = (typeof NOTICE_OUTCOMES)[number];

/** What a key person did against their measure (不配合/违反居家隔离). */
export const INCIDENT_KINDS = ['leftHome', 'refusedChecks', 'other'] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];
