import { describe, expect, it } from 'vitest';
import { qrPath } from './qr-path';

describe('qrPath', () => {
  it('draws a square symbol with the three finder patterns in its corners', () => {
    const { size, d } = qrPath('http://localhost:3000/join/ABC234');
    expect(size).toBeGreaterThanOrEqual(21);
    expect((size - 17) % 4).toBe(0); // QR versions grow by 4 modules
    for (const [col, row] of [
      [0, 0],
      [size - 1, 0],
      [0, size - 1],
    ]) {
      expect(d).toContain(`M${col} ${row}h1v1h-1z`);
    }
    // The module just inside each finder's ring is light.
    expect(d).not.toContain('M1 1h1v1h-1z');
  });

  it('gives different codes for different links', () => {
    expect(qrPath('http://a.example/join/AAAAAA').d).not.toBe(
      qrPath('http://a.example/join/BBBBBB').d,
    );
  });
});
