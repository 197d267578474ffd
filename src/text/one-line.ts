/**
 * The one sanitiser for text that came from outside (the Spec Kitty SaaS, a tracker) and is
 * written where a line is expected: a commit message, a PR title, a branch name, an output, a
 * comment. Shared so that every exit applies the same rule.
 */

/**
 * Line breaks and other separators (become spaces), C0/C1 controls, and format characters:
 * bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069), marks (U+200E, U+200F,
 * U+061C), zero-width characters (U+200B–U+200D, U+2060, U+FEFF) and the rest of `\p{Cf}`.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu

/** True when the text holds a control, bidirectional or zero-width character, or a line break. */
export function hasInvisible(text: string): boolean {
  return new RegExp(INVISIBLE.source, 'u').test(text)
}

/**
 * `text` as one clean line: every control, bidirectional-override and zero-width character
 * removed (line breaks and tabs become spaces), whitespace collapsed, trimmed, and at most `max`
 * characters (ending in `…` when cut, never splitting a surrogate pair).
 */
export function oneLine(text: string, max = Number.POSITIVE_INFINITY): string {
  const line = text
    .replace(/[\t\n\r\v\f\u0085\u2028\u2029]/g, ' ')
    .replace(INVISIBLE, '')
    .replace(/\s+/g, ' ')
    .trim()
  if (line.length <= max) return line
  let cut = Math.max(0, max - 1)
  if (/[\uD800-\uDBFF]/.test(line.charAt(cut - 1))) cut -= 1
  return `${line.slice(0, cut).trimEnd()}…`
}
