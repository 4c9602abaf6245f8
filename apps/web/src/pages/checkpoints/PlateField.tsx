import { Input, Select, Space } from 'antd';
import { PLATE_PROVINCES } from '@fangkong/domain';
import { useTranslation } from 'react-i18next';

const PROVINCES = new Set(PLATE_PROVINCES.map((p) => p.abbreviation));
const options = PLATE_PROVINCES.map((p) => ({ value: p.abbreviation, label: p.abbreviation, title: p.name }));

interface Props {
  province: string;
  onProvince: (p: string) => void;
  value?: string;
  onChange?: (v: string) => void;
  onBlur?: () => void;
}

/**
 * The plate: a province prefix picker (remembered per post, usually the local one) and the rest
 * typed in capitals; typing or pasting a whole plate with its province moves the prefix over.
 */
export function PlateField({ province, onProvince, value, onChange, onBlur }: Props) {
  const { t } = useTranslation();
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Select
        aria-label={t('checkpoints.province')}
        size="large"
        value={province}
        onChange={onProvince}
        options={options}
        showSearch
        optionFilterProp="title"
        style={{ width: 76 }}
        popupMatchSelectWidth={false}
      />
      <Input
        size="large"
        data-nav="plate"
        aria-label={t('checkpoints.plate')}
        autoComplete="off"
        autoCapitalize="characters"
        value={value}
        onBlur={onBlur}
        onChange={(e) => {
          let v = e.target.value.toUpperCase().replace(/[·•\s.-]/g, '');
          const first = v.charAt(0);
          if (PROVINCES.has(first)) {
            onProvince(first);
            v = v.slice(1);
          }
          onChange?.(v);
        }}
        maxLength={8}
        style={{ fontSize: 20, letterSpacing: 2 }}
      />
    </Space.Compact>
  );
}
