import {
  attachmentDisposition,
  contentMatchesType,
  isAllowedMediaType,
  normaliseMediaType,
  sanitiseFileName,
} from './document-checks';

describe('document checks', () => {
  it('keeps only the base name, without control or direction-override characters, at most 200 characters', () => {
    expect(sanitiseFileName('../../etc/passwd')).toBe('passwd');
    expect(sanitiseFileName('C:\\Users\\jan\\cv.pdf')).toBe('cv.pdf');
    expect(sanitiseFileName('brief\u0000\u0007\r\n.pdf')).toBe('brief.pdf');
    expect(sanitiseFileName('factuur\u202Efdp.exe')).toBe('factuurfdp.exe');
    expect(sanitiseFileName('..')).toBe('document');
    expect(sanitiseFileName('   ')).toBe('document');
    expect([...sanitiseFileName('é'.repeat(300))]).toHaveLength(200);
  });

  it('recognises content by its signature, not by its label', () => {
    expect(contentMatchesType('application/pdf', Buffer.from('%PDF-1.7'))).toBe(true);
    expect(contentMatchesType('application/pdf', Buffer.from('%PDX-1.7'))).toBe(false);
    expect(contentMatchesType('image/jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xdb]))).toBe(true);
    expect(contentMatchesType('image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47]))).toBe(false);
    expect(
      contentMatchesType('application/vnd.oasis.opendocument.text', Buffer.from('PK\u0003\u0004rest')),
    ).toBe(true);
    expect(contentMatchesType('text/plain', Buffer.from('héél gewoon', 'utf8'))).toBe(true);
    expect(contentMatchesType('text/plain', Buffer.from([0xc3, 0x28]))).toBe(false);
    expect(contentMatchesType('text/plain', Buffer.from('a\u0000b'))).toBe(false);
    expect(contentMatchesType('text/html', Buffer.from('<p>'))).toBe(false);
  });

  it('reads the declared media type without its parameters', () => {
    expect(normaliseMediaType('Text/Plain; charset=UTF-8')).toBe('text/plain');
    expect(isAllowedMediaType('text/plain')).toBe(true);
    expect(isAllowedMediaType('application/zip')).toBe(false);
    expect(isAllowedMediaType('constructor')).toBe(false);
  });

  it('offers the file as an attachment with an ASCII fallback and the exact name per RFC 5987', () => {
    expect(attachmentDisposition('cv "Jan".pdf')).toBe(
      `attachment; filename="cv _Jan_.pdf"; filename*=UTF-8''cv%20%22Jan%22.pdf`,
    );
    expect(attachmentDisposition("l'été (1).txt")).toBe(
      `attachment; filename="l'_t_ (1).txt"; filename*=UTF-8''l%27%C3%A9t%C3%A9%20%281%29.txt`,
    );
  });
});
