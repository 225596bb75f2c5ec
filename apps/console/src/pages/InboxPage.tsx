import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Radio, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { EmptyText } from '../components/EmptyText';
import { answer, api } from '../api/client';
import type { InboxTab, TabCounts, TaskSummary } from '../api/views';
import { BulkAcknowledge } from '../components/BulkAcknowledge';
import { TASK_COLUMNS } from '../components/TaskTable';

interface TabView {
  key: InboxTab;
  label: string;
  empty: string;
}

/** The engine's own tabs (GET /tasks?tab=): each is a query it answers with its paging and count. */
const TABS: TabView[] = [
  { key: 'to_acknowledge', label: '待签收', empty: '暂无待签收任务' },
  { key: 'to_split', label: '待分解', empty: '暂无待分解任务：牵头任务签收后可在任务页分解' },
  { key: 'to_report', label: '待报送', empty: '暂无待报送的季度进展' },
  { key: 'to_review', label: '待审核', empty: '暂无待审核事项' },
  { key: 'done', label: '已办', empty: '暂无已办结任务' },
  { key: 'all', label: '全部', empty: '暂无任务' },
];

const PAGE_SIZE = 20;

function mergeById(tasks: TaskSummary[], more: TaskSummary[]): TaskSummary[] {
  const ids = new Set(tasks.map((task) => task.id));
  return [...tasks, ...more.filter((task) => !ids.has(task.id))];
}

function tabLabel(tab: TabView, counts: TabCounts | undefined) {
  return counts ? `${tab.label}（${counts[tab.key]}）` : tab.label;
}

export function InboxPage() {
  const [search, setSearch] = useSearchParams();
  const tab = TABS.find((candidate) => candidate.key === search.get('tab')) ?? TABS[0];
  const page = Math.max(1, Number(search.get('page')) || 1);
  const [selected, setSelected] = useState<TaskSummary[]>([]);
  const [confirming, setConfirming] = useState(false);

  const { data: counts } = useQuery({
    queryKey: ['inbox', 'counts'],
    queryFn: () => answer(api.GET('/tasks/tab-counts')),
  });
  const { data, isFetching, error } = useQuery({
    queryKey: ['inbox', tab.key, page],
    queryFn: () =>
      answer(api.GET('/tasks', { params: { query: { tab: tab.key, sort: 'deadline', page, pageSize: PAGE_SIZE } } })),
    placeholderData: keepPreviousData,
  });
  const selecting = tab.key === 'to_acknowledge';

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 20 }}>
        我的待办
      </Typography.Title>
      {/* Buttons that wrap on a phone: antd's Tabs hide the overflow behind a menu inside the tablist. */}
      <Radio.Group
        aria-label="待办分类"
        optionType="button"
        buttonStyle="solid"
        value={tab.key}
        options={TABS.map((item) => ({ value: item.key, label: tabLabel(item, counts) }))}
        onChange={(event) => {
          setSelected([]);
          setSearch({ tab: event.target.value as string });
        }}
        style={{ display: 'flex', flexWrap: 'wrap', rowGap: 8, marginBottom: 16 }}
      />
      {error && <Typography.Text type="danger">{error.message}</Typography.Text>}
      {selecting && (data?.total ?? 0) > 0 && (
        <Space style={{ marginBottom: 12 }} wrap>
          <Button onClick={() => setSelected(mergeById(selected, data?.items ?? []))}>选择本页全部</Button>
          <Button type="primary" disabled={selected.length === 0} onClick={() => setConfirming(true)}>
            批量签收（{selected.length}）
          </Button>
          <Typography.Text type="secondary">勾选任务后可一次签收，逐项显示结果</Typography.Text>
        </Space>
      )}
      <Table<TaskSummary>
        rowKey="id"
        columns={TASK_COLUMNS}
        dataSource={data?.items}
        loading={isFetching}
        scroll={{ x: 900 }}
        locale={{ emptyText: <EmptyText>{tab.empty}</EmptyText> }}
        rowSelection={
          selecting
            ? {
                selectedRowKeys: selected.map((task) => task.id),
                preserveSelectedRowKeys: true,
                // A select-all checkbox in the header is copied into antd's aria-hidden measuring row (scroll.x),
                // a focusable control screen readers cannot reach: the button above selects the page instead.
                columnTitle: <span style={{ fontSize: 12 }}>选择</span>,
                onChange: (_, rows) => setSelected(rows.filter(Boolean)),
                getCheckboxProps: (task) => ({ 'aria-label': `选择 ${task.measure.path} ${task.measureTitle}` }),
              }
            : undefined
        }
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => `共 ${total} 项`,
          onChange: (next) => setSearch({ tab: tab.key, page: String(next) }),
        }}
      />
      {confirming && (
        <BulkAcknowledge
          tasks={selected}
          onClose={(done) => {
            setConfirming(false);
            if (done) setSelected([]);
          }}
        />
      )}
    </>
  );
}
