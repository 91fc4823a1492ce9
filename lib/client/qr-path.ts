import QRCode from 'qrcode';

/** The dark modules of a QR code for `text` as one SVG path, plus its size in modules. */
export function qrPath(text: string): { size: number; d: string } {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  let d = '';
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (modules.data[row * modules.size + col]) d += `M${col} ${row}h1v1h-1z`;
    }
  }
  return { size: modules.size, d };
}
