/** Reads a PDF back with pdf.js (Mozilla's PDF reader), for tests. */
import { getDocument, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface ReadPdf {
  pages: number;
  /** Each page's text, its pieces joined by spaces and runs of white space folded. */
  text: string[];
  info: Record<string, unknown>;
}

export async function readPdf(bytes: Uint8Array): Promise<ReadPdf> {
  const pdf = await getDocument({
    data: new Uint8Array(bytes), // pdf.js takes ownership of the buffer it is given
    verbosity: VerbosityLevel.ERRORS,
    useSystemFonts: false,
    isEvalSupported: false,
  }).promise;
  try {
    const text: string[] = [];
    for (let i = 1; i <= pdf.numPages; i++) {
      const content = await (await pdf.getPage(i)).getTextContent();
      const pieces = content.items.map((item) => ('str' in item ? item.str : ''));
      text.push(pieces.join(' ').replace(/\s+/g, ' '));
    }
    const { info } = await pdf.getMetadata();
    return { pages: pdf.numPages, text, info: info as Record<string, unknown> };
  } finally {
    await pdf.destroy();
  }
}
