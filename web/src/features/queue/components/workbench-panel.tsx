import { App, Button, Card, Col, Descriptions, Empty, Flex, List, Popconfirm, Row, Space, Spin, Statistic, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useRef, useState, type RefObject } from 'react';
import { useShowError } from '../../../components/use-show-error.ts';
import { formatDateTime } from '../../../lib/time.ts';
import { tq } from '../../../locales/queue.zh-CN.ts';
import { callNext, changeSession, getWorkbench, ticketAction, type TicketDto, type WorkbenchDto, workbenchStreamUrl } from '../api.ts';
import { useEventStream } from '../use-event-stream.ts';
import { FinishModal, TransferModal, WalkInModal } from './workbench-modals.tsx';
import { SHORTCUTS, ShortcutHint, useWorkbenchShortcuts } from './workbench-shortcuts.tsx';

const PRIORITY_COLOURS = { appointment: 'purple', green_channel: 'green', ordinary: 'default' } as const;

/** One counter's workbench, kept live by the counter's event stream. */
export function WorkbenchPanel({ counterId }: { counterId: string }) {
  const [data, setData] = useState<WorkbenchDto | null>(null);
  const { isConnected } = useEventStream<WorkbenchDto>(workbenchStreamUrl(counterId), setData);
  const [busy, setBusy] = useState(false);
  const [modal, setModal] = useState<'transfer' | 'finish' | 'walk-in' | null>(null);
  const { message } = App.useApp();
  const showError = useShowError();
  const callRef = useRef<HTMLButtonElement>(null);
  const startRef = useRef<HTMLButtonElement>(null);
  const finishRef = useRef<HTMLButtonElement>(null);

  const session = data?.session ?? null;
  const isMine = session?.isMine ?? false;
  const isOpen = isMine && session?.state === 'open';
  const current = data?.current ?? null;
  const state = current?.state ?? null;

  // Focus follows the work: after a call the next key is 开始办理, after that 办结, then 叫号 again.
  useEffect(() => {
    if (modal || busy) return;
    const next = state === 'called' ? startRef : state === 'serving' ? finishRef : isOpen ? callRef : null;
    next?.current?.focus();
  }, [state, current?.id, isOpen, modal, busy]);

  // While a dialog is open its own fields take the keys.
  const isFree = !busy && !modal;
  useWorkbenchShortcuts({
    call: isOpen && !current && isFree ? () => void call() : null,
    recall: state === 'called' && isFree ? () => void act(current!, 'recall') : null,
    start: state === 'called' && isFree ? () => void act(current!, 'start') : null,
    finish: state === 'serving' && isFree ? () => setModal('finish') : null,
    transfer: current && isFree ? () => setModal('transfer') : null,
  });

  if (!data) return <Spin />;

  // The stream brings every change, but the clerk's own action shows at once without waiting for it.
  const refresh = () => void getWorkbench(counterId).then(setData, () => undefined);
  const closeModal = () => {
    setModal(null);
    refresh();
  };
  /** An action that answers with the workbench shows that answer; any other is followed by a fresh snapshot. */
  const run = async (work: () => Promise<WorkbenchDto | void>) => {
    setBusy(true);
    try {
      const next = await work();
      if (next) setData(next);
      else refresh();
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };
  const changeTo = (action: 'open' | 'pause' | 'resume' | 'close') => run(() => changeSession(counterId, action));
  const call = () =>
    run(async () => {
      const { ticket } = await callNext(counterId);
      if (!ticket) message.info(tq.workbench.nobody);
    });
  const act = (ticket: TicketDto, action: 'recall' | 'start' | 'no-show') =>
    run(async () => {
      await ticketAction(ticket.id, action);
    });

  return (
    <Row gutter={16}>
      <Col xs={24} lg={16}>
        <Card
          title={
            <Space>
              <span>
                {tq.common.counterLabel(data.counter.number)} {data.counter.name}
              </span>
              <Tag color={session?.state === 'open' ? 'green' : session?.state === 'paused' ? 'orange' : 'default'} data-testid="session-state">
                {tq.sessionStates[session?.state ?? 'closed']}
                {session && !isMine ? ` · ${session.staffName}` : ''}
              </Tag>
              {!isConnected && <Tag color="red">{tq.common.connectionLost}</Tag>}
            </Space>
          }
          extra={
            <Space>
              {!session && (
                <Button type="primary" data-testid="session-open" loading={busy} onClick={() => changeTo('open')}>
                  {tq.workbench.open}
                </Button>
              )}
              {isMine && session?.state === 'open' && (
                <Button disabled={!!current} onClick={() => changeTo('pause')}>
                  {tq.workbench.pause}
                </Button>
              )}
              {isMine && session?.state === 'paused' && (
                <Button type="primary" onClick={() => changeTo('resume')}>
                  {tq.workbench.resume}
                </Button>
              )}
              {isMine && (
                <Popconfirm title={tq.workbench.close} onConfirm={() => changeTo('close')} okText={tq.common.confirm} disabled={!!current}>
                  <Button danger disabled={!!current}>
                    {tq.workbench.close}
                  </Button>
                </Popconfirm>
              )}
            </Space>
          }
        >
          {current ? (
            <CurrentTicket ticket={current} startRef={startRef} finishRef={finishRef} recallsNeeded={data.recallsBeforeNoShow} busy={busy} onAct={act} onTransfer={() => setModal('transfer')} onFinish={() => setModal('finish')} />
          ) : (
            <Flex vertical align="center" gap={16} style={{ padding: 24 }}>
              <Typography.Text type="secondary">{isOpen ? tq.workbench.noCurrent : tq.workbench.notOpen}</Typography.Text>
              <Button
                ref={callRef}
                type="primary"
                size="large"
                data-testid="call-next"
                aria-keyshortcuts={SHORTCUTS.call}
                disabled={!isOpen}
                loading={busy}
                onClick={call}
                style={{ height: 64, minWidth: 220, fontSize: 24 }}
              >
                {tq.workbench.callNext}
                <ShortcutHint action="call" />
              </Button>
              <Button disabled={!isOpen} data-testid="walk-in" onClick={() => setModal('walk-in')}>
                {tq.workbench.walkIn}
              </Button>
            </Flex>
          )}
        </Card>
      </Col>
      <Col xs={24} lg={8}>
        <Flex vertical gap={16}>
          <Card size="small">
            <Row>
              <Col span={12}>
                <Statistic title={tq.workbench.waitingTotal} value={data.waitingTotal} />
              </Col>
              <Col span={12}>
                <Statistic title={tq.workbench.servedToday} value={data.servedToday} />
              </Col>
            </Row>
          </Card>
          <Card size="small" title={tq.workbench.queues}>
            <List
              size="small"
              dataSource={data.queues}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
              renderItem={(q) => (
                <List.Item>
                  <Flex justify="space-between" style={{ width: '100%' }}>
                    <span>{tq.common.queueLabel(q.prefix, q.name)}</span>
                    <span>{tq.common.people(q.waiting)}</span>
                  </Flex>
                </List.Item>
              )}
            />
          </Card>
          <Card size="small" title={tq.workbench.next}>
            <List
              size="small"
              data-testid="next-list"
              dataSource={data.next}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
              renderItem={(n) => (
                <List.Item>
                  <Flex justify="space-between" style={{ width: '100%' }}>
                    <Space>
                      <Typography.Text strong>{n.displayNumber}</Typography.Text>
                      {n.priorityClass !== 'ordinary' && <Tag color={PRIORITY_COLOURS[n.priorityClass]}>{tq.priorityClasses[n.priorityClass]}</Tag>}
                    </Space>
                    <span>{tq.workbench.waited(Math.max(0, dayjs().diff(dayjs(n.issuedAt), 'minute')))}</span>
                  </Flex>
                </List.Item>
              )}
            />
          </Card>
        </Flex>
      </Col>
      {modal === 'transfer' && current && <TransferModal ticket={current} workbench={data} onClose={closeModal} />}
      {modal === 'finish' && current && <FinishModal ticket={current} workbench={data} onClose={closeModal} />}
      {modal === 'walk-in' && <WalkInModal workbench={data} onClose={closeModal} />}
    </Row>
  );
}

function CurrentTicket({ startRef, finishRef, ...props }: {
  ticket: TicketDto;
  recallsNeeded: number;
  busy: boolean;
  onAct: (ticket: TicketDto, action: 'recall' | 'start' | 'no-show') => void;
  onTransfer: () => void;
  onFinish: () => void;
  startRef: RefObject<HTMLButtonElement | null>;
  finishRef: RefObject<HTMLButtonElement | null>;
}) {
  const { ticket, recallsNeeded, busy } = props;
  const canNoShow = ticket.recallCount >= recallsNeeded;
  return (
    <Flex vertical gap={16} data-testid="current-ticket">
      <Flex align="center" gap={16}>
        <span style={{ fontSize: 56, fontWeight: 800 }} data-testid="current-number">
          {ticket.displayNumber}
        </span>
        <Space orientation="vertical" size={4}>
          <Space>
            <Tag color="blue">{tq.ticketStates[ticket.state]}</Tag>
            {ticket.priorityClass !== 'ordinary' && (
              <Tag color={PRIORITY_COLOURS[ticket.priorityClass]}>
                {tq.priorityClasses[ticket.priorityClass]}
                {ticket.greenReason ? `（${tq.greenReasons[ticket.greenReason]}）` : ''}
              </Tag>
            )}
          </Space>
          <Typography.Text>{ticket.queueName}</Typography.Text>
        </Space>
      </Flex>
      <Descriptions size="small" column={2}>
        <Descriptions.Item label={tq.workbench.item}>{ticket.itemName ?? (ticket.theme ? tq.themes[ticket.theme] : '—')}</Descriptions.Item>
        <Descriptions.Item label={tq.workbench.channel}>{tq.channels[ticket.channel]}</Descriptions.Item>
        <Descriptions.Item label={tq.workbench.uscc}>{ticket.uscc ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={tq.workbench.phone}>{ticket.phone ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={tq.workbench.issuedAt}>{formatDateTime(ticket.issuedAt)}</Descriptions.Item>
      </Descriptions>
      <Space wrap>
        {ticket.state === 'called' && (
          <>
            <Button data-testid="recall" aria-keyshortcuts={SHORTCUTS.recall} disabled={busy} onClick={() => props.onAct(ticket, 'recall')}>
              {tq.workbench.recall(ticket.recallCount)}
              <ShortcutHint action="recall" />
            </Button>
            <Button ref={startRef} type="primary" data-testid="start" aria-keyshortcuts={SHORTCUTS.start} disabled={busy} onClick={() => props.onAct(ticket, 'start')}>
              {tq.workbench.start}
              <ShortcutHint action="start" />
            </Button>
            <Tooltip title={canNoShow ? '' : tq.workbench.noShowHint(recallsNeeded)}>
              <Button danger data-testid="no-show" disabled={busy || !canNoShow} onClick={() => props.onAct(ticket, 'no-show')}>
                {tq.workbench.noShow}
              </Button>
            </Tooltip>
          </>
        )}
        {ticket.state === 'serving' && (
          <Button ref={finishRef} type="primary" data-testid="finish" aria-keyshortcuts={SHORTCUTS.finish} disabled={busy} onClick={props.onFinish}>
            {tq.workbench.finish}
            <ShortcutHint action="finish" />
          </Button>
        )}
        <Button data-testid="transfer" aria-keyshortcuts={SHORTCUTS.transfer} disabled={busy} onClick={props.onTransfer}>
          {tq.workbench.transfer}
          <ShortcutHint action="transfer" />
        </Button>
      </Space>
    </Flex>
  );
}
