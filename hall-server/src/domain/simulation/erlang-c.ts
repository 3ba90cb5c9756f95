/**
 * Erlang C: the M/M/c queue. `arrivalsPerMin` λ, `meanServiceMin` 1/μ, `servers` c.
 * Erlang B by its stable recurrence, then C = c·B / (c − a(1 − B)).
 */
export function erlangCProbabilityOfWait(servers: number, offeredLoad: number): number {
  if (offeredLoad >= servers) return 1;
  let b = 1;
  for (let k = 1; k <= servers; k++) b = (offeredLoad * b) / (k + offeredLoad * b);
  return (servers * b) / (servers - offeredLoad * (1 - b));
}

/** Mean wait in queue Wq in minutes; Infinity when the load reaches the servers. */
export function erlangCMeanWaitMin(arrivalsPerMin: number, meanServiceMin: number, servers: number): number {
  if (arrivalsPerMin <= 0) return 0;
  const load = arrivalsPerMin * meanServiceMin;
  if (load >= servers) return Number.POSITIVE_INFINITY;
  const c = erlangCProbabilityOfWait(servers, load);
  return (c * meanServiceMin) / (servers - load);
}

/** P(wait > t) = C · exp(−(cμ − λ) t). */
export function erlangCWaitExceeds(arrivalsPerMin: number, meanServiceMin: number, servers: number, t: number): number {
  const load = arrivalsPerMin * meanServiceMin;
  if (load >= servers) return 1;
  return erlangCProbabilityOfWait(servers, load) * Math.exp(-((servers - load) / meanServiceMin) * t);
}
