/** Longest file name stem, in characters, before the extension. */
const STEM_MAX_CHARS = 80;

/** Characters no file system or browser is happy with in a name: separators, controls, wildcards. */
const UNSAFE = /[\p{C}\\/:*?"<>|#%;=&{}$!'`^~[\]]+/gu;

function tidy(stem: string, fallback: string): string {
  const clean = stem
    .replace(/\s+/g, ' ')
    .replace(/^[\s.-]+|[\s.-]+$/g, '')
    .slice(0, STEM_MAX_CHARS)
    .replace(/[\s.-]+$/g, '');
  return clean || fallback;
}

/**
 * A download's name from the workshop's title: `utf8` keeps the letters (Finnish and any
 * other) and drops what file systems refuse; `ascii` is the fallback for old clients,
 * with diacritics taken off (ä to a), curly quotes dropped and anything else non-ASCII
 * replaced by "-".
 */
export function exportFileName(title: string, extension: string): { utf8: string; ascii: string } {
  const utf8 = tidy(title.normalize('NFC').replace(UNSAFE, '-'), 'workshop');
  const ascii = tidy(
    utf8
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .replace(/[\p{Pi}\p{Pf}]/gu, '') // curly quotes
      .replace(/\p{Pd}/gu, '-') // dashes
      .replace(/[^A-Za-z0-9 ._()+,-]+/g, '-')
      .replace(/-{2,}/g, '-'),
    'workshop',
  );
  return { utf8: `${utf8}.${extension}`, ascii: `${ascii}.${extension}` };
}

/** RFC 5987 encoding of a UTF-8 value (encodeURIComponent leaves ' ( ) * unescaped). */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** `attachment; filename="…"; filename*=UTF-8''…` (RFC 6266) for a download of `title`. */
export function contentDisposition(title: string, extension: string): string {
  const { utf8, ascii } = exportFileName(title, extension);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(utf8)}`;
}
