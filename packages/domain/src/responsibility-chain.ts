/**
 * 包保责任链: per region, the named people who answer for it — 领导包片 (leader), 驻村干部包村
 * (cadre), 派出所包段 (police), 医护人员包户 (medical) (seed 003).
 */
export const CHAIN_DUTIES = ['leader', 'cadre', 'police', 'medical'] as const;
export type ChainDuty = (typeof CHAIN_DUTIES)[number];

export const ESCALATION_KINDS = ['overdueCheck', 'overdueLead', 'fever'] as const;
export type EscalationKind = (typeof ESCALATION_KINDS)[number];

/**
 * Whose duty an escalation is: a missed check first goes to the medical staff of the region, and
 * once it reached the township to the leader in charge; an overdue lead to the cadre of the
 * village; an unanswered fever to the medical staff.
 */
export function escalationDuty(kind: EscalationKind, level?: 'gridWorker' | 'doctor' | 'township'): ChainDuty {
  if (kind === 'overdueLead') return 'cadre';
  if (kind === 'overdueCheck' && level === 'township') return 'leader';
  return 'medical';
}
