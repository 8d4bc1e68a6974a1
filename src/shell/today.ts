// The shell reads the clock once and hands the date to the engine (which never does).
// NEEDLEPLAN_TODAY pins it for tests and reproducible reruns.
export function today(env: NodeJS.ProcessEnv = process.env): string {
  const pinned = env.NEEDLEPLAN_TODAY;
  if (pinned && /^\d{4}-\d{2}-\d{2}$/.test(pinned)) return pinned;
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Now, as an instant for output stamps (FHIR's Bundle.timestamp): the pinned day at
 * midnight UTC when NEEDLEPLAN_TODAY is set, so pinned reruns are byte-identical. */
export function nowInstant(env: NodeJS.ProcessEnv = process.env): string {
  const pinned = env.NEEDLEPLAN_TODAY;
  if (pinned && /^\d{4}-\d{2}-\d{2}$/.test(pinned)) return `${pinned}T00:00:00Z`;
  return new Date().toISOString();
}
