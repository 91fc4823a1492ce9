/** A short two-tone chime from WebAudio: no sound file to load. */
export function playChime(): void {
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
