import { useEffect, useState } from 'react';

/** The time, moving on every `everyMs`: clocks and "waited so far" on screens that stay up all day. */
export function useNow(everyMs: number): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
