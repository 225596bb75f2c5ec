import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Descriptions, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { answer, api, EngineRequestError } from '../api/client';
import type { components } from '../api/schema';
import { EmptyText } from '../components/EmptyText';
import { chineseDate } from '../format';

type Measure = components['schemas']['MeasureResponse'];
type Imported = components['schemas']['ImportResponse'];
type Diagnostic = components['schemas']['DiagnosticResponse'];

const IMPORT_STATUS: Record<Imported['status'], string> = {
  created: '已导入新文件',
  revised: '已导入修订版',
  unchanged: '文件未变化',
};
const LEVELS: Record<Diagnostic['level'], string> = { error: '错误', warning: '警告', info: '提示' };
/** The engine's parser reads these (DOCUMENT formats); anything else is refused before upload. */
const ACCEPTED = '.txt,.docx,.doc,.pdf,.html,.htm';

function refusal(error: Error): string {
  return error instanceof EngineRequestError ? error.message : '无法连接服务，请稍后再试';
}

const DIAGNOSTIC_COLUMNS: ColumnsType<Diagnostic> = [
  { title: '级别', key: 'level', width: 70, render: (_, item) => LEVELS[item.level] },
  { title: '行号', key: 'line', width: 80, render: (_, item) => (item.line === null ? '—' : `第 ${item.line} 行`) },
  { title: '措施', key: 'measurePath', width: 110, render: (_, item) => item.measurePath ?? '—' },
  { title: '说明', key: 'message', render: (_, item) => item.message },
];

function ImportCard({ onImported }: { onImported: (documentId: string) => void }) {
  const { message } = App.useApp();
  const [file, setFile] = useState<File | null>(null);
  const upload = useMutation({
    mutationFn: (chosen: File) => {
      const data = new FormData();
      data.append('file', chosen, chosen.name);
      // The document types the upload's `file` as a string: the serializer sends the bytes.
      return answer(api.POST('/documents', { body: { file: chosen.name }, bodySerializer: () => data }));
    },
    onSuccess: (result) => onImported(result.documentId),
    onError: (error) => message.error(refusal(error)),
  });
  const result = upload.data;
  return (
    <Card title="导入文件" size="small">
      <Space wrap align="start">
        <Upload
          accept={ACCEPTED}
          maxCount={1}
          beforeUpload={(chosen) => {
            setFile(chosen);
            return false;
          }}
          onRemove={() => setFile(null)}
        >
          <Button>选择文件（txt、docx、doc、pdf、html）</Button>
        </Upload>
        <Button type="primary" disabled={!file} loading={upload.isPending} onClick={() => file && upload.mutate(file)}>
          导入
        </Button>
      </Space>
      {result && (
        <div data-testid="import-result" style={{ marginTop: 12 }}>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label="结果">{IMPORT_STATUS[result.status]}</Descriptions.Item>
            <Descriptions.Item label="文件">
              {result.docNumber ?? ''} {result.title}（第 {result.revision} 版）
            </Descriptions.Item>
            <Descriptions.Item label="措施">
              共 {result.measures.total} 项，待指定单位 {result.measures.needingAssignment} 项
            </Descriptions.Item>
          </Descriptions>
          <Table<Diagnostic>
            style={{ marginTop: 12 }}
            size="small"
            rowKey={(item) => `${item.code}:${item.line ?? ''}:${item.measurePath ?? ''}`}
            columns={DIAGNOSTIC_COLUMNS}
            dataSource={result.diagnostics}
            pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
            locale={{ emptyText: <EmptyText>解析无问题</EmptyText> }}
          />
        </div>
      )}
    </Card>
  );
}

function unitsText(measure: Measure): string {
  const lead = measure.units.responsible.filter((unit) => unit.role === 'lead').map((unit) => unit.fullName);
  const co = measure.units.responsible.filter((unit) => unit.role === 'co').map((unit) => unit.fullName);
  return [lead.length ? `牵头：${lead.join('、')}` : '', co.length ? `配合：${co.join('、')}` : '']
    .filter(Boolean)
    .join('；');
}

