/** The characters Python's `str.split()` treats as whitespace (`str.isspace()`). */
const PYTHON_WHITESPACE = new Set<number>([
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1c, 0x1d, 0x1e, 0x1f, 0x20, 0x85, 0xa0, 0x1680, 0x2000, 0x2001,
  0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f,
  0x205f, 0x3000
])

/** Python's `text.split()`: the words between runs of whitespace, never an empty word. */
export function pythonSplit(text: string): string[] {
  const words: string[] = []
  let word = ''
  for (const char of text) {
    if (PYTHON_WHITESPACE.has(char.charCodeAt(0))) {
      if (word !== '') words.push(word)
      word = ''
    } else {
      word += char
    }
  }
  if (word !== '') words.push(word)
  return words
}

/** Python's `" ".join(text.split())`, as spec-kitty normalises names and summaries. */
export function collapseWhitespace(text: string): string {
  return pythonSplit(text).join(' ')
}

/**
 * The first paragraph of a ticket body (lines up to the first blank line, after skipping
 * leading blank lines), whitespace collapsed; `''` when the body holds no text.
 */
export function firstParagraph(body: string): string {
  const paragraph: string[] = []
  for (const line of body.split(/\r\n|\r|\n/)) {
    const blank = pythonSplit(line).length === 0
    if (blank && paragraph.length > 0) break
    if (!blank) paragraph.push(line)
  }
  return collapseWhitespace(paragraph.join(' '))
}
