import { ROLES } from '@fangkong/domain';
import { describe, expect, it } from 'vitest';
import { NAV_ITEMS } from '../../nav';
import { MY_WORK, myWork } from './my-work';

describe("the home page's work of each role", () => {
  it.each(ROLES)('%s: every listed page exists and the role may open it', (role) => {
    expect(myWork(role, NAV_ITEMS).map((i) => i.path)).toEqual(MY_WORK[role]);
  });

  it('puts registration first for checkpoint staff and the visit list first for grid workers', () => {
    expect(myWork('checkpointStaff', NAV_ITEMS)[0]?.path).toBe('/checkpoint-entry');
    expect(myWork('gridWorker', NAV_ITEMS)[0]?.path).toBe('/my-households');
  });

  it('leaves out a page the role may not open', () => {
    const items = NAV_ITEMS.map((i) => (i.path === '/checkpoint-entry' ? { ...i, roles: [] } : i));
    expect(myWork('checkpointStaff', items).map((i) => i.path)).toEqual(['/checkpoint-log', '/checkpoints']);
  });
});
