import WordExtractor from 'word-extractor';
import type { SourceDocument } from '../../parsing/source-document';
import { corruptDocument } from '../reader-errors';
import { TextBuilder } from '../text-builder';

/**
 * Reads a Word 97–2003 .doc with word-extractor: each paragraph a line; a table row comes out as its
 * cells separated by tabs, which the parser reads as a task table.
 */
export async function readDoc(bytes: Buffer): Promise<SourceDocument> {
  let body: string;
  try {
    body = (await new WordExtractor().extract(bytes)).getBody();
  } catch (error) {
    throw corruptDocument('Word 97-2003（.doc）文件', error instanceof Error ? error.message.slice(0, 80) : '无法解析');
  }
  const out = new TextBuilder();
  let paragraph = 0;
  for (const line of body.split(/\r\n|[\r\n]/u)) {
    if (line.trim() === '') continue;
    paragraph++;
    if (line.includes('\t')) out.row(line.split('\t'), { paragraph });
    else out.paragraph(line, { paragraph });
  }
  return out.build('doc', true);
}
