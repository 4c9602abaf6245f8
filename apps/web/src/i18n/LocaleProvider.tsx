import { App as AntApp, ConfigProvider } from 'antd';
// The ES builds: 'antd/locale/*' are CommonJS re-exports whose default import arrives as
// `{ default: locale }`, which ConfigProvider does not read, so every antd text fell back to English.
import enUSAntd from 'antd/es/locale/en_US';
import zhCNAntd from 'antd/es/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { THEME } from '../theme';
import { currentLocale, type AppLocale } from './index';

const antdLocales = { 'zh-CN': zhCNAntd, 'en-US': enUSAntd } as const;
const dayjsLocales: Record<AppLocale, string> = { 'zh-CN': 'zh-cn', 'en-US': 'en' };

/** Keeps antd, dayjs and the <html lang> in step with the i18next language. */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const locale = currentLocale();
  dayjs.locale(dayjsLocales[locale]);

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = i18n.t('app.fullName');
  }, [locale, i18n]);

  return (
    <ConfigProvider locale={antdLocales[locale]} theme={THEME}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}
