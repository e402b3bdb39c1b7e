import { useEffect, useState, type CSSProperties } from 'react';
import { nowInShanghai } from '../../../lib/time.ts';

/** Beijing time, to the second, for the hall's screens. */
export function Clock({ style, withDate = false }: { style?: CSSProperties; withDate?: boolean }) {
  const [now, setNow] = useState(() => nowInShanghai());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(nowInShanghai()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return <span style={{ fontVariantNumeric: 'tabular-nums', ...style }}>{now.format(withDate ? 'YYYY年M月D日 dddd HH:mm:ss' : 'HH:mm:ss')}</span>;
}
