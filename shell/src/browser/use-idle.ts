import { useEffect, useState } from 'react';

/**
 * Seconds left before `onIdle`, counting down while `active` and restarting at every touch,
 * tap or key anywhere on the page. Null while not active.
 */
export function useIdle(active: boolean, seconds: number, onIdle: () => void): number | null {
  const [left, setLeft] = useState<number | null>(active ? seconds : null);
  useEffect(() => {
    if (!active) {
      setLeft(null);
      return;
    }
    let deadline = Date.now() + seconds * 1000;
    setLeft(seconds);
    const touched = () => {
      deadline = Date.now() + seconds * 1000;
      setLeft(seconds);
    };
    const timer = setInterval(() => {
      const remaining = Math.ceil((deadline - Date.now()) / 1000);
      if (remaining <= 0) {
        clearInterval(timer);
        onIdle();
      } else setLeft(remaining);
    }, 250);
    const events = ['pointerdown', 'keydown', 'input'] as const;
    for (const e of events) window.addEventListener(e, touched, { capture: true });
    return () => {
      clearInterval(timer);
      for (const e of events) window.removeEventListener(e, touched, { capture: true });
    };
  }, [active, seconds, onIdle]);
  return left;
}
