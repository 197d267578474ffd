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

const WHITESPACE_CLASS = `[${String.fromCodePoint(...PYTHON_WHITESPACE)}]`
/** Python's `re.split(r"\n\s*\n", body)`: a blank line (whitespace only) between two newlines. */
const PARAGRAPH_BREAK = new RegExp(`\n${WHITESPACE_CLASS}*\n`, 'u')

/**
 * A ticket body's paragraphs, each with its whitespace collapsed, blank ones left out: spec-kitty's
 * `re.split(r"\n\s*\n", body)` then `" ".join(chunk.split())` (`tracker/origin.py`).
 */
export function paragraphs(body: string): string[] {
  return body
    .split(PARAGRAPH_BREAK)
    .map(collapseWhitespace)
    .filter(paragraph => paragraph !== '')
}

/** Python's `len(text)`: the number of code points. */
export function codePointLength(text: string): number {
  return Array.from(text).length
}
