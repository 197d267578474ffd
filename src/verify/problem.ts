/** One thing wrong with a mission, and the line of its file it points at (1-based). */
export interface Problem {
  message: string
  line: number
  /** The file the problem is about, when it is not the mission's meta.json. */
  file?: string
}

/** The 1-based line of the first `"key":` in a JSON text; 1 when the key is not there. */
export function lineOfKey(text: string, key: string): number {
  const at = text.indexOf(`${JSON.stringify(key)}:`)
  return at < 0 ? 1 : text.slice(0, at).split('\n').length
}

/**
 * The 1-based line where `actual` first differs from `expected`; its last line when `actual` is
 * a prefix or the difference lies after its final newline.
 */
export function firstDifferentLine(actual: string, expected: string): number {
  const a = actual.split('\n')
  const b = expected.split('\n')
  const index = a.findIndex((line, at) => line !== b[at])
  const lastLine = Math.max(1, actual.endsWith('\n') ? a.length - 1 : a.length)
  return Math.min(index < 0 ? a.length : index + 1, lastLine)
}
