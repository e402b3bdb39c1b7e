import { Card, List, Typography } from 'antd';
import { Link } from 'react-router';
import { formatDateTime, todayInShanghai } from '../../../lib/time.ts';
import { tast } from '../../../locales/assistance.zh-CN.ts';
import { useCenterSessions, useRecords } from '../queries.ts';

/** 我的辅导 on the filing assistant's home page: today's video sessions and the follow-ups due, first. */
export function MyAssistanceCard() {
  const today = todayInShanghai();
  const sessions = useCenterSessions('upcoming');
  const due = useRecords({ followUp: 'due' });
  const todays = (sessions.data ?? []).filter((s) => formatDateTime(s.startsAt).slice(0, 10) === today && (s.state === 'booked' || s.state === 'live'));
  return (
    <Card title={tast.home.title} extra={<Link to="/assistance">{tast.home.open}</Link>} data-testid="my-assistance">
      <Typography.Title level={5}>{tast.home.todaySessions}</Typography.Title>
      <List
        size="small"
        loading={sessions.isPending}
        dataSource={todays}
        locale={{ emptyText: tast.home.none }}
        renderItem={(s) => (
          <List.Item>
            <Link to={s.state === 'live' ? `/assistance/video/${s.id}` : '/assistance?tab=sessions'}>{`${formatDateTime(s.startsAt).slice(11, 16)} ${s.enterpriseName} · ${s.topic}（${tast.states[s.state]}）`}</Link>
          </List.Item>
        )}
        data-testid="my-assistance-sessions"
      />
      <Typography.Title level={5}>{tast.home.followUps}</Typography.Title>
      <List
        size="small"
        loading={due.isPending}
        dataSource={due.data ?? []}
        locale={{ emptyText: tast.home.none }}
        renderItem={(r) => (
          <List.Item>
            <Link to="/assistance?tab=ledger">{`${tast.followUp.dueOn(r.followUpDueOn ?? '')} ${r.enterpriseName || r.personName} · ${tast.results[r.result]}`}</Link>
          </List.Item>
        )}
        data-testid="my-assistance-follow-ups"
      />
    </Card>
  );
}
