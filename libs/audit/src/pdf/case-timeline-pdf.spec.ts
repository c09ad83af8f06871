import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { AuditBundle, BundleEvent } from '../bundle/audit-bundle';
import { renderCaseTimelinePdf } from './case-timeline-pdf';

const run = promisify(execFile);
const hex = (n: number) => n.toString(16).padStart(64, '0');

/** A bundle as the printer sees it (the PDF proves nothing, so its hashes need not verify here). */
function bundleOf(count: number): AuditBundle {
  const incidentId = '00000000-0000-4000-8000-00000000abcd';
  const events: BundleEvent[] = Array.from({ length: count }, (_, index) => ({
    position: 4096 * (index + 1),
    streamId: `pupil-incident-${incidentId}`,
    streamRevision: index,
    eventId: `00000000-0000-7000-8000-${String(index).padStart(12, '0')}`,
    type: index === 0 ? 'IncidentReported' : 'EvidenceAdded',
    schemaVersion: 1,
    data: index === 0 ? { category: 'cyberbullying', involved: [{}, {}] } : { mediaType: 'image/png' },
    metadata: {
      actorId: 'staff-dir-1',
      actorRole: 'director',
      schoolId: 'school-1',
      correlationId: 'c',
      causationId: null,
      occurredAt: '2026-11-03T10:30:00+01:00',
      recordedAt: '2026-11-03T10:31:00.000Z',
    },
    hash: hex(index + 1),
    previousGlobalHash: hex(index),
    globalHash: hex(index + 1000),
    clearData: {},
  }));
  return {
    manifest: {
      format: 'casebook-audit-bundle/1',
      scope: { kind: 'incident', incidentId },
      exportedAt: '2026-11-25T09:00:00.000Z',
      exportedBy: { actorId: 'legal-1', roles: ['legal'] },
      software: { name: 'casebook', version: 'test' },
      hashAlgorithm: 'SHA-256',
      canonicalization: 'RFC 8785',
      eventCount: count,
      firstPosition: 4096,
      lastPosition: 4096 * count,
      streams: [{ streamId: `pupil-incident-${incidentId}`, eventCount: count, headRevision: count - 1, headHash: hex(count) }],
      globalChainHead: { position: 4096 * count, hash: hex(count + 1000) },
      eventsHash: hex(7),
      clearDataHash: hex(8),
    },
    manifestHash: 'ab'.repeat(32),
    signature: { algorithm: 'Ed25519', keyId: '0123456789abcdef', publicKey: '', value: '' },
    events,
  };
}

describe('the printed case timeline (PDF)', () => {
  it('carries the manifest hash on every page of a long timeline, in Dutch', async () => {
    const work = mkdtempSync(join(tmpdir(), 'casebook-pdf-'));
    try {
      const pdf = join(work, 'long.pdf');
      writeFileSync(pdf, await renderCaseTimelinePdf(bundleOf(120)));
      const { stdout } = await run(process.execPath, ['tools/audit/pdf-first-page.mjs', pdf, join(work, 'page-1.png')]);
      const rendered = JSON.parse(stdout) as { pages: number; pageTexts: string[] };
      expect(rendered.pages).toBeGreaterThan(3);
      rendered.pageTexts.forEach((text, index) => {
        expect(text).toContain('ab'.repeat(32));
        expect(text).toContain(`pagina ${index + 1}/${rendered.pages}`);
      });
      expect(rendered.pageTexts[0]).toContain('Incident gemeld (cyberpesten), 2 betrokkenen, door directeur');
      expect(rendered.pageTexts.join(' ')).toContain('Bewijs toegevoegd (afbeelding)');
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
