import { useEffect } from 'react';
import { matchPath, useLocation } from 'react-router';
import { t } from '../locales/zh-CN.ts';
import { pageTitles } from '../locales/page-titles.zh-CN.ts';

/**
 * Gives every page its own `<title>` (tabs, history, bookmarks and screen readers tell pages
 * apart by it): the first pattern of the locale's list that matches the address.
 */
export function usePageTitle(): void {
  const { pathname } = useLocation();
  useEffect(() => {
    const found = pageTitles.find(([pattern]) => matchPath({ path: pattern, end: true }, pathname));
    document.title = found ? `${found[1]} · ${t.app.name}` : `${t.app.name} · ${t.app.title}`;
  }, [pathname]);
}
