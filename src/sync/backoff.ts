/**
 * Reconnect delay with "equal jitter": half fixed, half random, so a hundred phones that lost
 * the same cell tower do not all knock on the relay at the same moment.
 */
export const backoffDelay = (
  attempt: number,
  random: () => number = Math.random,
  baseMs = 500,
  maxMs = 30_000,
): number => {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(attempt, 16))
  return ceiling / 2 + (random() * ceiling) / 2
}
