import { pathToFileURL } from 'node:url';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { DocumentParseError } from '../../parsing/errors';
import { corruptDocument, encryptedDocument } from '../reader-errors';

/** A run of text on a page at its position (PDF points, origin bottom left). */
export interface PdfItem {
  text: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export const MAX_PDF_PAGES = 1000;
const TIMEOUT_MS = 60_000;
const MEMORY_MB = 512;

/**
 * pdf.js runs in a worker thread: it is an ES module (loaded there by the real Node loader, whatever
 * loads this file), and a hostile PDF that loops or balloons is stopped by the worker's time and memory
 * limits instead of taking the API process with it. The worker stays for the next file (pdf.js loads
 * once), one file at a time, and never keeps the process alive.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
// pdf.js may warn on its console; that is not ours to print (it would break \`cli parse --json\`).
for (const method of ['log', 'info', 'warn', 'error', 'debug']) console[method] = () => undefined;
const loading = import(workerData.moduleUrl).then((pdfjs) => {
  pdfjs.GlobalWorkerOptions.workerSrc = workerData.workerUrl;
  return pdfjs;
});
async function read(bytes) {
  const { part, parts } = workerData;
  const pdfjs = await loading;
  const pdf = await pdfjs.getDocument({ data: bytes, verbosity: 0, isEvalSupported: false, disableFontFace: true }).promise;
  try {
    if (pdf.numPages > workerData.maxPages) return { tooManyPages: pdf.numPages };
    const pages = [];
    for (let number = 1 + part; number <= pdf.numPages; number += parts) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent({ disableNormalization: true });
      pages.push([number, content.items.filter((item) => 'str' in item && item.str.length > 0).map((item) => ({
        text: item.str, x: item.transform[4], y: item.transform[5], width: item.width, height: item.height || Math.abs(item.transform[3]),
      }))]);
      page.cleanup();
    }
    return { pages };
  } finally {
    await pdf.destroy();
  }
}
parentPort.on('message', (bytes) => {
  read(bytes).then(
    (reply) => parentPort.postMessage(reply),
    (error) => parentPort.postMessage({ error: { name: error && error.name, message: String(error && error.message) } }),
  );
});
`;

type WorkerReply =
  | { pages: [number, PdfItem[]][] }
  | { tooManyPages: number }
  | { error: { name: string | undefined; message: string } };

/** The text items of every page, read by pdf.js; encrypted and damaged files are refused. */
export async function extractPdfItems(bytes: Uint8Array): Promise<PdfItem[][]> {
  const pages: [number, PdfItem[]][] = [];
  for (const reply of await runWorkers(bytes)) {
    if ('tooManyPages' in reply) {
      throw new DocumentParseError(
        'DOCUMENT_TOO_LARGE',
        `PDF共${reply.tooManyPages}页，超过${MAX_PDF_PAGES}页的上限，不像是一份政策文件，请只上传文件正文。`,
      );
    }
    if ('error' in reply) {
      if (reply.error.name === 'PasswordException') throw encryptedDocument('PDF文件');
      throw corruptDocument('PDF文件', reply.error.message.slice(0, 80));
    }
    pages.push(...reply.pages);
  }
  return pages.sort(([a], [b]) => a - b).map(([, items]) => items);
}

/** Pages are read by two workers at once (odd and even pages): most of a PDF's time is pdf.js per page. */
const READERS = Math.min(2, availableParallelism());
const workers: (Worker | null)[] = Array.from({ length: READERS }, () => null);
let queue: Promise<unknown> = Promise.resolve();

function runWorkers(bytes: Uint8Array): Promise<WorkerReply[]> {
  const job = queue.then(() => Promise.all(workers.map((_, part) => readInWorker(bytes, part))));
  queue = job.catch(() => undefined);
  return job;
}

function readInWorker(bytes: Uint8Array, part: number): Promise<WorkerReply> {
  const current = (workers[part] ??= startWorker(part));
  return new Promise((resolve, reject) => {
    const stop = (error: Error): void => {
      cleanup();
      workers[part] = null;
      void current.terminate();
      reject(error);
    };
    const timer = setTimeout(() => stop(corruptDocument('PDF文件', `读取超过${TIMEOUT_MS / 1000}秒`)), TIMEOUT_MS);
    const onMessage = (reply: WorkerReply): void => {
      cleanup();
      resolve(reply);
    };
    const onError = (error: Error & { code?: string }): void =>
      stop(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? corruptDocument('PDF文件', '读取时内存超限') : error);
    const cleanup = (): void => {
      clearTimeout(timer);
      current.off('message', onMessage);
      current.off('error', onError);
    };
    current.on('message', onMessage);
    current.on('error', onError);
    current.postMessage(bytes);
  });
}

function startWorker(part: number): Worker {
  const started = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      moduleUrl: pathToFileURL(require.resolve('pdfjs-dist/legacy/build/pdf.mjs')).href,
      workerUrl: pathToFileURL(require.resolve('pdfjs-dist/legacy/build/pdf.worker.mjs')).href,
      maxPages: MAX_PDF_PAGES,
      part,
      parts: READERS,
    },
    resourceLimits: { maxOldGenerationSizeMb: MEMORY_MB },
  });
  started.unref();
  started.once('exit', () => {
    if (workers[part] === started) workers[part] = null;
  });
  return started;
}
