import { GlobalOutlined } from '@ant-design/icons';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { changeLocale, currentLocale, LOCALES, type AppLocale } from '../i18n';

const LABELS: Record<AppLocale, string> = { 'zh-CN': '中文', 'en-US': 'English' };

/** 中文 / English switch; the choice is remembered in this browser. */
export function LanguageSwitch({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation();
  return (
    <Select<AppLocale>
      aria-label={t('header.language')}
      value={currentLocale()}
      onChange={(locale) => void changeLocale(locale)}
      options={LOCALES.map((value) => ({ value, label: LABELS[value] }))}
      suffixIcon={<GlobalOutlined />}
      variant="borderless"
      popupMatchSelectWidth={false}
      style={{ width: compact ? 84 : 110 }}
    />
  );
}