const MEASURE_COLUMNS: ColumnsType<Measure> = [
  { title: '编号', key: 'path', width: 100, render: (_, measure) => measure.path },
  { title: '措施', key: 'title', width: 260, render: (_, measure) => measure.title },
  {
    title: '责任单位',
    key: 'units',
    width: 240,
    render: (_, measure) =>
      measure.units.needsAssignment ? <Typography.Text type="danger">待指定单位</Typography.Text> : unitsText(measure),
  },
  {
    title: '期限',
    key: 'deadline',
    width: 130,
    render: (_, measure) => (measure.deadline.date ? chineseDate(measure.deadline.date) : '—'),
  },
  {
    title: '下达',
    key: 'launched',
    width: 80,
    render: (_, measure) => (measure.launched ? <Tag>已下达</Tag> : '未下达'),
  },
];

/** 文件管理 (supervisor): import a document, see what the parser found, launch chosen measures. */
export function DocumentsPage() {
  const [search, setSearch] = useSearchParams();
  const queries = useQueryClient();
  const { message } = App.useApp();
  const [chosen, setChosen] = useState<string[]>([]);
  const [deadline, setDeadline] = useState<Dayjs | null>(null);
  const { data: documents } = useQuery({ queryKey: ['documents'], queryFn: () => answer(api.GET('/documents')) });
  const documentId = search.get('documentId') ?? documents?.[0]?.id;
  const { data: measures, isFetching } = useQuery({
    queryKey: ['documents', 'measures', documentId],
    queryFn: () =>
      answer(api.GET('/documents/{reference}/measures', { params: { path: { reference: documentId ?? '' } } })),
    enabled: documentId !== undefined,
  });
  const launch = useMutation({
    mutationFn: () =>
      answer(
        api.POST('/documents/{reference}/launch', {
          params: { path: { reference: documentId ?? '' } },
          body: { measureIds: chosen, defaultDeadline: deadline?.format('YYYY-MM-DD') },
        }),
      ),
    onSuccess: async (result) => {
      message.success(`已下达 ${result.launched.length} 项措施，生成 ${result.taskCount} 个任务`);
      setChosen([]);
      await queries.invalidateQueries({ queryKey: ['documents'] });
    },
    onError: (error) => message.error(refusal(error)),
  });

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
        文件管理
      </Typography.Title>
      <ImportCard
        onImported={async (id) => {
          await queries.invalidateQueries({ queryKey: ['documents'] });
          setSearch({ documentId: id });
        }}
      />
      <Card title="措施与下达" size="small">
        <Space wrap style={{ marginBottom: 12 }}>
          <Select
            aria-label="选择文件"
            style={{ minWidth: 260, maxWidth: '100%' }}
            value={documentId}
            options={documents?.map((item) => ({ value: item.id, label: item.docNumber ?? item.title }))}
            onChange={(value) => setSearch({ documentId: value })}
            notFoundContent="暂无文件，请先导入"
          />
          <DatePicker
            aria-label="统一期限"
            placeholder="统一期限（无期限的措施）"
            format="YYYY年M月D日"
            value={deadline}
            onChange={setDeadline}
          />
          <Button
            type="primary"
            disabled={chosen.length === 0}
            loading={launch.isPending}
            onClick={() => launch.mutate()}
          >
            下达所选措施（{chosen.length}）
          </Button>
        </Space>
        <Table<Measure>
          rowKey="id"
          size="small"
          columns={MEASURE_COLUMNS}
          dataSource={measures}
          loading={isFetching}
          scroll={{ x: 860 }}
          pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (total) => `共 ${total} 项` }}
          locale={{ emptyText: <EmptyText>暂无措施</EmptyText> }}
          rowSelection={{
            selectedRowKeys: chosen,
            preserveSelectedRowKeys: true,
            onChange: (keys) => setChosen(keys.map(String)),
            columnTitle: <span style={{ fontSize: 12 }}>选择</span>,
            getCheckboxProps: (measure) => ({
              disabled: measure.launched || measure.units.needsAssignment,
              'aria-label': `选择 ${measure.path}`,
            }),
          }}
        />
      </Card>
    </Space>
  );
}
