/**
 * Sections that set the scene rather than assign work: their text (and their children's) is
 * never a measure, even when it reads like one (`到2025年，……`, `——坚持创新驱动。`).
 */
const CONTEXT_TITLES = [
  '总体要求',
  '指导思想',
  '基本原则',
  '发展目标',
  '主要目标',
  '总体目标',
  '工作目标',
  '目标要求',
  '发展基础',
  '面临的形势',
  '发展形势',
  '发展环境',
  '发展现状',
  '现状与形势',
  '基本情况',
  '重要意义',
  '空间布局',
  '总体布局',
  '发展布局',
  '总体思路',
  '发展思路',
  '发展定位',
  '战略定位',
  '编制依据',
  '规划背景',
  '附则',
];
const LENIENT_SUFFIX_LENGTH = 12;

export function isContextTitle(title: string): boolean {
  const bare = title.replace(/[\s,.:;、。!?"“”]/gu, '');
  if (bare.length === 0) return false;
  return CONTEXT_TITLES.some(
    (keyword) => bare.startsWith(keyword) || (bare.endsWith(keyword) && bare.length <= LENIENT_SUFFIX_LENGTH),
  );
}
