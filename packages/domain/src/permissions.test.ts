import { describe, expect, it } from 'vitest';
import { ADMINISTRATOR_ROLES, ROLES } from './roles.js';
import { can, PERMISSIONS, rolePermissions, rolesWith, type Permission } from './permissions.js';

/** Permissions that open people's personal data (names with ID numbers, phones, addresses, health). */
const PERSONAL: Permission[] = [
  'persons.read',
  'persons.readFull',
  'persons.manage',
  'keyPersons.read',
  'keyPersons.manage',
  'healthChecks.record',
  'triage.manage',
  'leads.read',
  'leads.manage',
  'leads.markMalicious',
  'checkpointEntries.read',
  'checkpointEntries.create',
  'checkpointEntries.export',
  'screening.read',
  'screening.visit',
  'dashboard.read',
];
const SECURITY: Permission[] = ['roles.assign', 'sessions.manage', 'securityPolicy.manage'];

describe('permissions and separation of duties (三员分立)', () => {
  it('gives every role a set drawn from the one list', () => {
    expect(Object.keys(rolePermissions).sort()).toEqual([...ROLES].sort());
    for (const role of ROLES) for (const p of rolePermissions[role]) expect(PERMISSIONS).toContain(p);
  });

  it('lets only the audit administrator read and export the audit log', () => {
    expect(rolesWith('auditLogs.read')).toEqual(['auditAdmin']);
    expect(rolesWith('auditLogs.export')).toEqual(['auditAdmin']);
    expect([...rolePermissions.auditAdmin].sort()).toEqual(['auditLogs.export', 'auditLogs.read', 'regions.read']);
  });

  it('lets only the security administrator grant roles, end sessions and set the password policy', () => {
    for (const p of SECURITY) expect(rolesWith(p), p).toEqual(['securityAdmin']);
  });

  it('keeps the system administrator to accounts, regions and settings, without personal data', () => {
    expect(can('admin', 'users.manage')).toBe(true);
    expect(can('admin', 'regions.manage')).toBe(true);
    for (const role of ADMINISTRATOR_ROLES) for (const p of PERSONAL) expect(can(role, p), `${role} ${p}`).toBe(false);
    expect(rolesWith('users.manage')).toEqual(['admin']);
  });

  it('leaves each business role without any administrator duty', () => {
    for (const role of ROLES.filter((r) => !(ADMINISTRATOR_ROLES as readonly string[]).includes(r))) {
      for (const p of [
        ...SECURITY,
        'users.manage',
        'regions.manage',
        'auditLogs.read',
        'auditLogs.export',
      ] as Permission[])
        expect(can(role, p), `${role} ${p}`).toBe(false);
    }
  });

  it('answers false for no role', () => {
    expect(can(undefined, 'regions.read')).toBe(false);
  });
});
