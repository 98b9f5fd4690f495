/**
 * Structured JSON logs. Callers pass ids and counts only: never tokens, URLs with query
 * strings, document content or names of people.
 */
type Level = 'info' | 'warn' | 'error'

const quiet = process.env.LOG_LEVEL === 'silent'

export const log = (level: Level, msg: string, fields: Record<string, unknown> = {}): void => {
  if (quiet && level !== 'error') return
  const line = JSON.stringify({ t: new Date().toISOString(), level, msg, ...fields })
  if (level === 'error') process.stderr.write(line + '\n')
  else process.stdout.write(line + '\n')
}
