import { Input } from 'antd';
import { useState } from 'react';
import { tc } from '../../../locales/catalog.zh-CN.ts';

/** The guidance search box: colloquial Chinese in, a search on submit. */
export function GuidanceSearchBox({ initial = '', onSearch, size = 'middle', placeholder, autoFocus }: {
  initial?: string;
  onSearch: (q: string) => void;
  size?: 'middle' | 'large';
  placeholder?: string;
  autoFocus?: boolean;
}) {
  const [value, setValue] = useState(initial);
  // a new search from elsewhere (the address, another box) replaces what is typed here
  const [shown, setShown] = useState(initial);
  if (shown !== initial) {
    setShown(initial);
    setValue(initial);
  }
  return (
    <Input.Search
      value={value}
      onChange={(e) => setValue(e.target.value)}
      onSearch={(q) => q.trim() && onSearch(q.trim())}
      maxLength={100}
      enterButton={tc.portal.search}
      size={size}
      allowClear
      autoFocus={autoFocus}
      placeholder={placeholder ?? tc.portal.searchPlaceholder}
      style={{ maxWidth: 560 }}
      data-testid="guidance-search"
    />
  );
}
