import { load, type CheerioAPI } from 'cheerio';

/** The part of a parsed node the readers use (cheerio's domhandler nodes have this shape). */
export interface DomNode {
  type: string;
  name?: string;
  attribs?: Record<string, string>;
  children?: DomNode[];
  data?: string;
  parent?: DomNode | null;
}

/** An XML part of a .docx, parsed by htmlparser2 in XML mode. */
export function parseXml(xml: string): DomNode {
  return rootOf(load(xml, { xml: { xmlMode: true, decodeEntities: true } }));
}

export function rootOf($: CheerioAPI): DomNode {
  return $.root()[0] as unknown as DomNode;
}

export function elements(node: DomNode, name?: string): DomNode[] {
  return (node.children ?? []).filter((child) => isElement(child) && (name === undefined || child.name === name));
}

export function firstElement(node: DomNode, name: string): DomNode | undefined {
  return (node.children ?? []).find((child) => isElement(child) && child.name === name);
}

/** Every descendant element of that name, in document order. */
export function descendants(node: DomNode, name: string, into: DomNode[] = []): DomNode[] {
  for (const child of node.children ?? []) {
    if (!isElement(child)) continue;
    if (child.name === name) into.push(child);
    descendants(child, name, into);
  }
  return into;
}

export function isElement(node: DomNode): boolean {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

export function attr(node: DomNode | undefined, name: string): string | undefined {
  return node?.attribs?.[name];
}
