import type { CheerioAPI } from 'cheerio';
import type { AnyNode } from 'domhandler';

/** Containers government content systems put the article in (TRS, 政府网站集约化平台 and others). */
const KNOWN_BODIES = [
  '#zoom',
  '.TRS_Editor',
  '.trs_editor_view',
  '#UCAP-CONTENT',
  '.pages_content',
  '.article-content',
  '.article_content',
  '.view.TRS_UEDITOR',
  '#content',
  '.content',
  'article',
  'main',
];
const FURNITURE = 'nav, header, footer, aside, script, style, noscript';
const MIN_ARTICLE = 80;

/**
 * The element that holds the article: a known content container when one holds text, else the
 * element whose own paragraphs hold the most text outside the page furniture.
 */
export function findArticle($: CheerioAPI): AnyNode {
  for (const selector of KNOWN_BODIES) {
    const found = $(selector).filter((_, element) => textLength($, element) >= MIN_ARTICLE);
    if (found.length > 0) return found.toArray().sort((a, b) => textLength($, b) - textLength($, a))[0];
  }
  const scores = new Map<AnyNode, number>();
  $('p, div, td, li').each((_, element) => {
    if ($(element).closest(FURNITURE).length > 0) return;
    const own = ownText($, element);
    if (own === 0) return;
    const parent = element.tagName === 'p' || element.tagName === 'li' ? (element.parent ?? element) : element;
    scores.set(parent, (scores.get(parent) ?? 0) + own);
  });
  let best: AnyNode | null = null;
  let bestScore = 0;
  for (const [element, score] of scores) {
    if (score > bestScore) [best, bestScore] = [element, score];
  }
  return bestScore >= MIN_ARTICLE && best !== null ? best : ($('body')[0] ?? $.root()[0]!);
}

function textLength($: CheerioAPI, element: AnyNode): number {
  return $(element).text().replace(/\s+/gu, '').length;
}

/** Text directly in the element and in its inline children, not in nested blocks or links. */
function ownText($: CheerioAPI, element: AnyNode): number {
  let length = 0;
  $(element)
    .contents()
    .each((_, child) => {
      if (child.type === 'text') length += child.data.replace(/\s+/gu, '').length;
      else if (child.type === 'tag' && /^(?:span|strong|b|em|font|u|i)$/u.test(child.tagName))
        length += textLength($, child);
    });
  return length;
}
