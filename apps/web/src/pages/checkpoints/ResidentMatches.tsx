import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Resident } from '../../api/types';

interface Props {
  id: string;
  matches: Resident[];
  active: number;
  onPick: (r: Resident) => void;
  /** Key hints only where there is a keyboard. */
  keyHint: boolean;
}

/** The residents found for what is typed in an ID field, the active one marked; a tap or Enter picks it. */
export function ResidentMatches({ id, matches, active, onPick, keyHint }: Props) {
  const { t } = useTranslation();
  if (!matches.length) return null;
  return (
    <div
      style={{
        border: '1px solid var(--ant-color-border, #d9d9d9)',
        borderRadius: 6,
        marginTop: 4,
        background: 'var(--ant-color-bg-container, #fff)',
      }}
    >
      <ul
        id={id}
        role="listbox"
        aria-label={t('checkpointLookup.matches')}
        style={{ listStyle: 'none', margin: 0, padding: 0 }}
      >
        {matches.map((r, i) => (
          <li
            key={r.personId}
            id={`${id}-${i}`}
            role="option"
            aria-selected={i === active}
            // Keeps the focus in the ID field, so the keyboard stays where it was.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => onPick(r)}
            style={{
              padding: '8px 10px',
              cursor: 'pointer',
              background: i === active ? 'var(--ant-color-primary-bg, #e6f4ff)' : undefined,
            }}
          >
            <b>{r.name}</b>{' '}
            <span translate="no" style={{ letterSpacing: 1 }}>
              {r.idNumber}
            </span>{' '}
            <Typography.Text type="secondary">{r.regionName}</Typography.Text>
          </li>
        ))}
      </ul>
      {keyHint ? (
        <Typography.Text type="secondary" style={{ display: 'block', padding: '0 10px 4px', fontSize: 12 }}>
          {t('checkpointLookup.pickHint')}
        </Typography.Text>
      ) : null}
    </div>
  );
}
