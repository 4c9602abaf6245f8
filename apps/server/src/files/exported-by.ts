import { shanghaiDateTimeOf } from '@fangkong/domain';
import type { Actor } from '../auth/actor.js';

/** The line a workbook opens with: who exported it and when (Asia/Shanghai), in their language. */
export function exportedByLine(actor: Actor, at: Date): string {
  const when = shanghaiDateTimeOf(at);
  return `${actor.locale === 'en-US' ? 'Exported by' : '导出人'}: ${actor.displayName}  ${when}`;
}
