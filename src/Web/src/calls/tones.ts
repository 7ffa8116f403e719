/**
 * The ringback a caller hears (425 Hz, 1 s on, 4 s off) and the ringtone of an incoming call
 * (two tones, twice a second, then a pause), made with WebAudio: no sound files to load.
 * A browser may keep audio silent until the person has interacted with the page; the screens
 * show the call either way.
 */
export class Tones {
  private context: AudioContext | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;

  ringback(): void {
    this.play(5_000, (context, at) => this.beep(context, at, 425, 1));
  }

  ringtone(): void {
    this.play(3_000, (context, at) => {
      for (const offset of [0, 0.4]) {
        this.beep(context, at + offset, 880, 0.25);
        this.beep(context, at + offset + 0.25, 660, 0.12);
      }
    });
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    void this.context?.close().catch(() => undefined);
    this.context = null;
  }

  private play(periodMs: number, pattern: (context: AudioContext, at: number) => void): void {
    this.stop();
    if (typeof AudioContext === 'undefined') return;
    const context = new AudioContext();
    this.context = context;
    const once = () => pattern(context, context.currentTime + 0.05);
    once();
    this.timer = setInterval(once, periodMs);
  }

  private beep(context: AudioContext, at: number, frequency: number, seconds: number): void {
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0.08, at);
    gain.gain.setValueAtTime(0, at + seconds);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(at);
    oscillator.stop(at + seconds);
  }
}
