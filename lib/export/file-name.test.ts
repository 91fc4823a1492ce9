import { describe, expect, it } from 'vitest';
import { contentDisposition, exportFileName } from './file-name';

describe('exportFileName', () => {
  it('keeps Finnish letters in the UTF-8 name and takes them off in the ASCII one', () => {
    expect(exportFileName('Tilauksesta laskuun – ”kevät” 😀', 'pdf')).toEqual({
      utf8: 'Tilauksesta laskuun – ”kevät” 😀.pdf',
      ascii: 'Tilauksesta laskuun - kevat.pdf',
    });
    expect(exportFileName('Åsa & Öberg: työpaja', 'md')).toEqual({
      utf8: 'Åsa - Öberg- työpaja.md',
      ascii: 'Asa - Oberg- tyopaja.md',
    });
  });

  it('drops path separators, line breaks and leading dots', () => {
    expect(exportFileName('../../etc/passwd', 'json').utf8).toBe('etc-passwd.json');
    expect(exportFileName('a\r\nContent-Type: x', 'pdf').ascii).toBe('a-Content-Type- x.pdf');
    expect(exportFileName('x'.repeat(200), 'zip').utf8).toBe(`${'x'.repeat(80)}.zip`);
  });

  it('falls back to "workshop" when nothing is left', () => {
    expect(exportFileName('😀', 'pdf')).toEqual({ utf8: '😀.pdf', ascii: 'workshop.pdf' });
    expect(exportFileName(' ... ', 'pdf').utf8).toBe('workshop.pdf');
  });
});

describe('contentDisposition', () => {
  it('gives an ASCII fallback and the UTF-8 name (RFC 6266 and 5987)', () => {
    expect(contentDisposition("Kevät (2) 'x'*", 'pdf')).toBe(
      'attachment; filename="Kevat (2) -x.pdf"; ' +
        "filename*=UTF-8''Kev%C3%A4t%20%282%29%20-x.pdf",
    );
  });

  it('is a valid header value (Latin-1 only, no quotes inside the quoted name)', () => {
    const value = contentDisposition('”Lainaus” \\ "x" 😀 ÅÄÖ', 'md');
    expect(value).toMatch(/^[\x20-\x7e]+$/);
    expect(value.match(/filename="([^"]*)"/)?.[1]).toBe('Lainaus - -x- - AAO.md');
  });
});
