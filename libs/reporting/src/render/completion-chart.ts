import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import { xmlSafe } from '@app/common';
import { RANKING_GROUP_LABELS } from '@app/units';
import { UnitFigures } from '../figures/report-figures';
import { CHART_TITLE, NO_DATA, formatRate } from './report-labels';

const FONT_FAMILY = 'WenQuanYi Micro Hei';
const WIDTH = 640;
const BAR_ROW_HEIGHT = 24;
const TOP_SPACE = 64;
const BOTTOM_SPACE = 36;
const EMPTY_HEIGHT = 200;
// Drawn at twice the size so the image stays sharp when Word scales it to the page.
const PIXEL_RATIO = 2;

/**
 * A PNG bar chart of every ranked unit's 到期任务完成率, group by group in rank order, the last-ranked
 * included: the same units give the same bytes.
 */
export function renderCompletionChart(units: readonly UnitFigures[]): Buffer {
  const shown = xmlSafe(units.filter((unit) => unit.rank !== null));
  const height = shown.length === 0 ? EMPTY_HEIGHT : TOP_SPACE + BOTTOM_SPACE + shown.length * BAR_ROW_HEIGHT;
  const option = shown.length === 0 ? emptyOption() : barOption(shown);
  return svgToPng(renderSvg(option, height));
}

function renderSvg(option: echarts.EChartsOption, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: WIDTH, height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: FONT_FAMILY }, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

function svgToPng(svg: string): Buffer {
  const resvg = new Resvg(svg, {
    font: { loadSystemFonts: true, defaultFontFamily: FONT_FAMILY },
    background: 'white',
    fitTo: { mode: 'zoom', value: PIXEL_RATIO },
  });
  return resvg.render().asPng();
}

function title(subtext?: string): echarts.EChartsOption['title'] {
  return {
    text: CHART_TITLE,
    subtext,
    left: 'center',
    top: 8,
    textStyle: { fontFamily: FONT_FAMILY, fontSize: 16, fontWeight: 'bold', color: '#222' },
    subtextStyle: { fontFamily: FONT_FAMILY, fontSize: 11, color: '#666' },
  };
}

function emptyOption(): echarts.EChartsOption {
  return {
    title: title(),
    graphic: [
      {
        type: 'text',
        left: 'center',
        top: 'middle',
        style: { text: NO_DATA, fontSize: 16, fontFamily: FONT_FAMILY, fill: '#888' },
      },
    ],
  };
}

function barOption(shown: readonly UnitFigures[]): echarts.EChartsOption {
  const groups = [...new Set(shown.map((unit) => RANKING_GROUP_LABELS[unit.rankingGroup]))];
  const note = `${groups.join('、')}分别排名，自上而下依次排列`;
  const labels = shown.map((unit) => formatRate(unit.dueCompletionRate));
  return {
    title: title(note),
    grid: { left: 170, right: 64, top: TOP_SPACE - 8, bottom: BOTTOM_SPACE - 8 },
    xAxis: {
      type: 'value',
      min: 0,
      max: 100,
      interval: 20,
      axisLabel: { formatter: '{value}%', fontSize: 11, color: '#444' },
      splitLine: { lineStyle: { color: '#e4e4e4' } },
    },
    yAxis: {
      type: 'category',
      // The first group's rank 1 at the top.
      inverse: true,
      data: shown.map((unit) => unit.unitName),
      axisTick: { show: false },
      axisLabel: { width: 160, overflow: 'truncate', ellipsis: '…', fontSize: 13, color: '#222', interval: 0 },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 16,
        itemStyle: { color: '#2f5d9b' },
        data: shown.map((unit) =>
          unit.dueCompletionRate === null ? 0 : Math.round(unit.dueCompletionRate * 1000) / 10,
        ),
        label: {
          show: true,
          position: 'right',
          fontSize: 12,
          color: '#222',
          formatter: (params: { dataIndex: number }) => labels[params.dataIndex],
        },
      },
    ],
  };
}
