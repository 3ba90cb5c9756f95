import { useRef } from 'react';

/** Five taps within three seconds on the hall's name: the staff's way to the PIN, not a control for citizens. */
export function useSecretTaps(onSecret: () => void): () => void {
  const taps = useRef<number[]>([]);
  return () => {
    const t = Date.now();
    taps.current = [...taps.current.filter((x) => t - x < 3000), t];
    if (taps.current.length >= 5) {
      taps.current = [];
      onSecret();
    }
  };
}
