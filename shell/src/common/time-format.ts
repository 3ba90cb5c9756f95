/** Times as a terminal says them, in the hall's zone: 13:30 today, 明天 08:30, 12月7日（周一）08:30 later. */
export function reopening(at: number, now: number, timeZone: string): string {
  const day = (t: number) =>
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(t);
  const time = new Intl.DateTimeFormat('zh-CN', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
  if (day(at) === day(now)) return time;
  if (day(at) === day(now + 86_400_000)) return `明天 ${time}`;
  const date = new Intl.DateTimeFormat('zh-CN', { timeZone, month: 'long', day: 'numeric' }).format(at);
  const weekday = new Intl.DateTimeFormat('zh-CN', { timeZone, weekday: 'short' }).format(at);
  return `${date}（${weekday}）${time}`;
}

export function clock(now: number, timeZone: string): { date: string; time: string } {
  return {
    date: new Intl.DateTimeFormat('zh-CN', { timeZone, month: 'long', day: 'numeric', weekday: 'short' }).format(now),
    time: new Intl.DateTimeFormat('zh-CN', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
      now,
    ),
  };
}
