import { describe, expect, it } from '@jest/globals'
import { KittyError } from '../../src/errors.js'
import { pythonJsonLine, pythonJsonPretty, type JsonValue } from '../../src/mission/python-json.js'

/**
 * Expected bytes come from CPython 3.11: `json.dumps(v, indent=2, ensure_ascii=False,
 * sort_keys=True)` (pretty) and `json.dumps(v, sort_keys=True)` (line), where `v` is the value
 * with every integer-valued float turned into an int (JavaScript cannot tell 1.0 from 1).
 */
const cases: { name: string; value: JsonValue; pretty: string; line: string }[] = [
  {
    name: 'nested objects and arrays',
    value: { b: { z: 1, a: [1, 2, { c: null }] }, a: true, c: false },
    pretty:
      '{\n  "a": true,\n  "b": {\n    "a": [\n      1,\n      2,\n      {\n        "c": null\n      }\n    ],\n    "z": 1\n  },\n  "c": false\n}',
    line: '{"a": true, "b": {"a": [1, 2, {"c": null}], "z": 1}, "c": false}'
  },
  {
    name: 'empty objects and arrays',
    value: { obj: {}, arr: [], nested: [[], {}], deep: { x: { y: [] } } },
    pretty:
      '{\n  "arr": [],\n  "deep": {\n    "x": {\n      "y": []\n    }\n  },\n  "nested": [\n    [],\n    {}\n  ],\n  "obj": {}\n}',
    line: '{"arr": [], "deep": {"x": {"y": []}}, "nested": [[], {}], "obj": {}}'
  },
  {
    name: 'an empty object alone',
    value: {},
    pretty: '{}',
    line: '{}'
  },
  {
    name: 'an empty array alone',
    value: [],
    pretty: '[]',
    line: '[]'
  },
  {
    name: 'unicode text',
    value: { text: 'Café é 日本語 😀', ключ: 'значение' },
    pretty: '{\n  "text": "Café é 日本語 😀",\n  "ключ": "значение"\n}',
    line: '{"text": "Caf\\u00e9 \\u00e9 \\u65e5\\u672c\\u8a9e \\ud83d\\ude00", "\\u043a\\u043b\\u044e\\u0447": "\\u0437\\u043d\\u0430\\u0447\\u0435\\u043d\\u0438\\u0435"}'
  },
  {
    name: 'control characters',
    value:
      'nul\u0000 soh\u0001 us\u001f del\u007f bs\u0008 ff\u000c nl\n cr\u000d tab\u0009 esc\u001b',
    pretty: '"nul\\u0000 soh\\u0001 us\\u001f del\u007f bs\\b ff\\f nl\\n cr\\r tab\\t esc\\u001b"',
    line: '"nul\\u0000 soh\\u0001 us\\u001f del\\u007f bs\\b ff\\f nl\\n cr\\r tab\\t esc\\u001b"'
  },
  {
    name: 'quotes and backslashes',
    value: { q: 'say "hi" \\ C:\\path\\ and /slash/ \'single\'' },
    pretty: '{\n  "q": "say \\"hi\\" \\\\ C:\\\\path\\\\ and /slash/ \'single\'"\n}',
    line: '{"q": "say \\"hi\\" \\\\ C:\\\\path\\\\ and /slash/ \'single\'"}'
  },
  {
    name: 'line and paragraph separators',
    value: 'a\u2028b\u2029c\u0085d\u00a0e',
    pretty: '"a\u2028b\u2029c\u0085d\u00a0e"',
    line: '"a\\u2028b\\u2029c\\u0085d\\u00a0e"'
  },
  {
    name: 'integers',
    value: [
      0, 1, -1, 42, 9007199254740991, -9007199254740991, 10000000000000000, 1000000000000000000000
    ],
    pretty:
      '[\n  0,\n  1,\n  -1,\n  42,\n  9007199254740991,\n  -9007199254740991,\n  10000000000000000,\n  1000000000000000000000\n]',
    line: '[0, 1, -1, 42, 9007199254740991, -9007199254740991, 10000000000000000, 1000000000000000000000]'
  },
  {
    name: 'floats',
    value: [
      1.5, 0.1, -0.1, 0.0001, 1e-5, 2.5e-7, 123456789.123, 1234567890123456.8, 0.30000000000000004,
      5e-324, -1.7e-300, 3.141592653589793, -0, 1e16, 1.7976931348623157e308
    ],
    pretty:
      '[\n  1.5,\n  0.1,\n  -0.1,\n  0.0001,\n  1e-05,\n  2.5e-07,\n  123456789.123,\n  1234567890123456.8,\n  0.30000000000000004,\n  5e-324,\n  -1.7e-300,\n  3.141592653589793,\n  -0.0,\n  10000000000000000,\n  179769313486231570814527423731704356798070567525844996598917476803157260780028538760589558632766878171540458953514382464234321326889464182768467546703537516986049910576551282076245490090389328944075868508455133942304583236903222948165808559332123348274797826204144723168738177180919299881250404026184124858368\n]',
    line: '[1.5, 0.1, -0.1, 0.0001, 1e-05, 2.5e-07, 123456789.123, 1234567890123456.8, 0.30000000000000004, 5e-324, -1.7e-300, 3.141592653589793, -0.0, 10000000000000000, 179769313486231570814527423731704356798070567525844996598917476803157260780028538760589558632766878171540458953514382464234321326889464182768467546703537516986049910576551282076245490090389328944075868508455133942304583236903222948165808559332123348274797826204144723168738177180919299881250404026184124858368]'
  },
  {
    name: 'null and booleans',
    value: [null, true, false],
    pretty: '[\n  null,\n  true,\n  false\n]',
    line: '[null, true, false]'
  },
  {
    name: 'a bare string',
    value: 'plain',
    pretty: '"plain"',
    line: '"plain"'
  },
  {
    name: 'key ordering',
    value: {
      b: 1,
      B: 2,
      a: 3,
      A: 4,
      é: 5,
      e: 6,
      '\uffff': 7,
      '😀': 8,
      '\ue000': 9,
      '10': 10,
      '9': 11,
      '': 12,
      'a b': 13,
      a_b: 14,
      'a-b': 15,
      Z: 16
    },
    pretty:
      '{\n  "": 12,\n  "10": 10,\n  "9": 11,\n  "A": 4,\n  "B": 2,\n  "Z": 16,\n  "a": 3,\n  "a b": 13,\n  "a-b": 15,\n  "a_b": 14,\n  "b": 1,\n  "e": 6,\n  "é": 5,\n  "\ue000": 9,\n  "\uffff": 7,\n  "😀": 8\n}',
    line: '{"": 12, "10": 10, "9": 11, "A": 4, "B": 2, "Z": 16, "a": 3, "a b": 13, "a-b": 15, "a_b": 14, "b": 1, "e": 6, "\\u00e9": 5, "\\ue000": 9, "\\uffff": 7, "\\ud83d\\ude00": 8}'
  }
]

