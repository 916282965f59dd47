import { useEffect, useState } from 'react';

// The current time for views whose state follows the clock (a clock turning "at risk" while
// the panel sits open): re-read every `everyMs`, and when the page becomes visible again.

export function useNow(everyMs = 30_000, initial?: number): number {
  const [now, setNow] = useState(() => initial ?? Date.now());
  useEffect(() => {
    const tick = () => setNow(Date.now());
    const timer = setInterval(tick, everyMs);
    document.addEventListener('visibilitychange', tick);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', tick);
    };
  }, [everyMs]);
  return now;
}
