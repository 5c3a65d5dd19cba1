/**
 * The coach's two remembered choices, kept on this phone only: spoken cues (off unless the
 * patient turns them on) and the pose model (the quicker one unless they choose otherwise).
 */
import type { PoseModelChoice } from './pose-model.js';

const SPEECH_KEY = 'spinewise.coach.speech';
const MODEL_KEY = 'spinewise.coach.model';

function read(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // Private mode: remembered for this visit only.
  }
}

export function loadSpeech(): boolean {
  return read(SPEECH_KEY) === 'on';
}

export function saveSpeech(on: boolean): void {
  write(SPEECH_KEY, on ? 'on' : 'off');
}

export function loadModelChoice(): PoseModelChoice {
  return read(MODEL_KEY) === 'full' ? 'full' : 'lite';
}

export function saveModelChoice(choice: PoseModelChoice): void {
  write(MODEL_KEY, choice);
}

export function speechAvailable(): boolean {
  return typeof window !== 'undefined' && 'speechSynthesis' in window;
}

/** Says `text` aloud (replacing anything still being said), when speech is available. */
export function speak(text: string): void {
  if (!speechAvailable()) return;
  window.speechSynthesis.cancel();
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.rate = 0.95;
  window.speechSynthesis.speak(utterance);
}