describe('pythonJsonPretty', () => {
  it.each(cases)('writes $name exactly as Python indent=2 does', ({ value, pretty }) => {
    expect(pythonJsonPretty(value)).toBe(pretty)
  })

  it('accepts an object without a prototype', () => {
    const bare = Object.assign(Object.create(null) as Record<string, JsonValue>, { b: 1, a: 2 })
    expect(pythonJsonPretty(bare)).toBe('{\n  "a": 2,\n  "b": 1\n}')
  })

  it('refuses a lone surrogate, which Python could not write as UTF-8', () => {
    expect(() => pythonJsonPretty({ title: 'broken \ud800 text' })).toThrow(
      expect.objectContaining({ code: 'mission-invalid' })
    )
    expect(() => pythonJsonPretty({ 'key \udc00': 1 })).toThrow(KittyError)
  })
})

describe('pythonJsonLine', () => {
  it.each(cases)('writes $name exactly as Python json.dumps does', ({ value, line }) => {
    expect(pythonJsonLine(value)).toBe(line)
  })

  it('escapes lone surrogates as Python does', () => {
    expect(pythonJsonLine('a\ud800b\udc00')).toBe('"a\\ud800b\\udc00"')
    expect(pythonJsonLine({ 'k\udfff': 1 })).toBe('{"k\\udfff": 1}')
  })
})

describe('values JSON cannot hold', () => {
  it.each([
    ['NaN', NaN],
    ['Infinity', Infinity],
    ['-Infinity', -Infinity],
    ['undefined inside an object', { a: undefined } as unknown as JsonValue],
    ['a function', [(() => 1) as unknown as JsonValue]],
    ['a bigint', 1n as unknown as JsonValue],
    ['a Date', { when: new Date(0) as unknown as JsonValue }],
    ['a Map', new Map() as unknown as JsonValue]
  ])('refuses %s in both forms', (_name, value) => {
    for (const write of [pythonJsonPretty, pythonJsonLine]) {
      expect(() => write(value)).toThrow(expect.objectContaining({ code: 'internal' }))
    }
  })
})
