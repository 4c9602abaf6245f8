// API types, derived from the server's OpenAPI document (docs/openapi.json).
// Regenerate src/api/schema.gen.ts with `npm run gen:api -w @fangkong/web` when the server changes;
// only the problem+json error shape is written by hand (the document does not describe it yet).
import type { components, paths } from './schema.gen';

type Schemas = components['schemas'];
type JsonBody<Op> = Op extends { requestBody: { content: { 'application/json': infer B } } } ? B : never;

export type Me = Schemas['Me'];
export type Session = Schemas['Session'];
export type Role = Me['role'];
export type RegionLevel = Me['regionLevel'];
export type Region = Schemas['Region'];
export type RegionDetail = Schemas['RegionDetail'];
export type RegionImportResult = Schemas['RegionImportResult'];
export type Grid = Schemas['Grid'];
export type UserRef = Grid['workers'][number];
export type User = Schemas['User'];
export type AuditLog = Schemas['AuditLog'];
export type Dashboard = Schemas['Dashboard'];
export type DailyReport = Schemas['DailyReport'];
export type DailyReportPreview = Schemas['DailyReportPreview'];
export type DailyReportStatus = Schemas['DailyReportStatus'];
export type DailyReportRates = Schemas['DailyReportRates'];
export type SubmitDailyReportBody = JsonBody<paths['/api/v1/daily-reports']['post']>;
export type ReportReminders = Schemas['ReportReminders'];
export type ReportRemindResult = Schemas['ReportRemindResult'];
export type RemindBody = JsonBody<paths['/api/v1/daily-reports/reminders']['post']>;

export type CreateUserBody = JsonBody<paths['/api/v1/users']['post']>;
export type UpdateUserBody = JsonBody<paths['/api/v1/users/{id}']['patch']>;

export type ListRegionsQuery = NonNullable<paths['/api/v1/regions']['get']['parameters']['query']>;
export type ListUsersQuery = NonNullable<paths['/api/v1/users']['get']['parameters']['query']>;
export type ListAuditLogsQuery = NonNullable<paths['/api/v1/audit-logs']['get']['parameters']['query']>;

/** Every list endpoint answers one page of items and the total count. */
export interface Page<T> {
  items: T[];
  total: number;
}

export interface ProblemFieldError {
  /** Dotted path of the offending field, e.g. 'password' or 'regionId'. */
  field: string;
  /** Already in the user's language. */
  message: string;
  /** The row of an uploaded file it is about (imports). */
  row?: number;
}

