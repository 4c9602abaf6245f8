import { rolesWith } from '@fangkong/domain';

// From the domain's one list of permissions, which the server enforces; these only shape the menu.
export const CHECKPOINT_READERS = rolesWith('checkpoints.read');
export const CHECKPOINT_MANAGERS = rolesWith('checkpoints.manage');
export const CHECKPOINT_REGISTRARS = rolesWith('checkpointEntries.create');
export const ENTRY_READERS = rolesWith('checkpointEntries.read');
export const ENTRY_EXPORTERS = rolesWith('checkpointEntries.export');
/** Who keeps an office's 24-hour roster (领导带班) of their village, township or county (dutyShifts.manageOffice). */
export const OFFICE_DUTY_MANAGERS = rolesWith('dutyShifts.manageOffice');
