import { App as AntApp, ConfigProvider } from 'antd';
import enUSAntd from 'antd/locale/en_US';
import zhCNAntd from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
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
    <ConfigProvider locale={antdLocales[locale]} theme={{ token: { colorPrimary: '#1677ff' } }}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}
