import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Table, Tabs, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link, useSearchParams } from 'react-router';
import { answer, api } from '../api/client';
import type { paths } from '../api/schema';
import type { TaskSummary } from '../api/views';
import { Escalation, Light, ROLE_LABELS } from '../components/TaskSignals';
import { chineseDate } from '../format';
import { TASK_STATE_LABELS } from '../labels';

type InboxQuery = NonNullable<paths['/tasks']['get']['parameters']['query']>;

interface InboxTab {
  key: string;
  label: string;
  empty: string;
  query: InboxQuery;
}

/** Each tab is a query the engine answers with its own paging and count: nothing is filtered here. */
const TABS: InboxTab[] = [
  { key: 'to_acknowledge', label: '待签收', empty: '暂无待签收任务', query: { state: 'assigned' } },
  {
    key: 'in_progress',
    label: '办理中',
    empty: '暂无办理中的任务，签收后的任务会出现在这里',
    query: { state: 'acknowledged,in_progress,objected' },
  },
  {
    key: 'to_review',
    label: '待审核',
    empty: '暂无待审核任务',
    query: { scope: 'assigned', state: 'submitted' },
  },
  { key: 'done', label: '已办', empty: '暂无已办结任务', query: { state: 'approved,cancelled' } },
  { key: 'all', label: '全部', empty: '暂无任务', query: {} },
];

const PAGE_SIZE = 20;

const COLUMNS: ColumnsType<TaskSummary> = [
  {
    title: '措施',
    key: 'measure',
    render: (_, task) => (
      <Link to={`/tasks/${task.id}`}>
        {task.measure.path} {task.measure.title}
      </Link>
    ),
  },
  { title: '角色', key: 'kind', width: 72, render: (_, task) => ROLE_LABELS[task.kind] },
  { title: '期限', key: 'deadline', width: 140, render: (_, task) => chineseDate(task.deadline) },
  {
    title: '进度',
    key: 'overdue',
    width: 110,
    render: (_, task) => (task.overdue ? <Typography.Text type="danger">已逾期</Typography.Text> : '未逾期'),
  },
  { title: '状态灯', key: 'colour', width: 90, render: (_, task) => <Light colour={task.colour} /> },
  { title: '督办', key: 'escalation', width: 100, render: (_, task) => <Escalation level={task.escalationLevel} /> },
  { title: '状态', key: 'state', width: 90, render: (_, task) => TASK_STATE_LABELS[task.state] },
];

export function InboxPage() {
  const [search, setSearch] = useSearchParams();
  const tab = TABS.find((candidate) => candidate.key === search.get('tab')) ?? TABS[0];
  const page = Math.max(1, Number(search.get('page')) || 1);

  const { data, isFetching, error } = useQuery({
    queryKey: ['inbox', tab.key, page],
    queryFn: () =>
      answer(api.GET('/tasks', { params: { query: { ...tab.query, sort: 'deadline', page, pageSize: PAGE_SIZE } } })),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 20 }}>
        我的待办
      </Typography.Title>
      <Tabs
        activeKey={tab.key}
        items={TABS.map(({ key, label }) => ({ key, label }))}
        onChange={(key) => setSearch({ tab: key })}
      />
      {error && <Typography.Text type="danger">{error.message}</Typography.Text>}
      <Table<TaskSummary>
        rowKey="id"
        columns={COLUMNS}
        dataSource={data?.items}
        loading={isFetching}
        scroll={{ x: 760 }}
        locale={{ emptyText: tab.empty }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => `共 ${total} 项`,
          onChange: (next) => setSearch({ tab: tab.key, page: String(next) }),
        }}
      />
    </>
  );
}
