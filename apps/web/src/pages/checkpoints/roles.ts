import type { Role } from '../../api/types';

// Mirrors apps/server/src/auth/permissions.ts; the server decides, these only shape the menu.
export const CHECKPOINT_READERS: readonly Role[] = ['admin', 'commander', 'townshipOfficer', 'villageCadre', 'checkpointStaff', 'inspector'];
export const CHECKPOINT_MANAGERS: readonly Role[] = ['admin', 'commander', 'townshipOfficer'];
export const CHECKPOINT_REGISTRARS: readonly Role[] = ['townshipOfficer', 'villageCadre', 'checkpointStaff'];
export const ENTRY_READERS: readonly Role[] = ['commander', 'townshipOfficer', 'villageCadre', 'checkpointStaff', 'inspector'];
export const ENTRY_EXPORTERS: readonly Role[] = ['commander', 'townshipOfficer'];
