import type { ThemeConfig } from 'antd';

/**
 * Colours that every page reads at WCAG 2 AA (4.5:1 for body text). Ant Design's defaults
 * fall short on white: secondary text rgba(0,0,0,.45) is 3.4:1 and white on the primary blue
 * #1677ff is 4.1:1. The darker shades keep the look and pass.
 */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#0958d9',
    colorLink: '#0958d9',
    colorSuccess: '#237804',
    colorWarning: '#ad6800',
    colorError: '#cf1322',
    colorInfo: '#0958d9',
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
  },
};
