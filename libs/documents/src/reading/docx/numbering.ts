import { attr, descendants, DomNode, elements, firstElement, parseXml } from '../dom';
import { chineseCounting } from './chinese-counting';

interface Level {
  format: string;
  text: string;
  start: number;
}

/** Word's automatic numbering (numbering.xml): the labels (`一、`, `（一）`, `1.`) a paragraph shows. */
export class Numbering {
  private readonly counters = new Map<string, number[]>();

  private constructor(
    private readonly abstractOf: ReadonlyMap<string, string>,
    private readonly levels: ReadonlyMap<string, Level[]>,
    private readonly styleNumbering: ReadonlyMap<string, { numId: string; level: number }>,
  ) {}

  static parse(numberingXml: string | null, stylesXml: string | null): Numbering {
    const abstractOf = new Map<string, string>();
    const levels = new Map<string, Level[]>();
    if (numberingXml !== null) {
      const root = parseXml(numberingXml);
      for (const abstract of descendants(root, 'w:abstractNum')) {
        levels.set(attr(abstract, 'w:abstractNumId') ?? '', readLevels(abstract));
      }
      for (const num of descendants(root, 'w:num')) {
        abstractOf.set(attr(num, 'w:numId') ?? '', attr(firstElement(num, 'w:abstractNumId'), 'w:val') ?? '');
      }
    }
    return new Numbering(abstractOf, levels, stylesXml === null ? new Map() : readStyleNumbering(stylesXml));
  }

  /** The label of a numbered paragraph, counting it; null when the paragraph is not numbered. */
  label(paragraphProperties: DomNode | undefined): string | null {
    const numPr = paragraphProperties === undefined ? undefined : firstElement(paragraphProperties, 'w:numPr');
    const style = attr(firstElement(paragraphProperties ?? { type: 'root' }, 'w:pStyle'), 'w:val');
    const fromStyle = style === undefined ? undefined : this.styleNumbering.get(style);
    const numId = attr(firstElement(numPr ?? { type: 'root' }, 'w:numId'), 'w:val') ?? fromStyle?.numId;
    if (numId === undefined || numId === '0') return null;
    const level = Number(attr(firstElement(numPr ?? { type: 'root' }, 'w:ilvl'), 'w:val') ?? fromStyle?.level ?? 0);
    const abstractId = this.abstractOf.get(numId);
    const levels = abstractId === undefined ? undefined : this.levels.get(abstractId);
    if (levels === undefined || levels[level] === undefined) return null;
    const counts = this.count(abstractId!, levels, level);
    return render(levels, counts, level);
  }

  private count(abstractId: string, levels: readonly Level[], level: number): number[] {
    const counts = this.counters.get(abstractId) ?? levels.map((entry) => entry.start - 1);
    counts[level] = (counts[level] ?? 0) + 1;
    for (let deeper = level + 1; deeper < counts.length; deeper++) counts[deeper] = (levels[deeper]?.start ?? 1) - 1;
    this.counters.set(abstractId, counts);
    return counts;
  }
}

function readLevels(abstract: DomNode): Level[] {
  const levels: Level[] = [];
  for (const level of elements(abstract, 'w:lvl')) {
    const index = Number(attr(level, 'w:ilvl') ?? 0);
    levels[index] = {
      format: attr(firstElement(level, 'w:numFmt'), 'w:val') ?? 'decimal',
      text: attr(firstElement(level, 'w:lvlText'), 'w:val') ?? '',
      start: Number(attr(firstElement(level, 'w:start'), 'w:val') ?? 1),
    };
  }
  return levels;
}

function readStyleNumbering(stylesXml: string): Map<string, { numId: string; level: number }> {
  const byStyle = new Map<string, { numId: string; level: number }>();
  for (const style of descendants(parseXml(stylesXml), 'w:style')) {
    const numPr = descendants(style, 'w:numPr')[0];
    const numId = attr(firstElement(numPr ?? { type: 'root' }, 'w:numId'), 'w:val');
    if (numId === undefined) continue;
    const level = Number(attr(firstElement(numPr!, 'w:ilvl'), 'w:val') ?? 0);
    byStyle.set(attr(style, 'w:styleId') ?? '', { numId, level });
  }
  return byStyle;
}

function render(levels: readonly Level[], counts: readonly number[], level: number): string | null {
  const format = levels[level]!.format;
  if (format === 'bullet' || format === 'none') return null;
  return levels[level]!.text.replace(/%(\d)/gu, (_all, digit: string) => {
    const index = Number(digit) - 1;
    return formatNumber(counts[index] ?? 1, levels[index]?.format ?? 'decimal');
  });
}

function formatNumber(value: number, format: string): string {
  if (/chinese|ideograph|japaneseCounting|taiwanese/iu.test(format)) return chineseCounting(value);
  if (/EnclosedCircle/u.test(format) && value >= 1 && value <= 20) return String.fromCharCode(0x2460 + value - 1);
  if (format === 'decimalEnclosedParen') return `(${value})`;
  if (format === 'lowerLetter') return String.fromCharCode(0x60 + ((value - 1) % 26) + 1);
  if (format === 'upperLetter') return String.fromCharCode(0x40 + ((value - 1) % 26) + 1);
  return String(value);
}
