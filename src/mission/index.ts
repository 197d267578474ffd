/**
 * The pure mission module, the bottom layer: names, meta.json, status.events.jsonl, status.json,
 * spec.md, the file set of a new mission, and the ticket types they need.
 */
export * from './files.js'
export * from './meta.js'
export * from './names.js'
export * from './python-json.js'
export * from './rules.js'
export * from './spec.js'
export * from './status-events.js'
export * from './status.js'
export * from './ticket.js'
export * from './timestamps.js'
