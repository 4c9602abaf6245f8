import { notFound, type RouteCase } from './shared.js';

const selfReport = {
  name: '张返乡',
  idNumber: '510121199003071233',
  phone: '13912345678',
  fromPlace: '某省某市',
  arrivalDate: '2999-01-01',
  travelMode: 'train',
  regionId: '00000000-0000-7000-8000-000000000000',
  address: '五凤村3组',
};
const tip = {
  what: '有人未报备',
  regionId: '00000000-0000-7000-8000-000000000000',
  address: '五凤村',
  photo: 'R0lGODlh',
};

/**
 * Route cases of the public pages (主动报备, 举报) and what the township does with their leads.
 * Every walker sends from one address, past the limit within the walk: the public sends are walked
 * with input refused before anything is counted (public-reports.test.ts sends them through).
 */
export const publicReportCases: Record<string, RouteCase> = {
  'GET /api/public/report-options': {
    noScope: "public: the county's place names and risk areas, nothing personal",
    inScope: () => ({ url: '/api/public/report-options' }),
    expectOutOfScope: () => {},
  },
  'GET /api/public/challenge': {
    noScope: 'public: a signed arithmetic question, nothing stored',
    inScope: () => ({ url: '/api/public/challenge' }),
    expectOutOfScope: () => {},
  },
  'POST /api/public/self-reports': {
    noScope: 'public: the sender names the place; nothing is shown back but the receipt',
    inScope: () => ({ url: '/api/public/self-reports', payload: selfReport }),
    status: 422,
    expectOutOfScope: () => {},
  },
  'POST /api/public/tips': {
    noScope: 'public: the sender names the place; nothing is shown back but the receipt',
    inScope: () => ({ url: '/api/public/tips', payload: tip }),
    status: 422,
    expectOutOfScope: () => {},
  },
  // The lead is no longer open: every allowed role gets the same conflict (success in public-reports.test.ts).
  'POST /api/v1/leads/:id/malicious': {
    inScope: (fx) => ({ url: `/api/v1/leads/${fx.kp.a.dismissedLeadId}/malicious` }),
    status: 409,
    outOfScope: (fx) => ({ url: `/api/v1/leads/${fx.kp.b.dismissedLeadId}/malicious` }),
    expectOutOfScope: notFound,
  },
  // The fixture's tips name no reporter: not found for every allowed role (the full view in public-reports.test.ts).
  'GET /api/v1/leads/:id/reporter': {
    inScope: (fx) => ({ url: `/api/v1/leads/${fx.kp.a.leadId}/reporter` }),
    status: 404,
    outOfScope: (fx) => ({ url: `/api/v1/leads/${fx.kp.b.leadId}/reporter` }),
    expectOutOfScope: notFound,
  },
  'GET /api/v1/attachments/:id': {
    inScope: (fx) => ({ url: `/api/v1/attachments/${fx.photoInA}` }),
    outOfScope: (fx) => ({ url: `/api/v1/attachments/${fx.photoInB}` }),
    expectOutOfScope: notFound,
  },
};
