import { KittyError } from '../errors.js'

/**
 * A value JSON can hold. JavaScript has one number type, so a number that is an integer is
 * written as a Python `int` (`1`, never `1.0`); only a number with a fractional part is written
 * as a Python `float` (`repr(float)`: `0.1`, `1e-05`). `-0` is the one exception: no Python
 * `int` is negative zero, so it is written as the float `-0.0`.
 */
export type JsonValue =
  null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue }

interface Style {
  /** `indent=2` (true) or the one-line default (false). */
  readonly pretty: boolean
  /** `ensure_ascii=True`: every character outside printable ASCII as `\uXXXX`. */
  readonly asciiOnly: boolean
}

/**
 * Byte-identical to Python's `json.dumps(value, indent=2, ensure_ascii=False, sort_keys=True)`
 * (no trailing newline). Throws KittyError for NaN, ±Infinity, lone UTF-16 surrogates (Python
 * could not write them as UTF-8) and anything that is not a JsonValue.
 */
export function pythonJsonPretty(value: JsonValue): string {
  return encode(value, { pretty: true, asciiOnly: false }, 0)
}

/**
 * Byte-identical to Python's `json.dumps(value, sort_keys=True)`: one line, separators `", "`
 * and `": "`, every non-ASCII character escaped as `\uXXXX` (astral ones as surrogate pairs).
 */
export function pythonJsonLine(value: JsonValue): string {
  return encode(value, { pretty: false, asciiOnly: true }, 0)
}

function encode(value: unknown, style: Style, depth: number): string {
  if (value === null) return 'null'
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false'
    case 'number':
      return pythonNumber(value)
    case 'string':
      return quote(value, style)
    case 'object':
      return Array.isArray(value)
        ? encodeArray(value, style, depth)
        : encodeObject(value, style, depth)
    default:
      throw notJson(`a value of type ${typeof value}`)
  }
}

function encodeArray(items: readonly unknown[], style: Style, depth: number): string {
  if (items.length === 0) return '[]'
  return wrap(
    '[',
    items.map(item => encode(item, style, depth + 1)),
    ']',
    style,
    depth
  )
}

function encodeObject(object: object, style: Style, depth: number): string {
  const prototype: unknown = Object.getPrototypeOf(object)
  if (prototype !== Object.prototype && prototype !== null) throw notJson('a non-plain object')
  const entries = Object.entries(object)
  if (entries.length === 0) return '{}'
  entries.sort(([a], [b]) => compareCodePoints(a, b))
  return wrap(
    '{',
    entries.map(([key, item]) => `${quote(key, style)}: ${encode(item, style, depth + 1)}`),
    '}',
    style,
    depth
  )
}

function wrap(open: string, parts: string[], close: string, style: Style, depth: number): string {
  if (!style.pretty) return `${open}${parts.join(', ')}${close}`
  const inner = '\n' + '  '.repeat(depth + 1)
  return `${open}${inner}${parts.join(',' + inner)}\n${'  '.repeat(depth)}${close}`
}

/** Python sorts `str` keys by code point; JavaScript's default sort uses UTF-16 code units. */
function compareCodePoints(a: string, b: string): number {
  const left = codePoints(a)
  const right = codePoints(b)
  const shared = Math.min(left.length, right.length)
  for (let index = 0; index < shared; index += 1) {
    const difference = (left[index] as number) - (right[index] as number)
    if (difference !== 0) return difference
  }
  return left.length - right.length
}

function codePoints(text: string): number[] {
  // A string iterator yields whole code points (or lone surrogates), never empty strings.
  return Array.from(text, char => char.codePointAt(0) as number)
}

const SHORT_ESCAPES: Readonly<Record<number, string>> = {
  0x08: '\\b',
  0x09: '\\t',
  0x0a: '\\n',
  0x0c: '\\f',
  0x0d: '\\r',
  0x22: '\\"',
  0x5c: '\\\\'
}

const LONE_SURROGATE = /\p{Cs}/u

function quote(text: string, style: Style): string {
  if (!style.asciiOnly && LONE_SURROGATE.test(text)) {
    throw new KittyError(
      'mission-invalid',
      'A ticket text holds a broken Unicode character (a lone surrogate) that cannot be written as UTF-8 JSON.'
    )
  }
  let quoted = '"'
  // Walking UTF-16 code units escapes an astral character as its surrogate pair, as Python does.
  for (let index = 0; index < text.length; index += 1) {
    const unit = text.charCodeAt(index)
    const plain =
      unit >= 0x20 && unit !== 0x22 && unit !== 0x5c && (!style.asciiOnly || unit < 0x7f)
    quoted += plain ? text.charAt(index) : escapeUnit(unit)
  }
  return quoted + '"'
}

function escapeUnit(unit: number): string {
  return SHORT_ESCAPES[unit] ?? `\\u${unit.toString(16).padStart(4, '0')}`
}

function pythonNumber(value: number): string {
  if (!Number.isFinite(value)) throw notJson(`the number ${value}`)
  if (Object.is(value, -0)) return '-0.0'
  if (Number.isInteger(value)) return BigInt(value).toString()
  return pythonFloatRepr(value)
}

/**
 * Python's `repr(float)` for a finite number with a fractional part: the shortest round-trip
 * digits (which `toExponential()` without an argument also yields), written in fixed notation
 * when the decimal point falls within -4 < point <= 16, else as `<digits>e-NN`.
 */
function pythonFloatRepr(value: number): string {
  const scientific = Math.abs(value).toExponential()
  const e = scientific.indexOf('e')
  const digits = scientific.slice(0, e).replace('.', '')
  const point = Number(scientific.slice(e + 1)) + 1
  const sign = value < 0 ? '-' : ''
  if (point > -4) {
    // Every double of 2^53 or more is an integer, so here point <= 16 and digits reach past it.
    return point > 0
      ? `${sign}${digits.slice(0, point)}.${digits.slice(point)}`
      : `${sign}0.${'0'.repeat(-point)}${digits}`
  }
  const lead = digits.length > 1 ? `${digits.charAt(0)}.${digits.slice(1)}` : digits
  return `${sign}${lead}e-${String(1 - point).padStart(2, '0')}`
}

function notJson(what: string): KittyError {
  return new KittyError(
    'internal',
    'kitty-origin tried to write a value JSON cannot hold; see the run log.',
    `Cannot serialise ${what} as JSON.`
  )
}
