/** The timer's chime (public/sounds, made with sox), best format first. */
export const CHIME_SOURCES = [
  { src: '/sounds/chime.ogg', type: 'audio/ogg; codecs=vorbis' },
  { src: '/sounds/chime.mp3', type: 'audio/mpeg' },
] as const;

const CHIME_VOLUME = 0.8;

/**
 * Plays the chime from its sound file; where the file cannot play (no format the browser
 * plays, a failed load, no audio element) the same two tones are synthesised instead.
 * Resolves once one of them has started or both have failed.
 */
export async function playChime(): Promise<void> {
  try {
    const audio = new Audio();
    const source = CHIME_SOURCES.find((s) => audio.canPlayType(s.type) !== '');
    if (!source) throw new Error('no playable chime format');
    audio.src = source.src;
    audio.volume = CHIME_VOLUME;
    await audio.play();
  } catch {
    synthesisedChime();
  }
}

/** A short two-tone chime from WebAudio: no sound file to load. */
function synthesisedChime(): void {
  try {
    const ctx = new AudioContext();
    const tones = [880, 660];
    tones.forEach((hz, i) => {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.frequency.value = hz;
      const start = ctx.currentTime + i * 0.25;
      gain.gain.setValueAtTime(0.2, start);
      gain.gain.exponentialRampToValueAtTime(0.001, start + 0.4);
      osc.connect(gain).connect(ctx.destination);
      osc.start(start);
      osc.stop(start + 0.4);
    });
    setTimeout(() => void ctx.close(), 1000);
  } catch {
    // No audio (blocked autoplay, no device): the visual signal is enough.
  }
}
