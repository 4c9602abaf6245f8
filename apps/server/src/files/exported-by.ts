import type { Actor } from '../auth/actor.js';

/** The line a workbook opens with: who exported it and when (Asia/Shanghai), in their language. */
export function exportedByLine(actor: Actor, at = new Date()): string {
  const when = at.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
  return `${actor.locale === 'en-US' ? 'Exported by' : '导出人'}: ${actor.displayName}  ${when}`;
}
