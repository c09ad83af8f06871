// Renders the first page of a PDF to PNG and prints what it shows, as JSON: the page's text (as PDF.js extracts it),
// the PNG's size, how many pixels are not white, and the text of every page. Used by the audit export's e2e test and by hand:
//   node tools/audit/pdf-first-page.mjs export.pdf page-1.png
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const [pdfFile, pngFile] = process.argv.slice(2);
if (!pdfFile || !pngFile) {
  process.stderr.write('usage: node tools/audit/pdf-first-page.mjs <file.pdf> <page-1.png>\n');
  process.exit(2);
}
// PDF.js draws the 14 standard fonts (Helvetica, ...) from its own font files; without them it substitutes.
const standardFontDataUrl = join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts') + '/';
const document = await getDocument({ data: new Uint8Array(readFileSync(pdfFile)), isEvalSupported: false, verbosity: 0, standardFontDataUrl }).promise;
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
const textOf = async (number) => (await (await document.getPage(number)).getTextContent()).items.map((item) => ('str' in item ? item.str : '')).join(' ');
const text = await textOf(1);
// Every page's text too, so a caller can check what each page carries (the manifest hash in the footer).
const pageTexts = [];
for (let number = 1; number <= document.numPages; number++) pageTexts.push(await textOf(number));
process.stdout.write(
  `${JSON.stringify({ pages: document.numPages, width: canvas.width, height: canvas.height, pngBytes: png.length, inkedPixels: inked, text, pageTexts })}\n`,
);
await document.destroy();
