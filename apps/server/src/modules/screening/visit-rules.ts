import { isFever } from '@fangkong/domain';
import type { LeadReason } from '../leads/leads.service.js';

export interface RiskWindow {
  id: string;
  startsOn: string;
  endsOn: string | null;
}
export interface TripAnswer {
  from: string;
  to?: string | null;
  riskAreaId?: string | null;
}

/** A stay in a risk area counts when it overlaps the days the area applied, since the round's travel date. */
export function tripHitsRiskArea(trip: TripAnswer, area: RiskWindow, travelSince: string): boolean {
  const until = trip.to ?? trip.from;
  if (until < travelSince) return false;
  return trip.from <= (area.endsOn ?? '9999-12-31') && until >= area.startsOn;
}

/** Why a member's answers make them a lead (empty: nothing to follow up). */
export function leadReasons(
  member: { travel: TripAnswer[]; symptoms: string[]; temperature?: number | null },
  areas: ReadonlyMap<string, RiskWindow>,
  travelSince: string,
): LeadReason[] {
  const reasons: LeadReason[] = [];
  if (
    member.travel.some(
      (t) => t.riskAreaId && areas.has(t.riskAreaId) && tripHitsRiskArea(t, areas.get(t.riskAreaId)!, travelSince),
    )
  )
    reasons.push('riskArea');
  if (member.temperature != null && isFever(member.temperature)) reasons.push('fever');
  if (member.symptoms.length) reasons.push('symptoms');
  return reasons;
}
