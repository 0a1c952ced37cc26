import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pdfFileName } from '../../../main/debrief/pdf-file-name';

describe('the suggested PDF name', () => {
  it('names the candidate and the job', () => {
    expect(pdfFileName('Ada Lovelace', 'Compiler Engineer')).toBe('Debrief - Ada Lovelace - Compiler Engineer.pdf');
    expect(pdfFileName('Ada Lovelace')).toBe('Debrief - Ada Lovelace.pdf');
    expect(pdfFileName('../../etc/passwd', 'a:b*c')).toBe('Debrief - etc passwd - a b c.pdf');
  });

  it('whatever the names, is one plain file name: no separator, no control, no leading dot, short', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary' }),
        fc.option(fc.string({ unit: 'binary' }), { nil: undefined }),
        (name, job) => {
          const file = pdfFileName(name, job);
          expect(file).toMatch(/^Debrief.*\.pdf$/);
          // Controls are exactly what this pattern looks for.
          // eslint-disable-next-line no-control-regex
          expect(file).not.toMatch(/[/\\:*?"<>|\u0000-\u001f\u007f-\u009f]/);
          expect(file.length).toBeLessThanOrEqual(124);
        },
      ),
    );
  });
});
