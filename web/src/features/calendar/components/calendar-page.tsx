import { Card, Col, Row } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { CalendarOverrideDto } from '@server/platform/calendar/contract.ts';
import { useAuth } from '../../../app/auth-context.tsx';
import { todayInShanghai } from '../../../lib/time.ts';
import { t } from '../../../locales/zh-CN.ts';
import { useOverrides } from '../queries.ts';
import { DueDateCalculator } from './due-date-calculator.tsx';
import { MonthView } from './month-view.tsx';
import { OverrideFormModal } from './override-form-modal.tsx';
import { OverridesPanel } from './overrides-panel.tsx';
import { WorkingDayCounter } from './working-day-counter.tsx';

/** 工作日历: the month, due-date arithmetic, and (for administrators) adjustments. */
export function CalendarPage() {
  const { can } = useAuth();
  const canRead = can('org.read');
  const canManage = can('calendar.manage');
  const [shown, setShown] = useState(() => dayjs(todayInShanghai()));
  const [editing, setEditing] = useState<Partial<CalendarOverrideDto> | null>(null);
  const overrides = useOverrides(canManage);

  // clicking a date that already has an adjustment opens it as it stands
  const pickDate = (date: string) => setEditing(overrides.data?.find((o) => o.date === date) ?? { date });

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={16}>
        <Card title={t.calendar.title}>
          <MonthView value={shown} onChange={setShown} onPickDate={canManage ? pickDate : undefined} />
        </Card>
      </Col>
      <Col xs={24} xl={8}>
        <Row gutter={[16, 16]}>
          <Col span={24}>
            <Card title={t.calendar.dueDateTitle}>
              <DueDateCalculator />
            </Card>
          </Col>
          <Col span={24}>
            <Card title={t.calendar.countTitle}>
              <WorkingDayCounter />
            </Card>
          </Col>
        </Row>
      </Col>
      {canRead && (
        <Col span={24}>
          <OverridesPanel canManage={canManage} onEdit={setEditing} />
        </Col>
      )}
      {editing && <OverrideFormModal initial={editing} onClose={() => setEditing(null)} />}
    </Row>
  );
}
