import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, List, Modal, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { EmptyText } from '../components/EmptyText';
import { answer, api, EngineRequestError } from '../api/client';
import type { BoardRow, TaskFilter, TaskSummary } from '../api/views';
import { TASK_COLUMNS } from '../components/TaskTable';

type Count = Exclude<keyof BoardRow, 'unitCode' | 'unitName'>;

/** Each count of the board and the list it counts: GET /tasks?scope=all&unitCode=…&filter=… (tasks: no filter). */
const COUNTS: { key: Count; title: string; filter?: TaskFilter }[] = [
  { key: 'tasks', title: '任务' },
  { key: 'overdue', title: '逾期', filter: 'overdue' },
  { key: 'dueSoon', title: '5个工作日内到期', filter: 'due_soon' },
  { key: 'notAcknowledged', title: '未签收', filter: 'not_acknowledged' },
  { key: 'missingReports', title: '未报进展', filter: 'missing_reports' },
  { key: 'level1', title: '督办', filter: 'level1' },
  { key: 'level2', title: '挂牌督办', filter: 'level2' },
];

function countPath(row: BoardRow, filter?: TaskFilter): string {
  const search = new URLSearchParams({ unitCode: row.unitCode, ...(filter ? { filter } : {}) });
  return `/board/tasks?${search.toString()}`;
}

const BOARD_COLUMNS: ColumnsType<BoardRow> = [
  { title: '单位', key: 'unit', fixed: 'left', width: 150, render: (_, row) => row.unitName },
  ...COUNTS.map(({ key, title, filter }) => ({
    title,
    key,
    width: key === 'dueSoon' ? 130 : 90,
    align: 'right' as const,
    render: (_: unknown, row: BoardRow) =>
      row[key] === 0 ? (
        '0'
      ) : (
        <Link to={countPath(row, filter)} aria-label={`${row.unitName}${title} ${row[key]} 项`}>
          {row[key]}
        </Link>
      ),
  })),
];

/** 督办台: units × counts; each count opens exactly the list it counts. */
export function BoardPage() {
  const { data, isFetching, error } = useQuery({ queryKey: ['board'], queryFn: () => answer(api.GET('/board')) });
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 20 }}>
        督办台
      </Typography.Title>
      {error && <Typography.Text type="danger">{error.message}</Typography.Text>}
      <Table<BoardRow>
        rowKey="unitCode"
        columns={BOARD_COLUMNS}
        dataSource={data?.rows}
        loading={isFetching}
        pagination={false}
        scroll={{ x: 860 }}
        locale={{ emptyText: <EmptyText>暂无已下达的任务</EmptyText> }}
      />
    </>
  );
}

const PAGE_SIZE = 20;

interface RemindResult {
  task: TaskSummary;
  error?: string;
}

/** A board count's list, with 催办 of the chosen tasks (one action per task: each reports its own result). */
export function BoardTasksPage() {
  const [search, setSearch] = useSearchParams();
  const unitCode = search.get('unitCode') ?? undefined;
  const filter = (COUNTS.find((count) => count.filter === search.get('filter'))?.filter ?? undefined) as
    TaskFilter | undefined;
  const title = COUNTS.find((count) => count.filter === filter)?.title ?? '任务';
  const page = Math.max(1, Number(search.get('page')) || 1);
  const [selected, setSelected] = useState<TaskSummary[]>([]);
  const [reminding, setReminding] = useState(false);
  const { data, isFetching, error } = useQuery({
    queryKey: ['board', 'tasks', unitCode, filter, page],
    queryFn: () =>
      answer(
        api.GET('/tasks', {
          params: { query: { scope: 'all', unitCode, filter, sort: 'deadline', page, pageSize: PAGE_SIZE } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  const unitName = data?.items[0]?.unitName ?? unitCode;

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 20 }}>
        督办台 · {unitName} · {title}（{data?.total ?? 0}）
      </Typography.Title>
      <Space wrap style={{ marginBottom: 12 }}>
        <Link to="/board">返回督办台</Link>
        <Button type="primary" disabled={selected.length === 0} onClick={() => setReminding(true)}>
          催办（{selected.length}）
        </Button>
      </Space>
      {error && <Typography.Text type="danger">{error.message}</Typography.Text>}
      <Table<TaskSummary>
        rowKey="id"
        columns={TASK_COLUMNS}
        dataSource={data?.items}
        loading={isFetching}
        scroll={{ x: 900 }}
        locale={{ emptyText: <EmptyText>暂无任务</EmptyText> }}
        rowSelection={{
          selectedRowKeys: selected.map((task) => task.id),
          preserveSelectedRowKeys: true,
          onChange: (_, rows) => setSelected(rows.filter(Boolean)),
          columnTitle: <span style={{ fontSize: 12 }}>选择</span>,
          getCheckboxProps: (task) => ({ 'aria-label': `选择 ${task.measure.path} ${task.unitName}` }),
        }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => `共 ${total} 项`,
          onChange: (next) => {
            const nextSearch = new URLSearchParams(search);
            nextSearch.set('page', String(next));
            setSearch(nextSearch);
          },
        }}
      />
      {reminding && (
        <RemindModal
          tasks={selected}
          onClose={(done) => {
            setReminding(false);
            if (done) setSelected([]);
          }}
        />
      )}
    </>
  );
}

/** 催办 each chosen task with one message; the results say which units were reminded. */
function RemindModal({ tasks, onClose }: { tasks: TaskSummary[]; onClose: (done: boolean) => void }) {
  const [form] = Form.useForm<{ message: string }>();
  const queries = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [results, setResults] = useState<RemindResult[] | null>(null);

  const send = async ({ message }: { message: string }) => {
    setBusy(true);
    const done: RemindResult[] = [];
    for (const task of tasks) {
      try {
        await answer(
          api.POST('/tasks/{id}/actions/{action}', {
            params: { path: { id: task.id, action: 'remind' } },
            body: { message },
          }),
        );
        done.push({ task });
      } catch (failure) {
        done.push({ task, error: failure instanceof EngineRequestError ? failure.message : '无法连接服务' });
      }
    }
    setResults(done);
    setBusy(false);
    await queries.invalidateQueries({ queryKey: ['board'] });
  };

  return (
    <Modal
      open
      title="催办"
      okText={results ? '完成' : `确认催办 ${tasks.length} 项`}
      cancelText="取消"
      cancelButtonProps={{ style: results ? { display: 'none' } : undefined }}
      confirmLoading={busy}
      onOk={() => (results ? onClose(true) : form.submit())}
      onCancel={() => onClose(results !== null)}
    >
      <List
        size="small"
        bordered
        dataSource={results ?? tasks.map((task) => ({ task }))}
        renderItem={({ task, error }: RemindResult) => (
          <List.Item data-task-id={task.id}>
            <span>
              {task.measure.path} {task.unitName}
            </span>
            {results &&
              (error ? (
                <Typography.Text type="danger">未催办：{error}</Typography.Text>
              ) : (
                <Typography.Text type="success">已催办</Typography.Text>
              ))}
          </List.Item>
        )}
        style={{ marginBottom: 16 }}
      />
      {!results && (
        <Form form={form} layout="vertical" onFinish={send}>
          <Form.Item
            label="催办内容"
            name="message"
            rules={[{ required: true, whitespace: true, message: '请填写催办内容' }]}
          >
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
