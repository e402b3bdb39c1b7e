/** Says a call aloud in Mandarin, twice, as calling systems in the halls do. */
export function announce(text: string): void {
  if (typeof window === 'undefined' || !('speechSynthesis' in window)) return;
  for (let i = 0; i < 2; i++) {
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = 'zh-CN';
    utterance.rate = 0.9;
    window.speechSynthesis.speak(utterance);
  }
}

/** A browser speaks only after a person has touched the page once; this primes it. */
export function unlockSpeech(): void {
  if (!('speechSynthesis' in window)) return;
  const silent = new SpeechSynthesisUtterance(' ');
  silent.lang = 'zh-CN';
  silent.volume = 0;
  window.speechSynthesis.speak(silent);
}

export const canSpeak = () => typeof window !== 'undefined' && 'speechSynthesis' in window;
