/**
 * The player's signals when a timer ends: a short tone (Web Audio) and a vibration
 * (`navigator.vibrate`, where the phone has it). Either can be turned off; the choice is
 * remembered on this phone.
 */
import { useCallback, useState } from 'react';

export interface FeedbackSettings {
  readonly sound: boolean;
  readonly vibration: boolean;
}

const STORAGE_KEY = 'spinewise.player.feedback';
const defaults: FeedbackSettings = { sound: true, vibration: true };

export function loadFeedbackSettings(): FeedbackSettings {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (stored === null) return defaults;
    const parsed = JSON.parse(stored) as Partial<FeedbackSettings>;
    return {
      sound: typeof parsed.sound === 'boolean' ? parsed.sound : defaults.sound,
      vibration: typeof parsed.vibration === 'boolean' ? parsed.vibration : defaults.vibration,
    };
  } catch {
    return defaults;
  }
}

function saveFeedbackSettings(settings: FeedbackSettings): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(settings));
  } catch {
    // Private mode or a full disk: the choice holds for this visit only.
  }
}

export function useFeedbackSettings(): [FeedbackSettings, (next: FeedbackSettings) => void] {
  const [settings, setSettings] = useState(loadFeedbackSettings);
  const update = useCallback((next: FeedbackSettings) => {
    saveFeedbackSettings(next);
    setSettings(next);
  }, []);
  return [settings, update];
}

let context: AudioContext | undefined;

/** A short, soft tone. Silently does nothing where Web Audio is missing or blocked. */
export function playTone(): void {
  try {
    const Context = window.AudioContext as typeof AudioContext | undefined;
    if (Context === undefined) return;
    context ??= new Context();
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.value = 660;
    gain.gain.setValueAtTime(0.15, context.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.001, context.currentTime + 0.4);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start();
    oscillator.stop(context.currentTime + 0.4);
  } catch {
    // No sound is better than a broken player.
  }
}

export function vibrate(): void {
  if (typeof navigator.vibrate === 'function') navigator.vibrate(200);
}

/** The signal for a timer's end, as the patient chose. */
export function signal(settings: FeedbackSettings): void {
  if (settings.sound) playTone();
  if (settings.vibration) vibrate();
}
