/**
 * A ticket key such as WEB-123 (the contract's rule for sending `query_key`). On its own so the
 * command grammar, which every event loads, does not pull in the search and its YAML parser.
 */
export const TICKET_KEY = /^[A-Za-z][A-Za-z0-9_]*-\d+$/
