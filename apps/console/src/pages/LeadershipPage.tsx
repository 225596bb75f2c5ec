import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Progress, Select, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { EmptyText } from '../components/EmptyText';
import { answer, api, EngineRequestError } from '../api/client';
import type { RateRow, Report } from '../api/views';
import { chineseDateTime } from '../format';

/** A rate as a bar with its figure in words (the bar alone says nothing to a screen reader). */
function Rate({ value, label }: { value: number | null; label: string }) {
  if (value === null) return <span>—</span>;
  const percent = Math.round(value * 1000) / 10;
  return (
    <Progress
      percent={percent}
      size="small"
      strokeColor="#0958d9"
      format={() => `${percent}%`}
      aria-label={`${label} ${percent}%`}
    />
  );
}

/** A table too wide for a phone scrolls in a region the keyboard can reach (its rows hold nothing focusable). */
function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} style={{ overflowX: 'auto' }}>
      {children}
    </div>
  );
}

function rateColumns(nameTitle: string): ColumnsType<RateRow> {
  return [
    { title: nameTitle, key: 'name', width: 180, render: (_, row) => row.name },
    { title: '任务', key: 'tasks', width: 64, align: 'right', render: (_, row) => row.tasks },
    { title: '已完成', key: 'completed', width: 72, align: 'right', render: (_, row) => row.completed },
    { title: '逾期', key: 'overdue', width: 64, align: 'right', render: (_, row) => row.overdue },
    {
      title: '完成率',
      key: 'completionRate',
      width: 160,
      render: (_, row) => <Rate value={row.completionRate} label={`${row.name}完成率`} />,
    },
    {
      title: '按期完成率',
      key: 'onTimeRate',
      width: 160,
      render: (_, row) => <Rate value={row.onTimeRate} label={`${row.name}按期完成率`} />,
    },
  ];
}

const REPORT_STATES: Record<Report['state'], string> = {
  queued: '排队中',
  running: '生成中',
  done: '已生成',
  failed: '生成失败',
};

/** The quarter that ended last (the bulletins describe a finished quarter). */
function lastQuarter(): string {
  const day = dayjs().subtract(3, 'month');
  return `${day.year()}Q${Math.floor(day.month() / 3) + 1}`;
}

/** Downloads a file the engine serves only with the token: fetched, then saved from the browser's memory. */
async function download(report: Report, format: 'docx' | 'xlsx'): Promise<void> {
  const { data, response } = await api.GET('/reports/{id}/files/{format}', {
    params: { path: { id: report.id, format } },
    parseAs: 'blob',
  });
  if (!response.ok || !data) throw new Error(`下载失败（${response.status}）`);
  const link = document.createElement('a');
  link.href = URL.createObjectURL(data);
  link.download = `督查通报-${report.quarter}.${format}`;
  link.click();
  // Revoked once the browser has started saving it.
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

function Reports({ documentId }: { documentId: string }) {
  const queries = useQueryClient();
  const { message } = App.useApp();
  const { data: reports } = useQuery({
    queryKey: ['reports', documentId],
    queryFn: () => answer(api.GET('/reports', { params: { query: { documentId } } })),
    // A bulletin being made is watched until the worker finishes it.
    refetchInterval: (current) =>
      current.state.data?.some((report) => report.state === 'queued' || report.state === 'running') ? 2000 : false,
  });
  const generate = useMutation({
    mutationFn: (quarter: string) => answer(api.POST('/reports', { body: { documentId, quarter } })),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['reports', documentId] }),
    onError: (error) => message.error(error instanceof EngineRequestError ? error.message : '无法连接服务'),
  });
  const columns: ColumnsType<Report> = [
    { title: '季度', key: 'quarter', width: 90, render: (_, report) => report.quarter },
    { title: '截至', key: 'asOf', width: 170, render: (_, report) => chineseDateTime(report.asOf) },
    {
      title: '状态',
      key: 'state',
      width: 100,
      render: (_, report) => <span data-report-state={report.state}>{REPORT_STATES[report.state]}</span>,
    },
    {
      title: '下载',
      key: 'files',
      render: (_, report) =>
        report.state === 'done' ? (
          <Space wrap>
            {(['docx', 'xlsx'] as const).map((format) => (
              <Button
                key={format}
                size="small"
                onClick={() => download(report, format).catch((error: Error) => message.error(error.message))}
              >
                {format === 'docx' ? 'Word' : 'Excel'}
              </Button>
            ))}
          </Space>
        ) : (
          (report.error ?? '')
        ),
    },
  ];
  return (
    <Card title="季度通报" size="small">
      <Form
        layout="inline"
        initialValues={{ quarter: lastQuarter() }}
        onFinish={({ quarter }) => generate.mutate(quarter)}
      >
        <Form.Item
          label="季度"
          name="quarter"
          rules={[{ required: true, pattern: /^\d{4}Q[1-4]$/, message: '季度格式须为 2022Q3 这样的形式' }]}
        >
          <Input style={{ width: 120 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={generate.isPending}>
          生成通报
        </Button>
      </Form>
      <Table<Report>
        rowKey="id"
        size="small"
        style={{ marginTop: 12 }}
        columns={columns}
        dataSource={reports}
        pagination={false}
        scroll={{ x: 560 }}
        locale={{ emptyText: <EmptyText>暂无通报，选择季度后点击「生成通报」</EmptyText> }}
      />
    </Card>
  );
}

/** 领导视图: completion and on-time rates per unit and per section, and the quarterly bulletins. */
export function LeadershipPage() {
  const [search, setSearch] = useSearchParams();
  const { data: documents } = useQuery({ queryKey: ['documents'], queryFn: () => answer(api.GET('/documents')) });
  const documentId = search.get('documentId') ?? documents?.[0]?.id;
  const { data: statistics, error } = useQuery({
    queryKey: ['statistics', documentId],
    queryFn: () => answer(api.GET('/statistics', { params: { query: { documentId } } })),
    enabled: documentId !== undefined,
  });
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
        统计分析
      </Typography.Title>
      <label>
        文件：{' '}
        <Select
          aria-label="选择文件"
          style={{ minWidth: 260, maxWidth: '100%' }}
          value={documentId}
          options={documents?.map((document) => ({ value: document.id, label: document.docNumber ?? document.title }))}
          onChange={(value) => setSearch({ documentId: value })}
          notFoundContent="暂无文件"
        />
      </label>
      {error && <Typography.Text type="danger">{error.message}</Typography.Text>}
      <Card title="各单位完成情况" size="small">
        <ScrollRegion label="各单位完成情况">
          <Table<RateRow>
            rowKey="key"
            size="small"
            columns={rateColumns('单位')}
            dataSource={statistics?.byUnit}
            pagination={false}
            style={{ minWidth: 700 }}
            locale={{ emptyText: <EmptyText>暂无数据</EmptyText> }}
          />
        </ScrollRegion>
      </Card>
      <Card title="各板块完成情况" size="small">
        <ScrollRegion label="各板块完成情况">
          <Table<RateRow>
            rowKey="key"
            size="small"
            columns={rateColumns('板块')}
            dataSource={statistics?.bySection}
            pagination={false}
            style={{ minWidth: 700 }}
            locale={{ emptyText: <EmptyText>暂无数据</EmptyText> }}
          />
        </ScrollRegion>
      </Card>
      {documentId && <Reports documentId={documentId} />}
    </Space>
  );
}
