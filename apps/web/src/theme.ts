import type { ThemeConfig } from 'antd';

// Colours that read in sunlight on a cheap phone screen: every text at least 4.5:1 against its
// background (WCAG AA, checked by axe-core in the e2e tier). antd's defaults (#1677ff buttons,
// rgba(0,0,0,.45) secondary text, #ff4d4f danger links, pale tag texts) fall at 3.3–4.1:1.
export const THEME: ThemeConfig = {
  token: {
    colorPrimary: '#0958d9',
    colorInfo: '#0958d9',
    colorLink: '#0958d9',
    colorError: '#cf1322',
    colorSuccess: '#237804',
    // antd derives a success Alert's background from colorSuccess: from this dark green a grey
    // (#adb8a5) on which links fall to 3:1. The pale green of antd's own palette keeps them at 5.6:1.
    colorSuccessBg: '#f6ffed',
    colorSuccessBorder: '#b7eb8f',
    colorWarningText: '#874d00',
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    // A multiple Select's placeholder is text in a span, which axe measures like any text.
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    // Read-only forms (管控规则 for all but the county) show their values and units disabled: still legible.
    colorTextDisabled: 'rgba(0, 0, 0, 0.6)',
    // Tag texts take the palette's 7th step: the darker steps of the lighter hues.
    orange7: '#ad4e00',
    green7: '#237804',
    gold7: '#874d00',
    volcano7: '#ad2102',
    cyan7: '#006d75',
    lime7: '#3f6600',
    yellow7: '#876800',
  },
};
