/** Comment markdown as a person reads it on GitHub, for printing in a terminal. */

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' '
}

function decodeEntity(match: string, name: string): string {
  if (name.startsWith('#')) {
    const code =
      name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1))
    if (code === 0x200b) return ''
    return Number.isInteger(code) && code > 0 && code <= 0x10ffff
      ? String.fromCodePoint(code)
      : match
  }
  return ENTITIES[name] ?? match
}

/** Inline HTML tags GitHub renders as formatting only. */
const FORMATTING_TAGS = /<\/?(?:sub|sup|b|i|em|strong|kbd|p|br|details|summary)\b[^>]*>/gi

/**
 * The visible text of a comment: HTML comments (such as the bot's hidden state marker) and
 * formatting tags (`<sub>`, `<details>`, …) removed, entities decoded (zero-width spaces
 * dropped), markdown backslash escapes undone, trailing blank lines trimmed. Tables, lists and
 * links stay as written: they read well as text.
 */
export function plainText(markdown: string): string {
  return markdown
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(FORMATTING_TAGS, '')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/&(#\d+|#[xX][0-9a-fA-F]+|[a-z]+);/g, decodeEntity)
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

/** Every line of `text` indented by `spaces`, blank lines left empty. */
export function indent(text: string, spaces = 4): string {
  const pad = ' '.repeat(spaces)
  return text
    .split('\n')
    .map(line => (line === '' ? '' : `${pad}${line}`))
    .join('\n')
}
