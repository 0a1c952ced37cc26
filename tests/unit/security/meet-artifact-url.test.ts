import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isAllowedExternalUrl, isMeetArtifactUrl } from '../../../main/security/url-policy';

/** Meet's recording, transcript and notes links open in the browser; nothing else on those hosts does. */
describe('isMeetArtifactUrl', () => {
  it('accepts the links Meet gives for a recording (Drive) and a transcript or notes (Docs)', () => {
    for (const ok of [
      'https://drive.google.com/file/d/1kuceFZohVoCh6FulBHxwy6I15Ogpc4hP/view',
      'https://docs.google.com/document/d/1kuceFZohVoCh6FulBHxwy6I15Ogpc4hP/view',
      'https://docs.google.com/document/d/1kuceFZohVoCh6FulBHxwy6I15Ogpc4hP/edit',
      'https://docs.google.com/document/d/1kuceFZohVoCh6FulBHxwy6I15Ogpc4hP',
    ]) {
      expect(isMeetArtifactUrl(ok), ok).toBe(true);
      expect(isAllowedExternalUrl(ok), ok).toBe(true);
    }
  });

  it('refuses other schemes, hosts, ports, paths, credentials and look-alikes', () => {
    for (const bad of [
      'http://drive.google.com/file/d/1kuceFZohVoCh6FulBHxwy6I15Ogpc4hP/view',
      'https://drive.google.com.evil.example/file/d/1kuceFZohVoCh6FulBHxwy6I15Ogpc4hP/view',
      'https://evil.example/file/d/1kuceFZohVoCh6FulBHxwy6I15Ogpc4hP/view',
      'https://drive.google.com:8443/file/d/1kuceFZohVoCh6FulBHxwy6I15Ogpc4hP/view',
      'https://user@drive.google.com/file/d/1kuceFZohVoCh6FulBHxwy6I15Ogpc4hP/view',
      'https://drive.google.com/drive/my-drive',
      'https://docs.google.com/spreadsheets/d/1kuceFZohVoCh6FulBHxwy6I15Ogpc4hP/edit',
      'https://drive.google.com/file/d/../../view',
      'https://drive.google.com/file/d/1kuceFZohVoCh6FulBHxwy6I15Ogpc4hP/view#x',
      'https://DRIVE.google.com/file/d/1kuceFZohVoCh6FulBHxwy6I15Ogpc4hP/view',
      'https://docs.google.com/document/d/short/view',
      'javascript:alert(1)',
    ]) {
      expect(isMeetArtifactUrl(bad), bad).toBe(false);
    }
    expect(isMeetArtifactUrl(42)).toBe(false);
    expect(isAllowedExternalUrl('https://drive.google.com/drive/my-drive')).toBe(false);
  });

  it('never accepts a string whose parsed host is not exactly Drive or Docs', () => {
    fc.assert(
      fc.property(fc.string(), (raw) => {
        if (!isMeetArtifactUrl(raw)) return;
        const host = new URL(raw).hostname;
        expect(['drive.google.com', 'docs.google.com']).toContain(host);
        expect(raw.startsWith(`https://${host}/`)).toBe(true);
      }),
    );
  });
});