/** An application/problem+json error reply. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: ProblemFieldError[];
}

export type Household = Schemas['Household'];
export type HouseholdDetail = Schemas['HouseholdDetail'];
export type Person = Schemas['Person'];
export type PersonDetail = Schemas['PersonDetail'];
export type PersonFull = Schemas['PersonFull'];
export type RiskArea = Schemas['RiskArea'];
export type ScreeningRound = Schemas['ScreeningRound'];
export type Coverage = Schemas['Coverage'];
export type CoverageFigures = Schemas['CoverageFigures'];
export type RoundHousehold = Schemas['RoundHousehold'];
export type Visit = Schemas['Visit'];
export type CreateVisitBody = JsonBody<paths['/api/v1/screening/rounds/{id}/visits']['post']>;
export type ListHouseholdsQuery = NonNullable<paths['/api/v1/households']['get']['parameters']['query']>;
export type ListPersonsQuery = NonNullable<paths['/api/v1/persons']['get']['parameters']['query']>;
export type RoundHouseholdsQuery = NonNullable<
  paths['/api/v1/screening/rounds/{id}/households']['get']['parameters']['query']
>;
export type KeyPerson = Schemas['KeyPerson'];
export type KeyPersonDetail = Schemas['KeyPersonDetail'];
export type LineListCounts = Schemas['LineListCounts'];
export type HealthCheck = Schemas['HealthCheck'];
export type HealthCheckPage = Schemas['HealthCheckPage'];
export type Lead = Schemas['Lead'];
export type LeadImportResult = Schemas['LeadImportResult'];
export type LeadImportMapping = Schemas['LeadImportMapping'];
export type LeadList = Schemas['LeadList'];
export type CheckInState = Schemas['CheckInState'];
export type CheckInLink = Schemas['CheckInLink'];
export type ListKeyPersonsQuery = NonNullable<paths['/api/v1/key-persons']['get']['parameters']['query']>;
export type ListLeadsQuery = NonNullable<paths['/api/v1/leads']['get']['parameters']['query']>;
export type RecordCheckBody = JsonBody<paths['/api/v1/health-checks']['post']>;
export type AddOfficerBody = JsonBody<paths['/api/v1/key-persons/{id}/officers']['post']>;
export type OfficerCandidates = Schemas['OfficerCandidates'];
export type VerifyLeadBody = JsonBody<paths['/api/v1/leads/{id}/verify']['post']>;
export type Checkpoint = Schemas['Checkpoint'];
export type CheckpointEntry = Schemas['CheckpointEntry'];
export type Resident = Schemas['Resident'];
export type LastOccupants = Schemas['LastOccupants'];
export type DutyShift = Schemas['DutyShift'];
export type DutyRoster = Schemas['DutyRoster'];
export type DutyVolunteerList = Schemas['DutyVolunteerList'];
export type CheckpointStats = Schemas['CheckpointStats'];
export type CreateCheckpointBody = JsonBody<paths['/api/v1/checkpoints']['post']>;
export type UpdateCheckpointBody = JsonBody<paths['/api/v1/checkpoints/{id}']['patch']>;
export type CreateEntryBody = JsonBody<paths['/api/v1/checkpoints/{id}/entries']['post']>;
export type ListEntriesQuery = NonNullable<paths['/api/v1/checkpoint-entries']['get']['parameters']['query']>;
export type StatsQuery = NonNullable<paths['/api/v1/checkpoint-stats']['get']['parameters']['query']>;
export type ObservationSitePage = Schemas['ObservationSitePage'];
export type CheckpointHold = Schemas['CheckpointHold'];
export type CheckpointHoldPage = Schemas['CheckpointHoldPage'];

export type TrajectoryStop = Schemas['TrajectoryStop'];
export type ContactGraph = Schemas['ContactGraph'];
export type ContactNode = Schemas['ContactNode'];
export type KeyPersonService = Schemas['KeyPersonService'];
export type KeyPersonNotice = Schemas['KeyPersonNotice'];
export type AddTrajectoryStopBody = JsonBody<paths['/api/v1/key-persons/{id}/trajectory']['post']>;
export type AddContactBody = JsonBody<paths['/api/v1/key-persons/{id}/contacts']['post']>;
export type AddServiceBody = JsonBody<paths['/api/v1/key-persons/{id}/services']['post']>;
export type AddNoticeBody = JsonBody<paths['/api/v1/key-persons/{id}/notices']['post']>;
export type KeyPersonIncident = Schemas['KeyPersonIncident'];
export type KeyPersonHouseholdMember = Schemas['KeyPersonHouseholdMember'];
export type AddIncidentBody = JsonBody<paths['/api/v1/key-persons/{id}/incidents']['post']>;
export type UpdateIncidentBody = JsonBody<paths['/api/v1/key-persons/{id}/incidents/{incidentId}']['patch']>;
export type ListIncidentsQuery = NonNullable<paths['/api/v1/key-person-incidents']['get']['parameters']['query']>;
export type ObservationSiteDetail = Schemas['ObservationSiteDetail'];
export type TriageTask = Schemas['TriageTask'];
export type TriageTaskPage = Schemas['TriageTaskPage'];
export type CountySettings = Schemas['CountySettings'];
export type PolicySettings = Schemas['PolicySettings'];
export type ReportSettings = Schemas['ReportSettings'];
export type CheckpointSettings = Schemas['CheckpointSettings'];
export type CountySettingChangePage = Schemas['CountySettingChangePage'];
export type UpdatePolicySettingsBody = JsonBody<paths['/api/v1/county-settings/policy']['put']>;
export type UpdateReportSettingsBody = JsonBody<paths['/api/v1/county-settings/report']['put']>;
export type UpdateCheckpointSettingsBody = JsonBody<paths['/api/v1/county-settings/checkpoint']['put']>;
export type GridRoster = Schemas['GridRoster'];
export type GridAssignResult = Schemas['GridAssignResult'];
export type UnassignedHouseholdPage = Schemas['UnassignedHouseholdPage'];
export type SetupChecklist = Schemas['SetupChecklist'];
export type UserImportResult = Schemas['UserImportResult'];
export type PublicReportOptions = Schemas['PublicReportOptions'];
export type PublicReceipt = Schemas['PublicReceipt'];
export type PublicChallenge = Schemas['PublicChallenge'];
