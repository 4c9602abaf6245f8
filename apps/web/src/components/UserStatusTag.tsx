import { Tag } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { User } from '../api/types';

/** True while a login lock (after too many failed attempts) is in force. */
export function isLocked(user: Pick<User, 'lockedUntil'>): boolean {
  return !!user.lockedUntil && dayjs(user.lockedUntil).isAfter(dayjs());
}

/** 正常 / 停用 / 锁定 (locked until a time in the future). */
export function UserStatusTag({ user }: { user: Pick<User, 'disabled' | 'lockedUntil'> }) {
  const { t } = useTranslation();
  if (user.disabled) return <Tag>{t('users.statusDisabled')}</Tag>;
  if (isLocked(user) && user.lockedUntil) {
    return (
      <Tag color="red" title={dayjs(user.lockedUntil).format('YYYY-MM-DD HH:mm')}>
        {t('users.statusLocked')}
      </Tag>
    );
  }
  return <Tag color="green">{t('users.statusActive')}</Tag>;
}
