import { Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useState, type CSSProperties } from 'react';
import { listUsers } from '../api/users';

interface Props {
  value?: string;
  onChange?: (value: string | undefined) => void;
  placeholder?: string;
  'aria-label'?: string;
  style?: CSSProperties;
}

/** Searchable user select (by username or name), for filters. */
export function UserPicker({ value, onChange, placeholder, style, ...rest }: Props) {
  const [q, setQ] = useState('');
  const users = useQuery({
    queryKey: ['users', 'picker', q],
    queryFn: ({ signal }) => listUsers({ q: q || undefined, page: 1, pageSize: 20 }, signal),
    staleTime: 60_000,
  });
  return (
    <Select
      aria-label={rest['aria-label']}
      showSearch
      allowClear
      filterOption={false}
      onSearch={setQ}
      value={value}
      onChange={(v: string | undefined) => onChange?.(v)}
      loading={users.isFetching}
      placeholder={placeholder}
      style={style}
      options={(users.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.displayName}（${u.username}）` }))}
    />
  );
}
