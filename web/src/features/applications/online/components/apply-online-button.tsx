import { Button } from 'antd';
import { useNavigate } from 'react-router';
import { tol } from '../../../../locales/online-applying.zh-CN.ts';

/** 在线申办 on the portal's guide of an item offered online (or of a bundle all of whose items are): the online application with the answers chosen so far (the login comes first when needed). */
export function ApplyOnlineButton({ kind = 'item', code, isOffered, answers }: { kind?: 'item' | 'bundle'; code: string; isOffered: boolean; answers: string }) {
  const navigate = useNavigate();
  if (!isOffered) return null;
  const query = answers ? `?answers=${encodeURIComponent(answers)}` : '';
  return (
    <Button type="primary" onClick={() => void navigate(`/portal/online/${kind}s/${encodeURIComponent(code)}${query}`)} data-testid={`${kind}-apply-online`}>
      {tol.applyOnline}
    </Button>
  );
}
