import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ChangedField } from '../api/editVersion';

const shown = (v: unknown) =>
  v === null || v === undefined || v === '' ? '—' : Array.isArray(v) ? v.join('、') || '—' : String(v);

/**
 * What another user saved while this form was open, field by field (theirs before → now), so that
 * this user can check it and save theirs again; `format` shows a field's value in words (enums).
 */
export function EditConflictAlert({
  conflict,
  labels,
  format,
  mine,
}: {
  conflict: ChangedField[] | null;
  labels: Record<string, string>;
  format?: (field: string, value: unknown) => string | undefined;
  /** What this user entered for the fields (theirs vs yours), when the form does not show it itself. */
  mine?: Record<string, unknown>;
}) {
  const { t } = useTranslation();
  if (!conflict) return null;
  const visible = conflict.filter((c) => labels[c.field]);
  const text = (field: string, v: unknown) =>
    v === null || v === undefined || v === '' ? shown(v) : (format?.(field, v) ?? shown(v));
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      role="alert"
      message={t('editVersion.changedByOther')}
      description={
        <>
          {visible.length > 0 && (
            <ul style={{ margin: '4px 0', paddingInlineStart: 20 }}>
              {visible.map((c) => (
                <li key={c.field}>
                  {labels[c.field]}：{text(c.field, c.before)} → {text(c.field, c.after)}
                  {mine && mine[c.field] !== undefined && (
                    <>（{t('editVersion.yours', { value: text(c.field, mine[c.field]) })}）</>
                  )}
                </li>
              ))}
            </ul>
          )}
          {t('editVersion.reapply')}
        </>
      }
    />
  );
}
