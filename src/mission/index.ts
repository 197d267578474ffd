/** The pure mission module: names, meta.json, status.events.jsonl, spec.md and the file set of a new mission. */
export * from './files.js'
export * from './meta.js'
export * from './names.js'
export * from './python-json.js'
export * from './spec.js'
export * from './status-events.js'
export * from './timestamps.js'
