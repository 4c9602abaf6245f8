import { templateXlsx } from '../../files/workbook.js';
import { ASSIST_LIST_TEMPLATE } from '@fangkong/domain';

/** The empty 协查名单 with the columns the import reads (a title row or other columns in a real list are fine too). */
export async function assistListTemplate(): Promise<Buffer> {
  return templateXlsx('协查名单', ASSIST_LIST_TEMPLATE, [], (i) => (i === 2 ? 22 : 14));
}
