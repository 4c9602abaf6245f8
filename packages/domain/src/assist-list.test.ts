import { describe, expect, it } from 'vitest';
import { matchAssistListColumns } from './assist-list.js';

const columnOf = (m: ReturnType<typeof matchAssistListColumns>) =>
  Object.fromEntries(m.fields.filter((f) => f.column).map((f) => [f.field, f.column]));

describe('matchAssistListColumns', () => {
  it('reads each field from its synonym and ignores the columns it does not know', () => {
    const m = matchAssistListColumns(['序号', '名字', '性别', '公民身份号码', '联系电话', '途经地', '到达日期 *']);
    expect(columnOf(m)).toEqual({
      rowNumber: '序号',
      name: '名字',
      idNumber: '公民身份号码',
      phone: '联系电话',
      origin: '途经地',
      arrivedAt: '到达日期 *',
    });
    expect(m.ignored).toEqual(['性别']);
    expect(m.unsure).toBe(false);
  });

  it('is unsure when the name column is missing or a field has two candidates, until the user chooses', () => {
    expect(matchAssistListColumns(['人名', '身份证号']).unsure).toBe(true);
    const two = matchAssistListColumns(['姓名', '手机号', '联系电话']);
    expect(two.unsure).toBe(true);
    expect(two.fields.find((f) => f.field === 'phone')).toEqual({
      field: 'phone',
      required: false,
      column: null,
      candidates: ['手机号', '联系电话'],
    });
    const chosen = matchAssistListColumns(['姓名', '手机号', '联系电话'], { phone: '联系电话' });
    expect(chosen.unsure).toBe(false);
    expect(columnOf(chosen)).toEqual({ name: '姓名', phone: '联系电话' });
    expect(chosen.ignored).toEqual(['手机号']);
    const renamed = matchAssistListColumns(['人名', '证号'], { name: '人名', idNumber: '证号' });
    expect([renamed.unsure, columnOf(renamed)]).toEqual([false, { name: '人名', idNumber: '证号' }]);
  });
});
