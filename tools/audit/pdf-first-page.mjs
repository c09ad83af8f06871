// Renders the first page of a PDF to PNG and prints what it shows, as JSON: the page's text (as PDF.js extracts it),
// the PNG's size and how many pixels are not white. Used by the audit export's e2e test and by hand:
//   node tools/audit/pdf-first-page.mjs export.pdf page-1.png
import { readFileSync, writeFileSync } from 'node:fs';
import { createCanvas } from '@napi-rs/canvas';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const [pdfFile, pngFile] = process.argv.slice(2);
if (!pdfFile || !pngFile) {
  process.stderr.write('usage: node tools/audit/pdf-first-page.mjs <file.pdf> <page-1.png>\n');
  process.exit(2);
}
const document = await getDocument({ data: new Uint8Array(readFileSync(pdfFile)), isEvalSupported: false, verbosity: 0 }).promise;
const page = await document.getPage(1);
const viewport = page.getViewport({ scale: 2 });
const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
const context = canvas.getContext('2d');
context.fillStyle = '#ffffff';
context.fillRect(0, 0, canvas.width, canvas.height);
await page.render({ canvas, canvasContext: context, viewport }).promise;
const png = canvas.toBuffer('image/png');
writeFileSync(pngFile, png);

const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
let inked = 0;
for (let i = 0; i < pixels.length; i += 4) if (pixels[i] < 200 || pixels[i + 1] < 200 || pixels[i + 2] < 200) inked++;
const text = (await page.getTextContent()).items.map((item) => ('str' in item ? item.str : '')).join(' ');
process.stdout.write(`${JSON.stringify({ pages: document.numPages, width: canvas.width, height: canvas.height, pngBytes: png.length, inkedPixels: inked, text })}\n`);
await document.destroy();
