import PDFDocument from 'pdfkit';
import { LATE_AFTER_HOURS, timelineFactsOf, timelineText } from '@casebook/projections';
import type { AuditBundle } from '../bundle/audit-bundle';

const AMSTERDAM = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', dateStyle: 'short', timeStyle: 'medium' });
const when = (iso: string): string => AMSTERDAM.format(new Date(iso));

/**
 * The printed form of a case export: its timeline in Dutch, for people who read it on paper. It proves nothing by
 * itself; the manifest hash on every page ties it to the signed JSON bundle, which is what a verifier checks.
 * Lines name facts only (kinds, dates, roles), as the case timeline does: no names or narratives.
 */
export async function renderCaseTimelinePdf(bundle: AuditBundle): Promise<Buffer> {
  const { manifest } = bundle;
  const incidentId = manifest.scope.kind === 'incident' ? manifest.scope.incidentId : '';
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 50, bottom: 60, left: 50, right: 50 },
    bufferPages: true,
    info: { Title: `Auditexport incident ${incidentId}`, Author: 'Casebook', Subject: `Manifest-hash ${bundle.manifestHash}` },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });

  doc.font('Helvetica-Bold').fontSize(16).text(`Auditexport incident ${incidentId}`);
  doc.moveDown(0.3).font('Helvetica').fontSize(9);
  doc.text(
    `Geëxporteerd op ${when(manifest.exportedAt)} door ${manifest.exportedBy.actorId} (${manifest.exportedBy.roles.join(', ')}), Casebook ${manifest.software.version}.`,
  );
  doc.text(
    `${manifest.eventCount} gebeurtenissen in ${manifest.streams.length} stroom/stromen, posities ${manifest.firstPosition ?? '-'} tot en met ${manifest.lastPosition ?? '-'}.`,
  );
  doc.text(`Manifest-hash (SHA-256): ${bundle.manifestHash}`);
  doc.text(`Ondertekend met Ed25519, sleutel ${bundle.signature.keyId}.`);
  doc.moveDown(0.5).fontSize(8).fillColor('#444');
  doc.text(
    'Dit document is de leesbare weergave van de tijdlijn. Het bewijs is de ondertekende JSON-bundel met dezelfde manifest-hash: ' +
      'controleer die met "npm run cli -- audit verify <bundel> --public-key <sleutel>". Tijden in Nederlandse tijd.',
  );
  doc.fillColor('black').moveDown(0.8);

  doc.font('Helvetica-Bold').fontSize(11).text('Tijdlijn');
  doc.moveDown(0.3);
  for (const [index, event] of bundle.events.entries()) {
    const facts = timelineFactsOf(event.type, (event.data ?? {}) as Record<string, unknown>);
    const late = Date.parse(event.metadata.recordedAt) - Date.parse(event.metadata.occurredAt) > LATE_AFTER_HOURS * 3_600_000;
    doc
      .font('Helvetica-Bold')
      .fontSize(9)
      .text(`${index + 1}. ${when(event.metadata.occurredAt)} — ${timelineText(event.type, facts, event.metadata.actorRole, late, 'nl')}`);
    doc.font('Helvetica').fontSize(7.5).fillColor('#444');
    doc.text(
      `Vastgelegd ${when(event.metadata.recordedAt)} · ${event.streamId} revisie ${event.streamRevision} · positie ${event.position} · hash ${event.hash}`,
    );
    doc.fillColor('black').moveDown(0.4);
  }

  doc.moveDown(0.5).font('Helvetica-Bold').fontSize(9).text('Kop van elke stroom');
  doc.font('Helvetica').fontSize(7.5);
  for (const stream of manifest.streams)
    doc.text(`${stream.streamId}: ${stream.eventCount} gebeurtenissen, revisie ${stream.headRevision}, hash ${stream.headHash}`);
  if (manifest.globalChainHead) doc.text(`Globale keten bij export: positie ${manifest.globalChainHead.position}, hash ${manifest.globalChainHead.hash}`);

  // The manifest hash on every page, so a single loose page still names the bundle it belongs to.
  const pages = doc.bufferedPageRange();
  for (let page = pages.start; page < pages.start + pages.count; page++) {
    doc.switchToPage(page);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font('Helvetica').fontSize(6.5).fillColor('#444');
    doc.text(`Manifest-hash ${bundle.manifestHash} · incident ${incidentId} · pagina ${page - pages.start + 1}/${pages.count}`, 40, doc.page.height - 40, {
      width: doc.page.width - 80,
      align: 'center',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
