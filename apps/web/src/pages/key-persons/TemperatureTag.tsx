import { FEVER_THRESHOLD_C } from '@fangkong/domain';
import { Tag } from 'antd';

/** A temperature, red from the fever threshold (37.3 ℃) up. */
export function TemperatureTag({ value }: { value: number | null | undefined }) {
  if (value == null) return <>—</>;
  return <Tag color={value >= FEVER_THRESHOLD_C ? 'red' : 'default'}>{value.toFixed(1)}℃</Tag>;
}
