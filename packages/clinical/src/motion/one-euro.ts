/**
 * The One Euro filter (Casiez, Roussel and Vogel, CHI 2012): a low-pass filter whose cutoff
 * rises with speed, so a still landmark is steadied and a moving one does not lag. One filter
 * smooths one number (one coordinate of one landmark).
 */

/** The filter's three settings. */
export interface OneEuroSettings {
  /** Cutoff frequency (Hz) when still: lower steadies more, but lags more. */
  readonly minCutoff: number;
  /** How much the cutoff rises per unit of speed: higher lags less when moving. */
  readonly beta: number;
  /** Cutoff frequency (Hz) of the speed estimate itself. */
  readonly derivativeCutoff: number;
}

/**
 * Engineering defaults (not from the paper, which leaves tuning to the application), chosen for
 * normalised image coordinates at 15–60 frames a second: 1 Hz when still, rising quickly with
 * speed so that a rep's turning point is not shaved off.
 */
export const defaultOneEuroSettings: OneEuroSettings & { readonly isDefault: true } = {
  minCutoff: 1,
  beta: 10,
  derivativeCutoff: 1,
  isDefault: true,
};

function smoothingFactor(cutoff: number, seconds: number): number {
  const tau = 1 / (2 * Math.PI * cutoff);
  return 1 / (1 + tau / seconds);
}

/** A One Euro filter for one number; feed it samples with increasing timestamps (seconds). */
export class OneEuroFilter {
  readonly #settings: OneEuroSettings;
  #value: number | undefined;
  #speed = 0;
  #seconds = 0;

  constructor(settings: OneEuroSettings = defaultOneEuroSettings) {
    this.#settings = settings;
  }

  /** Seconds of the last sample taken, or undefined before the first. */
  get lastSeconds(): number | undefined {
    return this.#value === undefined ? undefined : this.#seconds;
  }

  /** Forgets the past (after a long gap, smoothing across it would drag the value). */
  reset(): void {
    this.#value = undefined;
    this.#speed = 0;
  }

  /** The smoothed value of `value` sampled at `seconds`. A sample not after the last is ignored. */
  filter(value: number, seconds: number): number {
    if (this.#value === undefined) {
      this.#value = value;
      this.#seconds = seconds;
      return value;
    }
    const elapsed = seconds - this.#seconds;
    if (!(elapsed > 0)) return this.#value;
    const rawSpeed = (value - this.#value) / elapsed;
    this.#speed +=
      smoothingFactor(this.#settings.derivativeCutoff, elapsed) * (rawSpeed - this.#speed);
    const cutoff = this.#settings.minCutoff + this.#settings.beta * Math.abs(this.#speed);
    this.#value += smoothingFactor(cutoff, elapsed) * (value - this.#value);
    this.#seconds = seconds;
    return this.#value;
  }
}
