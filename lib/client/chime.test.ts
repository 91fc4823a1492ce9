import { afterEach, describe, expect, it, vi } from 'vitest';
import { CHIME_SOURCES, playChime } from './chime';

/** A stand-in for the browser's audio element: records what it was asked to play. */
function fakeAudio(play: () => Promise<void>, canPlay: (type: string) => string) {
  const played: string[] = [];
  class FakeAudio {
    src = '';
    volume = 1;
    canPlayType = canPlay;
    play() {
      played.push(this.src);
      return play();
    }
  }
  return { FakeAudio, played };
}

/** Counts the tones the WebAudio fallback starts. */
function fakeAudioContext() {
  const tones: number[] = [];
  class FakeContext {
    currentTime = 0;
    destination = {};
    createOscillator() {
      const osc = {
        frequency: { value: 0 },
        connect: (x: unknown) => x,
        start: () => tones.push(osc.frequency.value),
        stop: () => undefined,
      };
      return osc;
    }
    createGain() {
      const ramp = () => undefined;
      return {
        gain: { setValueAtTime: ramp, exponentialRampToValueAtTime: ramp },
        connect: (x: unknown) => x,
      };
    }
    close() {
      return Promise.resolve();
    }
  }
  return { FakeContext, tones };
}

afterEach(() => vi.unstubAllGlobals());

describe('playChime', () => {
  it('plays the sound file, in a format the browser can play, and synthesises nothing', async () => {
    const { FakeAudio, played } = fakeAudio(
      () => Promise.resolve(),
      (type) => (type.includes('ogg') ? '' : 'maybe'),
    );
    const { FakeContext, tones } = fakeAudioContext();
    vi.stubGlobal('Audio', FakeAudio);
    vi.stubGlobal('AudioContext', FakeContext);
    await playChime();
    const mp3 = CHIME_SOURCES.find((s) => s.type === 'audio/mpeg')!;
    expect(played).toEqual([mp3.src]);
    expect(tones).toEqual([]);
  });

  it('falls back to the synthesised chime when the file cannot play', async () => {
    const { FakeAudio, played } = fakeAudio(
      () => Promise.reject(new Error('NotAllowedError')),
      () => 'probably',
    );
    const { FakeContext, tones } = fakeAudioContext();
    vi.stubGlobal('Audio', FakeAudio);
    vi.stubGlobal('AudioContext', FakeContext);
    await playChime();
    expect(played).toHaveLength(1);
    expect(tones).toEqual([880, 660]);
  });

  it('names sound files that exist in public/', async () => {
    const fs = await import('node:fs');
    for (const { src } of CHIME_SOURCES) expect(fs.existsSync(`public${src}`)).toBe(true);
  });
});
