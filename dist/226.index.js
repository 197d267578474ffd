export const id = 226;
export const ids = [226];
export const modules = {

/***/ 226:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runBot: () => (/* binding */ runBot)
});

// UNUSED EXPORTS: botContext

// EXTERNAL MODULE: ./src/runner-io.ts + 1 modules
var runner_io = __webpack_require__(8984);
// EXTERNAL MODULE: ./node_modules/ulid/dist/node/index.js
var node = __webpack_require__(4125);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 14 modules
var schemas = __webpack_require__(5586);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/origin/models.ts
var models = __webpack_require__(6710);
// EXTERNAL MODULE: ./src/chatops/escape.ts
var chatops_escape = __webpack_require__(3519);
// EXTERNAL MODULE: ./src/chatops/grammar.ts
var grammar = __webpack_require__(5095);
;// CONCATENATED MODULE: ./src/chatops/state.ts
/**
 * The candidate list's state, carried in the bot's comment as a versioned, HMAC-signed marker
 * (DESIGN §4), and the keyed derivations that hang off the state key (DESIGN §2).
 */






/** How long a candidate list can be confirmed by default: 24 hours. */
const DEFAULT_STATE_TTL_MS = (/* unused pure expression or super */ null && (24 * 60 * 60 * 1000));
/** The longest marker `encodeStateMarker` produces, so a comment always has room for its text. */
const MAX_MARKER_LENGTH = 40_000;
const MARKER_OPEN = '<!-- kitty-origin:state ';
const MARKER_CLOSE = ' -->';
const MARKER_SHAPE = /^<!-- kitty-origin:state (\S+) ([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+) -->$/;
const TITLE_MAX = 300;
const STATUS_MAX = 100;
const URL_MAX = 2048;
/** One candidate as remembered by the list (display fields only; confirm re-fetches the ticket). */
const StateCandidate = schemas/* strictObject */.rej({
    external_issue_id: schemas/* string */.YjP().min(1).max(256),
    external_issue_key: schemas/* string */.YjP().min(1).max(256),
    title: schemas/* string */.YjP().max(TITLE_MAX),
    status: schemas/* string */.YjP().max(STATUS_MAX),
    url: schemas/* string */.YjP().max(URL_MAX),
    match_type: schemas/* enum */.k5n(['exact', 'text'])
});
/** The signed state of one candidate list: who asked what, where, what was found, and its fate. */
const CandidateState = schemas/* strictObject */.rej({
    v: schemas/* literal */.euz(1),
    repo: schemas/* string */.YjP().regex(/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/),
    issue: schemas/* number */.aig().int().positive(),
    requester: schemas/* string */.YjP().min(1).max(100),
    query: schemas/* string */.YjP().min(1).max(grammar/* MAX_QUERY_LENGTH */.H4),
    provider: models/* Provider */.Kq,
    routing: schemas/* union */.KCZ([
        schemas/* strictObject */.rej({ binding_ref: schemas/* string */.YjP().min(1) }),
        schemas/* strictObject */.rej({ project_slug: schemas/* string */.YjP().min(1) })
    ]),
    resource_type: schemas/* string */.YjP().max(256),
    resource_id: schemas/* string */.YjP().max(256),
    candidates: schemas/* array */.YOg(StateCandidate).max(50),
    nonce: schemas/* string */.YjP().regex(/^[A-Za-z0-9_-]{22,128}$/),
    created_at: schemas/* number */.aig().int().nonnegative(),
    expires_at: schemas/* number */.aig().int().nonnegative(),
    status: schemas/* enum */.k5n(['open', 'consumed', 'cancelled']),
    pull_request: schemas/* strictObject */.rej({ number: schemas/* number */.aig().int().positive(), url: schemas/* string */.YjP().max(URL_MAX) })
        .optional(),
    mission_slug: schemas/* string */.YjP().min(1).max(200).optional()
});
/** A fresh random nonce: 16 bytes, base64url. */
function createNonce(random = external_node_crypto_.randomBytes) {
    return random(16).toString('base64url');
}
/**
 * A search candidate shaped for the state: the optional body is dropped, title and status are
 * shortened, and a URL too long to remember is left out (the confirm re-fetches it anyway).
 */
function stateCandidate(candidate) {
    return {
        external_issue_id: candidate.external_issue_id,
        external_issue_key: candidate.external_issue_key,
        title: (0,chatops_escape/* truncate */.xv)(candidate.title, TITLE_MAX),
        status: (0,chatops_escape/* truncate */.xv)(candidate.status, STATUS_MAX),
        url: candidate.url.length > URL_MAX ? '' : candidate.url,
        match_type: candidate.match_type
    };
}
/**
 * The 32-byte state key, from `stateSecret` when given, else from `saasToken`, through HKDF with a
 * fixed label so the raw secret is never the key itself. Rotating the source secret invalidates
 * every open candidate list.
 */
function deriveStateKey(secrets) {
    const source = secrets.stateSecret?.trim() ? secrets.stateSecret : secrets.saasToken;
    if (source === '') {
        throw new errors/* KittyError */.s('input-invalid', 'Set the state-secret or saas-token input so kitty-origin can sign its candidate lists.');
    }
    return Buffer.from((0,external_node_crypto_.hkdfSync)('sha256', source, 'kitty-origin', 'candidate-state-key v1', 32));
}
/**
 * The 80 random bits of a mission's ULID: an HMAC under the state key over the list's nonce and
 * the chosen ticket, so every confirm of one list and one ticket names the same mission.
 */
function missionRandomBits(key, nonce, externalIssueId) {
    const message = JSON.stringify(['kitty-origin mission-id v1', nonce, externalIssueId]);
    return new Uint8Array((0,external_node_crypto_.createHmac)('sha256', key).update(message).digest().subarray(0, 10));
}
function sign(payload, key) {
    return (0,external_node_crypto_.createHmac)('sha256', key).update(payload).digest('base64url');
}
/**
 * The state as an HTML comment `<!-- kitty-origin:state v1 <payload>.<signature> -->`: the payload
 * is base64url JSON, the signature an HMAC-SHA256 of the payload's exact characters. Throws
 * KittyError `internal` for a state that does not validate or would not fit in a comment.
 */
function encodeStateMarker(state, key) {
    const parsed = CandidateState.safeParse(state);
    if (!parsed.success) {
        throw new errors/* KittyError */.s('internal', 'kitty-origin built an invalid candidate list; see the run log.', parsed.error.message);
    }
    const payload = Buffer.from(JSON.stringify(parsed.data), 'utf8').toString('base64url');
    const marker = `${MARKER_OPEN}v1 ${payload}.${sign(payload, key)}${MARKER_CLOSE}`;
    if (marker.length > MAX_MARKER_LENGTH) {
        throw new errors/* KittyError */.s('internal', 'The candidate list is too large to post; search with a narrower query.', `marker of ${marker.length} characters`);
    }
    return marker;
}
/** The last state marker of a comment body, or null when there is none or it is unfinished. */
function findStateMarker(body) {
    const start = body.lastIndexOf(MARKER_OPEN);
    if (start < 0)
        return null;
    const end = body.indexOf(MARKER_CLOSE, start + MARKER_OPEN.length);
    return end < 0 ? null : body.slice(start, end + MARKER_CLOSE.length);
}
/**
 * Reads and verifies the state in a comment body. Checks, in order: a marker is there and well
 * formed, its version is supported, the signature is valid (constant-time), the payload is a valid
 * state, and it belongs to `expect.repo` (case-insensitive, as GitHub names are) and
 * `expect.issue` and has not expired. Whether it is still `open` is for the caller to judge.
 * Never throws, whatever the body.
 */
function decodeStateMarker(body, key, expect) {
    const marker = findStateMarker(body);
    if (marker === null)
        return reject(body.includes(MARKER_OPEN) ? 'malformed' : 'absent');
    const [, version = '', payload = '', signature = ''] = MARKER_SHAPE.exec(marker) ?? [];
    if (version === '')
        return reject('malformed');
    if (version !== 'v1')
        return reject(/^v\d+$/.test(version) ? 'unsupported-version' : 'malformed');
    if (!signatureMatches(signature, sign(payload, key)))
        return reject('bad-signature');
    const parsed = CandidateState.safeParse(parseJson(Buffer.from(payload, 'base64url')));
    if (!parsed.success)
        return reject('malformed');
    const state = parsed.data;
    if (state.repo.toLowerCase() !== expect.repo.toLowerCase())
        return reject('wrong-repo');
    if (state.issue !== expect.issue)
        return reject('wrong-issue');
    if (expect.nowMs >= state.expires_at)
        return reject('expired');
    return { ok: true, state };
}
function reject(reason) {
    return { ok: false, reason };
}
/** Compares the base64url strings, so a non-canonical encoding of the right bytes fails too. */
function signatureMatches(given, expected) {
    const a = Buffer.from(given, 'latin1');
    const b = Buffer.from(expected, 'latin1');
    return a.length === b.length && (0,external_node_crypto_.timingSafeEqual)(a, b);
}
function parseJson(bytes) {
    try {
        return JSON.parse(bytes.toString('utf8'));
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./src/chatops/render.ts

const PROVIDER_NAMES = { jira: 'Jira', linear: 'Linear' };
const EXAMPLE_KEYS = { jira: 'PROJ-7', linear: 'WEB-123' };
function command(prefix, rest) {
    return (0,chatops_escape/* escapeCodeSpan */.Hs)(`${prefix} ${rest}`);
}
function scope(state, scopeLabel) {
    return [PROVIDER_NAMES[state.provider], (0,chatops_escape/* escapeInline */.VV)(scopeLabel, 120)]
        .filter(part => part !== '')
        .join(' ');
}
function heading(state, scopeLabel) {
    return `**Tickets matching ${(0,chatops_escape/* escapeInline */.VV)(state.query, 300)} in ${scope(state, scopeLabel)}**`;
}
function candidateTable(candidates) {
    const rows = candidates.map((candidate, i) => `| ${i + 1} | ${(0,chatops_escape/* markdownLink */.iQ)(candidate.external_issue_key, candidate.url, 64)} | ` +
        `${(0,chatops_escape/* escapeInline */.VV)(candidate.title, 120)} | ${(0,chatops_escape/* escapeInline */.VV)(candidate.status, 40)} | ` +
        `${candidate.match_type} |`);
    return ['| # | ticket | title | status | match |', '|--:|---|---|---|---|', ...rows].join('\n');
}
function utcMinute(epochMs) {
    return `${new Date(epochMs).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
function prLink(number, url) {
    const href = (0,chatops_escape/* safeUrl */.Pl)(url);
    return href === null ? `PR #${number}` : `[PR #${number}](${href})`;
}
/** Paragraphs joined by blank lines, the marker last, kept under GitHub's size limit. */
function comment(paragraphs, marker) {
    return (0,chatops_escape/* capComment */.W2)([...paragraphs, marker].join('\n\n'));
}
/**
 * The candidate list: a heading naming the query and scope, a table of the candidates and how to
 * confirm or cancel with the configured prefix, then the marker. With no candidates it says so and
 * suggests another query; the marker is still posted, so this empty list is the newest one in the
 * issue and a later confirm cannot reach back to an older list.
 */
function renderCandidateComment(input) {
    const { state, marker, prefix, scopeLabel } = input;
    if (state.candidates.length === 0) {
        const example = EXAMPLE_KEYS[state.provider];
        return comment([
            `**No tickets match ${(0,chatops_escape/* escapeInline */.VV)(state.query, 300)} in ${scope(state, scopeLabel)}.**`,
            `Try other words or a ticket key, for example ${command(prefix, 'start-from "other words"')} ` +
                `or ${command(prefix, `start-from ${example}`)}.`
        ], marker);
    }
    const reply = state.candidates.length === 1
        ? `Reply ${command(prefix, 'confirm 1')} to start a mission from it, or ${command(prefix, 'cancel')}.`
        : `Reply ${command(prefix, 'confirm 1')} (or another row number) to start a mission from ` +
            `that ticket, or ${command(prefix, 'cancel')}.`;
    return comment([
        heading(state, scopeLabel),
        candidateTable(state.candidates),
        `${reply}\n<sub>This list can be confirmed until ${utcMinute(state.expires_at)}.</sub>`
    ], marker);
}
/** The candidate list after a confirm: the same table and a line naming the mission and its PR. */
function renderConsumedCandidateComment(input) {
    const { state, marker, scopeLabel } = input;
    const pr = prLink(state.pull_request.number, state.pull_request.url);
    return comment([
        heading(state, scopeLabel),
        candidateTable(state.candidates),
        `✅ Mission ${(0,chatops_escape/* escapeCodeSpan */.Hs)(state.mission_slug)} started → ${pr}`
    ], marker);
}
/** The candidate list after a cancel: the same table, marked closed, with how to start again. */
function renderCancelledCandidateComment(input) {
    const { state, marker, prefix, scopeLabel } = input;
    return comment([
        heading(state, scopeLabel),
        candidateTable(state.candidates),
        `❎ Cancelled. Start again with ${command(prefix, 'start-from <ticket key or words>')}.`
    ], marker);
}
/** Usage of every command with the configured prefix, led by what was wrong when there was a problem. */
function renderHelp(prefix, problem) {
    const lines = [
        '**kitty-origin commands**',
        [
            `- ${command(prefix, 'start-from WEB-123')}: find a ticket by its key; ` +
                `${command(prefix, 'start-from linear:WEB-123')} or ${command(prefix, 'start-from jira:PROJ-7')} ` +
                'names the tracker.',
            `- ${command(prefix, 'start-from "Clerk auth"')}: find tickets by words.`,
            `- ${command(prefix, 'confirm 2')} or ${command(prefix, 'confirm WEB-127')}: start a mission ` +
                'from that ticket of the newest list.',
            `- ${command(prefix, 'cancel')}: close the open list.`,
            `- ${command(prefix, 'help')}: show this help.`
        ].join('\n'),
        'Write the command at the start of a line, outside code blocks and quotes; ' +
            'only the first command in a comment counts.'
    ];
    const intro = problem === undefined ? [] : [`⚠️ ${(0,chatops_escape/* escapeInline */.VV)(problem, 500)}`];
    return [...intro, ...lines].join('\n\n');
}
/** The reply to someone whose repository permission is below `needed`; it does not ping them. */
function renderDenied(login, needed) {
    return (`🔒 ${(0,chatops_escape/* escapeInline */.VV)(`@${login}`, 100)}, kitty-origin commands need ` +
        `**${(0,chatops_escape/* escapeInline */.VV)(needed, 20)}** permission on this repository or higher. ` +
        'Ask someone with that access to run the command.');
}
/** The reply when a command failed: the one-sentence cause and a link to the run's log. */
function renderFailure(message, runUrl) {
    return (`😕 kitty-origin could not finish: ${(0,chatops_escape/* escapeInline */.VV)(message, 1000)}\n\n` +
        `Details are in the ${(0,chatops_escape/* markdownLink */.iQ)('run log', runUrl)}.`);
}
/** The reply after a confirm: the mission, its ticket and its pull request. */
function renderMissionStarted(input) {
    const mission = (0,chatops_escape/* escapeCodeSpan */.Hs)(input.missionSlug);
    const key = (0,chatops_escape/* escapeInline */.VV)(input.key, 64);
    const pr = prLink(input.prNumber, input.prUrl);
    if (input.existing === true)
        return `ℹ️ Mission ${mission} for ${key} already exists → ${pr}`;
    const started = `🚀 Mission ${mission} started from ${key} → ${pr}`;
    const others = (input.otherMissions ?? [])
        .slice(0, 5)
        .map(other => prLink(other.number, other.url));
    if (others.length === 0)
        return started;
    return `${started}\n\nℹ️ ${key} already has a mission in progress: ${others.join(', ')}.`;
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/origin/binding.ts



/** Where the tracker binding lives in a spec-kitty repository. */
const TRACKER_CONFIG_PATH = '.kittify/config.yaml';
const optionalText = schemas/* union */.KCZ([schemas/* string */.YjP(), schemas/* number */.aig()])
    .nullish()
    .transform(value => value === null || value === undefined ? undefined : String(value).trim() || undefined);
const KittifyConfig = schemas/* looseObject */._H3({
    project: schemas/* looseObject */._H3({ uuid: optionalText, slug: optionalText }).nullish(),
    tracker: schemas/* looseObject */._H3({
        provider: optionalText,
        project_slug: optionalText,
        binding_ref: optionalText,
        provider_context: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* unknown */.L5J()).nullish()
    })
        .nullish()
})
    .nullish();
const NOT_BOUND = 'No tracker bound. Run `spec-kitty tracker bind` first.';
function parseConfig(text) {
    if (text === null)
        return undefined;
    let document;
    try {
        document = (0,dist/* parse */.qg)(text);
    }
    catch (error) {
        throw new errors/* KittyError */.s('tracker-config-invalid', `\`${TRACKER_CONFIG_PATH}\` is not valid YAML; fix it or set the provider and project-slug inputs.`, error instanceof Error ? error.message : undefined);
    }
    const result = KittifyConfig.safeParse(document);
    if (!result.success) {
        throw new errors/* KittyError */.s('tracker-config-invalid', `\`${TRACKER_CONFIG_PATH}\` has an unexpected shape in its project or tracker section.`, result.error.message);
    }
    return result.data;
}
function stringValues(context) {
    const values = {};
    for (const [key, value] of Object.entries(context ?? {})) {
        if (typeof value === 'string' && value.trim() !== '')
            values[key] = value.trim();
        else if (typeof value === 'number')
            values[key] = String(value);
    }
    return values;
}
/**
 * Resolves the repository's tracker binding from the text of `.kittify/config.yaml` (null when the
 * file is absent) and the action inputs. Inputs win: a routing input (project-slug or binding-ref)
 * replaces the file's routing as a whole, so a repository can point the action elsewhere.
 */
function resolveTrackerBinding(configText, overrides) {
    const config = parseConfig(configText);
    const tracker = config?.tracker;
    const provider = overrides.provider ?? tracker?.provider;
    const routingFromInputs = overrides.projectSlug !== undefined || overrides.bindingRef !== undefined;
    const projectSlug = routingFromInputs ? overrides.projectSlug : tracker?.project_slug;
    const bindingRef = routingFromInputs ? overrides.bindingRef : tracker?.binding_ref;
    if (provider === undefined || (projectSlug === undefined && bindingRef === undefined)) {
        throw new errors/* KittyError */.s('tracker-not-bound', NOT_BOUND);
    }
    if (provider !== 'jira' && provider !== 'linear') {
        throw new errors/* KittyError */.s('tracker-provider-unsupported', `Only Jira and Linear can be a mission's origin; this repository's tracker is "${provider.slice(0, 40)}".`);
    }
    return {
        provider,
        ...(projectSlug === undefined ? {} : { projectSlug }),
        ...(bindingRef === undefined ? {} : { bindingRef }),
        providerContext: stringValues(tracker?.provider_context),
        project: { uuid: config?.project?.uuid ?? null, slug: config?.project?.slug ?? null }
    };
}
/** The SaaS routing key: `binding_ref` when the binding has one, else `project_slug`; never both. */
function routingOf(binding) {
    if (binding.bindingRef !== undefined)
        return { binding_ref: binding.bindingRef };
    /* istanbul ignore next -- resolveTrackerBinding guarantees one of the two */
    if (binding.projectSlug === undefined)
        throw new errors/* KittyError */.s('tracker-not-bound', NOT_BOUND);
    return { project_slug: binding.projectSlug };
}
const RESOURCE_FALLBACK = {
    linear: { type: 'linear_team', idKeys: ['workspace_id', 'team_id'] },
    jira: { type: 'jira_project', idKeys: ['project_key', 'key'] }
};
/**
 * The resource a ticket lives in: the SaaS's answer when it gave one, else the contract's
 * per-provider fallback (provider_context keys, then binding_ref, then project_slug).
 */
function resolveResource(binding, fromServer) {
    const fallback = RESOURCE_FALLBACK[binding.provider];
    const idFromContext = fallback.idKeys
        .map(key => binding.providerContext[key])
        .find(value => value !== undefined);
    const resourceId = nonBlank(fromServer.resource_id) ??
        idFromContext ??
        binding.bindingRef ??
        binding.projectSlug ??
        /* istanbul ignore next -- a binding always has a routing key */ '';
    return {
        resource_type: nonBlank(fromServer.resource_type) ?? fallback.type,
        resource_id: resourceId
    };
}
function nonBlank(value) {
    return value === null || value === undefined || value.trim() === '' ? undefined : value;
}

// EXTERNAL MODULE: ./src/origin/ticket-key.ts
var ticket_key = __webpack_require__(5618);
;// CONCATENATED MODULE: ./src/origin/search.ts



/** Builds the issue-search body: a key query sends `query_key` and the key as `query_text`. */
function issueSearchRequest(binding, query, limit) {
    const text = query.trim();
    return {
        provider: binding.provider,
        limit,
        ...routingOf(binding),
        ...(ticket_key/* TICKET_KEY */.x.test(text) ? { query_key: text } : {}),
        query_text: text
    };
}
/**
 * Resolves the tracker binding, then asks the SaaS for tickets matching the query.
 * Refuses what the contract refuses (no binding, another provider) before any request is made.
 */
async function searchOriginCandidates(request, ports) {
    const binding = resolveTrackerBinding(await ports.readTrackerConfig(), ports.overrides);
    if (request.provider !== undefined && request.provider !== binding.provider) {
        throw new errors/* KittyError */.s('tracker-provider-unsupported', `This repository is bound to ${providerName(binding.provider)}, so it cannot start from a ${providerName(request.provider)} ticket.`);
    }
    const body = issueSearchRequest(binding, request.query, request.limit);
    const response = await ports.saas.searchIssues(body);
    const resource = resolveResource(binding, response);
    return {
        binding,
        result: {
            candidates: response.candidates.slice(0, request.limit),
            provider: binding.provider,
            ...resource,
            query_used: body.query_text
        }
    };
}
/**
 * Fetches one ticket again by key before a write and checks it is the same ticket that was
 * confirmed (same `external_issue_id`). Fresh title, status and URL win over what was shown.
 */
async function refetchCandidate(binding, chosen, saas) {
    const key = chosen.external_issue_key;
    const response = await saas.searchIssues(issueSearchRequest(binding, key, 10));
    const candidate = response.candidates.find(found => found.external_issue_key.toUpperCase() === key.toUpperCase());
    if (candidate === undefined) {
        throw new errors/* KittyError */.s('ticket-not-found', `${key} is no longer found in ${providerName(binding.provider)}; start again with a new search.`);
    }
    if (candidate.external_issue_id !== chosen.external_issue_id) {
        throw new errors/* KittyError */.s('ticket-changed', `${key} now names a different ${providerName(binding.provider)} ticket than the one listed; start again with a new search.`);
    }
    return { candidate, resource: resolveResource(binding, response) };
}
/** The tracker's display name. */
function providerName(provider) {
    return provider === 'jira' ? 'Jira' : 'Linear';
}

// EXTERNAL MODULE: ./src/inputs.ts
var src_inputs = __webpack_require__(8422);
;// CONCATENATED MODULE: ./src/flows/context.ts

/** `owner/name` of the run's repository. */
function repoSlug(source) {
    return `${source.owner}/${source.repo}`;
}
/** The branch missions start from: the base-branch input, else the repository's default. */
function baseBranchOf(context) {
    return context.inputs.baseBranch ?? context.source.defaultBranch;
}
/** True when `actual` reaches `needed` on GitHub's permission ladder; `none` reaches nothing. */
function permissionAtLeast(actual, needed) {
    return actual !== 'none' && src_inputs/* PERMISSION_LEVELS */.eO.indexOf(actual) >= src_inputs/* PERMISSION_LEVELS */.eO.indexOf(needed);
}

;// CONCATENATED MODULE: ./src/flows/start-from.ts





/** Searches the SaaS for a query under the repository's tracker binding (read on the base branch). */
function searchForQuery(context, query, config) {
    return searchOriginCandidates({
        query: query.kind === 'key' ? query.key : query.text,
        provider: query.kind === 'key' ? query.provider : undefined,
        limit: context.inputs.candidateLimit
    }, {
        readTrackerConfig: () => config,
        saas: context.saas,
        overrides: {
            provider: context.inputs.provider,
            projectSlug: context.inputs.projectSlug,
            bindingRef: context.inputs.bindingRef
        }
    });
}
/** Reads `.kittify/config.yaml` on the base branch; started early, awaited when needed. */
function readTrackerConfig(context) {
    const config = context.repository.readFile(TRACKER_CONFIG_PATH, baseBranchOf(context));
    config.catch(() => undefined);
    return config;
}
/** The identity of a list made now. */
function newListIdentity(context) {
    const now = context.nowMs();
    return {
        nonce: createNonce(),
        created_at: now,
        expires_at: now + context.inputs.stateTtlHours * 3_600_000
    };
}
/** The signed state of a new candidate list. */
function newCandidateState(context, target, outcome) {
    const { result, binding } = outcome;
    return {
        v: 1,
        repo: repoSlug(context.source),
        issue: target.issueNumber,
        requester: target.requester,
        query: result.query_used,
        provider: result.provider,
        routing: routingOf(binding),
        resource_type: result.resource_type,
        resource_id: result.resource_id,
        candidates: result.candidates.map(stateCandidate),
        ...newListIdentity(context),
        status: 'open'
    };
}
/** How the search scope reads in a comment, e.g. `team acme-web`. */
function scopeLabel(state) {
    const noun = state.provider === 'jira' ? 'project' : 'team';
    // A binding reference is an opaque id; the tracker's own resource id reads better.
    const name = 'project_slug' in state.routing
        ? state.routing.project_slug
        : state.resource_id || state.routing.binding_ref;
    return `${noun} ${name}`;
}
/** The candidate-list comment for a search outcome, signed with the state key. */
function candidateComment(context, state) {
    return renderCandidateComment({
        state,
        marker: encodeStateMarker(state, context.stateKey),
        prefix: context.inputs.commandPrefix,
        scopeLabel: scopeLabel(state)
    });
}
/**
 * `start-from`: search the SaaS (after the permission gate) and post the candidates with their
 * signed state, so the conversation continues with `confirm`.
 */
async function startFromFlow(context, query, where, config) {
    const outcome = await searchForQuery(context, query, config);
    const state = newCandidateState(context, where, outcome);
    await context.conversation.createComment(where.issueNumber, candidateComment(context, state));
    context.log.info(`Posted ${state.candidates.length} candidate(s) for "${state.query}" on #${where.issueNumber}.`);
    return {
        state: 'candidates-posted',
        dryRun: context.inputs.dryRun,
        query: outcome.result.query_used,
        candidates: outcome.result.candidates,
        issueNumber: where.issueNumber
    };
}

;// CONCATENATED MODULE: ./src/flows/cancel.ts




/** `cancel`: closes the newest open candidate list, re-signed, so no later confirm can use it. */
async function cancelFlow(context, issueNumber, lookup) {
    const found = await lookup;
    if (!found.found || found.state.status !== 'open') {
        throw new errors/* KittyError */.s('input-invalid', 'There is no open candidate list in this issue to cancel.');
    }
    if (context.inputs.confirmBy === 'requester' &&
        found.state.requester.toLowerCase() !== context.source.actor.toLowerCase()) {
        throw new errors/* KittyError */.s('input-invalid', `Only @${found.state.requester}, who asked for this list, can cancel it.`);
    }
    const cancelled = { ...found.state, status: 'cancelled' };
    await context.conversation.updateComment(found.commentId, renderCancelledCandidateComment({
        state: cancelled,
        marker: encodeStateMarker(cancelled, context.stateKey),
        prefix: context.inputs.commandPrefix,
        scopeLabel: scopeLabel(cancelled)
    }));
    return { state: 'cancelled', dryRun: context.inputs.dryRun, issueNumber, query: cancelled.query };
}

;// CONCATENATED MODULE: ./src/mission/text.ts
/** The characters Python's `str.split()` treats as whitespace (`str.isspace()`). */
const PYTHON_WHITESPACE = new Set([
    0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1c, 0x1d, 0x1e, 0x1f, 0x20, 0x85, 0xa0, 0x1680, 0x2000, 0x2001,
    0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f,
    0x205f, 0x3000
]);
/** Python's `text.split()`: the words between runs of whitespace, never an empty word. */
function pythonSplit(text) {
    const words = [];
    let word = '';
    for (const char of text) {
        if (PYTHON_WHITESPACE.has(char.charCodeAt(0))) {
            if (word !== '')
                words.push(word);
            word = '';
        }
        else {
            word += char;
        }
    }
    if (word !== '')
        words.push(word);
    return words;
}
/** Python's `" ".join(text.split())`, as spec-kitty normalises names and summaries. */
function collapseWhitespace(text) {
    return pythonSplit(text).join(' ');
}
/**
 * The first paragraph of a ticket body (lines up to the first blank line, after skipping
 * leading blank lines), whitespace collapsed; `''` when the body holds no text.
 */
function firstParagraph(body) {
    const paragraph = [];
    for (const line of body.split(/\r\n|\r|\n/)) {
        const blank = pythonSplit(line).length === 0;
        if (blank && paragraph.length > 0)
            break;
        if (!blank)
            paragraph.push(line);
    }
    return collapseWhitespace(paragraph.join(' '));
}

;// CONCATENATED MODULE: ./src/mission/names.ts


/** spec-kitty's kebab-case rule for a mission's human slug. */
const SLUG_PATTERN = /^[a-z0-9][a-z0-9]*(-[a-z0-9]+)*$/;
/** A ULID: 26 Crockford base32 characters, upper case; the first is at most 7 (48-bit time). */
const ULID_PATTERN = /^[0-7][0-9A-HJKMNP-TV-Z]{25}$/;
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const MAX_ULID_TIME = 2 ** 48 - 1;
const NUMBERED_ENTRY = /^(\d{3})-/;
function kebab(text) {
    return text
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '');
}
/**
 * The mission's human slug: the ticket key lower-cased with every run of `[^a-z0-9]` turned
 * into `-` (`PROJ_KEY/123` → `proj-key-123`); if nothing is left, the same on the title's first
 * five words; else `untitled`. Non-ASCII letters lower-case to non-`[a-z0-9]` (`É` → `é` → `-`).
 */
function slugFromTicket(key, title) {
    const fromKey = kebab(key);
    if (fromKey !== '')
        return fromKey;
    const fromTitle = kebab(pythonSplit(title).slice(0, 5).join(' '));
    return fromTitle === '' ? 'untitled' : fromTitle;
}
/** True when `text` is a valid ULID in canonical upper case. */
function isUlid(text) {
    return ULID_PATTERN.test(text);
}
/** The first eight characters of a mission id, spec-kitty's `mid8`. */
function mid8(missionId) {
    if (!isUlid(missionId)) {
        throw new errors/* KittyError */.s('mission-invalid', `The mission id ${missionId} is not a valid ULID.`);
    }
    return missionId.slice(0, 8);
}
/**
 * A ULID from its two parts: 48 bits of Unix milliseconds and 80 random bits (10 bytes), so a
 * caller can derive a deterministic id (e.g. from a hash) and stay pure.
 */
function ulidFromParts(timeMs, random) {
    if (!Number.isInteger(timeMs) || timeMs < 0 || timeMs > MAX_ULID_TIME) {
        throw new errors/* KittyError */.s('internal', 'kitty-origin could not form a mission id; see the run log.', `ULID time ${timeMs} is not an integer between 0 and 2^48 - 1.`);
    }
    if (random.length !== 10) {
        throw new errors/* KittyError */.s('internal', 'kitty-origin could not form a mission id; see the run log.', `ULID randomness must be 10 bytes, got ${random.length}.`);
    }
    let time = '';
    let rest = timeMs;
    for (let index = 0; index < 10; index += 1) {
        time = CROCKFORD.charAt(rest % 32) + time;
        rest = Math.floor(rest / 32);
    }
    const bits = random.reduce((value, byte) => (value << 8n) | BigInt(byte), 0n);
    let randomPart = '';
    for (let index = 15; index >= 0; index -= 1) {
        randomPart += CROCKFORD.charAt(Number((bits >> BigInt(index * 5)) & 31n));
    }
    return time + randomPart;
}
/**
 * The layout to use. `auto` picks `numbered` only when `kitty-specs/` holds at least one
 * directory and every one is named `NNN-…`; otherwise `mid8`. `existingEntries` are the names
 * of the directories directly under `kitty-specs/`.
 */
function detectLayout(existingEntries, requested) {
    if (requested !== 'auto')
        return requested;
    const numbered = existingEntries.length > 0 && existingEntries.every(entry => NUMBERED_ENTRY.test(entry));
    return numbered ? 'numbered' : 'mid8';
}
/**
 * Names a new mission. A numbered mission takes the highest existing `NNN` + 1 (from `001`);
 * the branch never carries the `NNN-` prefix, as spec-kitty's `mission_branch_name` composes it.
 * A ticket slug that itself starts with `NNN-` (title `100 bugs to fix`) loses that prefix, as
 * spec-kitty's `mission_dir_name` strips it, so the mission is never taken for mission 100.
 */
function missionNames(input) {
    const { ticketSlug, missionId, layout, existingEntries } = input;
    if (!SLUG_PATTERN.test(ticketSlug)) {
        throw new errors/* KittyError */.s('mission-invalid', `The mission slug ${ticketSlug} is not kebab-case.`);
    }
    const humanSlug = ticketSlug.replace(NUMBERED_ENTRY, '');
    const shortId = mid8(missionId);
    const missionNumber = layout === 'numbered' ? nextMissionNumber(existingEntries) : null;
    const missionSlug = missionNumber === null ? `${humanSlug}-${shortId}` : `${missionNumber}-${humanSlug}`;
    return {
        dirName: missionSlug,
        missionDir: `kitty-specs/${missionSlug}`,
        missionSlug,
        missionNumber,
        branch: `kitty/mission-${humanSlug}-${shortId}`
    };
}
function nextMissionNumber(existingEntries) {
    const highest = existingEntries.reduce((max, entry) => {
        const digits = NUMBERED_ENTRY.exec(entry)?.[1];
        return digits === undefined ? max : Math.max(max, Number(digits));
    }, 0);
    if (highest >= 999) {
        throw new errors/* KittyError */.s('mission-invalid', 'kitty-specs/ already holds mission 999, the last three-digit number; set the layout input to mid8.');
    }
    return String(highest + 1).padStart(3, '0');
}

;// CONCATENATED MODULE: ./src/mission/python-json.ts

/**
 * Byte-identical to Python's `json.dumps(value, indent=2, ensure_ascii=False, sort_keys=True)`
 * (no trailing newline). Throws KittyError for NaN, ±Infinity, lone UTF-16 surrogates (Python
 * could not write them as UTF-8) and anything that is not a JsonValue.
 */
function pythonJsonPretty(value) {
    return encode(value, { pretty: true, asciiOnly: false }, 0);
}
/**
 * Byte-identical to Python's `json.dumps(value, sort_keys=True)`: one line, separators `", "`
 * and `": "`, every non-ASCII character escaped as `\uXXXX` (astral ones as surrogate pairs).
 */
function pythonJsonLine(value) {
    return encode(value, { pretty: false, asciiOnly: true }, 0);
}
function encode(value, style, depth) {
    if (value === null)
        return 'null';
    switch (typeof value) {
        case 'boolean':
            return value ? 'true' : 'false';
        case 'number':
            return pythonNumber(value);
        case 'string':
            return quote(value, style);
        case 'object':
            return Array.isArray(value)
                ? encodeArray(value, style, depth)
                : encodeObject(value, style, depth);
        default:
            throw notJson(`a value of type ${typeof value}`);
    }
}
function encodeArray(items, style, depth) {
    if (items.length === 0)
        return '[]';
    return wrap('[', items.map(item => encode(item, style, depth + 1)), ']', style, depth);
}
function encodeObject(object, style, depth) {
    const prototype = Object.getPrototypeOf(object);
    if (prototype !== Object.prototype && prototype !== null)
        throw notJson('a non-plain object');
    const entries = Object.entries(object);
    if (entries.length === 0)
        return '{}';
    entries.sort(([a], [b]) => compareCodePoints(a, b));
    return wrap('{', entries.map(([key, item]) => `${quote(key, style)}: ${encode(item, style, depth + 1)}`), '}', style, depth);
}
function wrap(open, parts, close, style, depth) {
    if (!style.pretty)
        return `${open}${parts.join(', ')}${close}`;
    const inner = '\n' + '  '.repeat(depth + 1);
    return `${open}${inner}${parts.join(',' + inner)}\n${'  '.repeat(depth)}${close}`;
}
/** Python sorts `str` keys by code point; JavaScript's default sort uses UTF-16 code units. */
function compareCodePoints(a, b) {
    const left = codePoints(a);
    const right = codePoints(b);
    const shared = Math.min(left.length, right.length);
    for (let index = 0; index < shared; index += 1) {
        const difference = left[index] - right[index];
        if (difference !== 0)
            return difference;
    }
    return left.length - right.length;
}
function codePoints(text) {
    // A string iterator yields whole code points (or lone surrogates), never empty strings.
    return Array.from(text, char => char.codePointAt(0));
}
const SHORT_ESCAPES = {
    0x08: '\\b',
    0x09: '\\t',
    0x0a: '\\n',
    0x0c: '\\f',
    0x0d: '\\r',
    0x22: '\\"',
    0x5c: '\\\\'
};
const LONE_SURROGATE = /\p{Cs}/u;
function quote(text, style) {
    if (!style.asciiOnly && LONE_SURROGATE.test(text)) {
        throw new errors/* KittyError */.s('mission-invalid', 'A ticket text holds a broken Unicode character (a lone surrogate) that cannot be written as UTF-8 JSON.');
    }
    let quoted = '"';
    // Walking UTF-16 code units escapes an astral character as its surrogate pair, as Python does.
    for (let index = 0; index < text.length; index += 1) {
        const unit = text.charCodeAt(index);
        const plain = unit >= 0x20 && unit !== 0x22 && unit !== 0x5c && (!style.asciiOnly || unit < 0x7f);
        quoted += plain ? text.charAt(index) : escapeUnit(unit);
    }
    return quoted + '"';
}
function escapeUnit(unit) {
    return SHORT_ESCAPES[unit] ?? `\\u${unit.toString(16).padStart(4, '0')}`;
}
function pythonNumber(value) {
    if (!Number.isFinite(value))
        throw notJson(`the number ${value}`);
    if (Object.is(value, -0))
        return '-0.0';
    if (Number.isInteger(value))
        return BigInt(value).toString();
    return pythonFloatRepr(value);
}
/**
 * Python's `repr(float)` for a finite number with a fractional part: the shortest round-trip
 * digits (which `toExponential()` without an argument also yields), written in fixed notation
 * when the decimal point falls within -4 < point <= 16, else as `<digits>e-NN`.
 */
function pythonFloatRepr(value) {
    const scientific = Math.abs(value).toExponential();
    const e = scientific.indexOf('e');
    const digits = scientific.slice(0, e).replace('.', '');
    const point = Number(scientific.slice(e + 1)) + 1;
    const sign = value < 0 ? '-' : '';
    if (point > -4) {
        // Every double of 2^53 or more is an integer, so here point <= 16 and digits reach past it.
        return point > 0
            ? `${sign}${digits.slice(0, point)}.${digits.slice(point)}`
            : `${sign}0.${'0'.repeat(-point)}${digits}`;
    }
    const lead = digits.length > 1 ? `${digits.charAt(0)}.${digits.slice(1)}` : digits;
    return `${sign}${lead}e-${String(1 - point).padStart(2, '0')}`;
}
function notJson(what) {
    return new errors/* KittyError */.s('internal', 'kitty-origin tried to write a value JSON cannot hold; see the run log.', `Cannot serialise ${what} as JSON.`);
}

;// CONCATENATED MODULE: ./src/mission/timestamps.ts

/** Python's `datetime` covers years 1 to 9999; these are its first and last milliseconds. */
const MIN_MS = -62_135_596_800_000;
const MAX_MS = 253_402_300_799_999;
/**
 * `datetime.fromtimestamp(ms / 1000, UTC).isoformat()`: `2026-11-25T08:29:15.913000+00:00`, and
 * without the fraction when it is zero (`2026-11-25T08:29:15+00:00`), exactly as Python omits
 * zero microseconds. Throws for a time that is not a whole millisecond within years 1 to 9999.
 */
function pythonIsoUtc(ms) {
    return `${pythonIsoUtcBase(ms)}+00:00`;
}
/** The same instant with a `Z` suffix (`2026-11-25T08:29:15.913000Z`), for SpecifyStarted `at`. */
function pythonIsoUtcZ(ms) {
    return `${pythonIsoUtcBase(ms)}Z`;
}
function pythonIsoUtcBase(ms) {
    if (!Number.isInteger(ms) || ms < MIN_MS || ms > MAX_MS) {
        throw new errors/* KittyError */.s('internal', 'kitty-origin got a clock reading it cannot write as a timestamp; see the run log.', `Epoch milliseconds ${ms} are not a whole millisecond within years 1 to 9999.`);
    }
    const date = new Date(ms);
    const pad = (value, width = 2) => String(value).padStart(width, '0');
    const day = `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
    const time = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
    const millis = date.getUTCMilliseconds();
    return `${day}T${time}${millis === 0 ? '' : `.${pad(millis, 3)}000`}`;
}

;// CONCATENATED MODULE: ./src/mission/meta.ts







/**
 * The meta.json kitty-origin writes: what `spec-kitty agent mission create --pr-bound` writes,
 * plus `origin_ticket`. `mission_number` is `null` (mid8) or an integer (numbered), never the
 * string `"004"`: spec-kitty 3.x's writer emits `int | null` (FR-044) and reads legacy strings
 * only to coerce them.
 */
const MissionMeta = schemas/* object */.Ikc({
    coordination_branch: schemas/* string */.YjP(),
    created_at: schemas/* string */.YjP(),
    flattened: schemas/* boolean */.zMY(),
    friendly_name: schemas/* string */.YjP(),
    mission_id: schemas/* string */.YjP(),
    mission_number: schemas/* int */.Whr().nullable(),
    mission_slug: schemas/* string */.YjP(),
    mission_type: schemas/* string */.YjP(),
    origin_ticket: models/* OriginTicket */.Jp,
    pr_bound: schemas/* boolean */.zMY(),
    purpose_context: schemas/* string */.YjP(),
    purpose_tldr: schemas/* string */.YjP(),
    slug: schemas/* string */.YjP(),
    target_branch: schemas/* string */.YjP(),
    topology: schemas/* string */.YjP()
});
/** spec-kitty's `mission_slug` grammar: `NNN-<slug>` or `<slug>-<mid8>`. */
const MISSION_SLUG_PATTERN = /^(?:\d{3}-[a-z0-9-]+|[a-z0-9]+(?:-[a-z0-9]+)*-[0-9A-HJKMNP-TV-Z]{8})$/;
const MIN_PURPOSE_CONTEXT = 24;
/**
 * A new mission's meta.json. `friendly_name` and `purpose_tldr` are the title with whitespace
 * collapsed (the ticket key when the title is blank); `purpose_context` is the body's first
 * paragraph when it has at least 24 characters, else spec-kitty's own default sentence.
 */
function buildMeta(input) {
    const { names, originTicket, targetBranch } = input;
    const friendlyName = collapseWhitespace(input.ticket.title) || collapseWhitespace(originTicket.external_issue_key);
    const paragraph = firstParagraph(input.ticket.body ?? '');
    const purposeContext = Array.from(paragraph).length >= MIN_PURPOSE_CONTEXT
        ? paragraph
        : `This mission advances ${friendlyName} on ${targetBranch} so stakeholders can track the work from mission creation onward.`;
    return {
        coordination_branch: names.branch,
        created_at: pythonIsoUtc(input.nowMs),
        flattened: false,
        friendly_name: friendlyName,
        mission_id: input.missionId,
        mission_number: names.missionNumber === null ? null : Number(names.missionNumber),
        mission_slug: names.missionSlug,
        mission_type: input.missionType,
        origin_ticket: { ...originTicket },
        pr_bound: true,
        purpose_context: purposeContext,
        purpose_tldr: friendlyName,
        slug: names.missionSlug,
        target_branch: targetBranch,
        topology: 'coord'
    };
}
/** meta.json's bytes: Python's `json.dumps(meta, indent=2, ensure_ascii=False, sort_keys=True)` + newline. */
function serializeMeta(meta) {
    return pythonJsonPretty(meta) + '\n';
}
const REQUIRED_FIELDS = [
    'created_at',
    'friendly_name',
    'mission_slug',
    'mission_type',
    'slug',
    'target_branch'
];
/**
 * Refuses a meta.json spec-kitty would reject or kitty-origin must not write: a blank required
 * field or purpose summary, a multi-line `purpose_tldr`, a slug outside spec-kitty's grammar,
 * a `mission_id` that is not a ULID (or whose `mid8` the slug does not carry), or an
 * `origin_ticket` that is not exactly the seven non-empty keys.
 */
function validateMeta(meta) {
    const problem = findProblem(meta);
    if (problem !== null)
        throw new errors/* KittyError */.s('mission-invalid', `meta.json ${problem}.`);
}
function findProblem(meta) {
    for (const field of REQUIRED_FIELDS) {
        if (pythonSplit(meta[field]).length === 0)
            return `needs a non-empty ${field}`;
    }
    if (pythonSplit(meta.purpose_tldr).length === 0)
        return 'needs a non-blank purpose_tldr';
    if (pythonSplit(meta.purpose_context).length === 0)
        return 'needs a non-blank purpose_context';
    if (/[\r\n]/.test(meta.purpose_tldr.trim()))
        return 'needs a single-line purpose_tldr';
    for (const field of ['mission_slug', 'slug']) {
        if (!MISSION_SLUG_PATTERN.test(meta[field])) {
            return `has ${field} ${meta[field]}, which is neither NNN-<slug> nor <slug>-<mid8>`;
        }
    }
    if (!ULID_PATTERN.test(meta.mission_id))
        return `has mission_id ${meta.mission_id}, not a ULID`;
    const tail = meta.mission_slug.slice(-9);
    if (!/^\d{3}-/.test(meta.mission_slug) && tail !== `-${mid8(meta.mission_id)}`) {
        return `has mission_slug ${meta.mission_slug}, which does not end in the mission id's mid8`;
    }
    if (!models/* OriginTicket */.Jp.safeParse(meta.origin_ticket).success) {
        return 'needs an origin_ticket of exactly the seven non-empty keys (provider, resource and issue)';
    }
    return null;
}
/**
 * Reads a meta.json (e.g. from a mission branch being resumed): parses, checks the shape and
 * validateMeta's rules. Returns a KittyError (code `mission-invalid`) instead of throwing.
 * Keys kitty-origin does not write are dropped from `meta` but count against `canonical`.
 */
function parseMeta(text) {
    let raw;
    try {
        raw = JSON.parse(text);
    }
    catch {
        return new errors/* KittyError */.s('mission-invalid', 'meta.json is not valid JSON.');
    }
    const parsed = MissionMeta.safeParse(raw);
    if (!parsed.success) {
        const path = parsed.error.issues.map(issue => issue.path.join('.')).find(key => key !== '');
        return new errors/* KittyError */.s('mission-invalid', path === undefined
            ? 'meta.json is not a JSON object.'
            : `meta.json has a missing or mistyped ${path}.`, parsed.error.message);
    }
    try {
        validateMeta(parsed.data);
        return { meta: parsed.data, canonical: pythonJsonPretty(raw) + '\n' === text };
    }
    catch (error) {
        return (0,errors/* toKittyError */.V)(error);
    }
}

;// CONCATENATED MODULE: ./src/mission/spec.ts

/**
 * Where a repository keeps its own spec template, highest priority first: the mission type's
 * override, then the general override.
 */
function specTemplatePaths(missionType) {
    return [
        `.kittify/overrides/missions/${missionType}/templates/spec-template.md`,
        '.kittify/overrides/templates/spec-template.md'
    ];
}
/**
 * spec.md: the repository's template verbatim when it has one, else kitty-origin's short
 * brief: the ticket's key, title, link, status and first paragraph, then the headings an
 * author fills in.
 */
function renderSpec(input) {
    if (input.template !== null)
        return input.template;
    const { ticket } = input;
    const key = inline(ticket.external_issue_key);
    const title = inline(ticket.title) || key;
    const summary = firstParagraph(ticket.body ?? '').replaceAll('<', '&lt;');
    return [
        `# ${title}`,
        '',
        `Started by kitty-origin from ticket ${key}.`,
        '',
        `- Ticket: ${spec_link(key, ticket.url)}`,
        `- Title: ${title}`,
        `- Status: ${inline(ticket.status) || 'unknown'}`,
        '',
        '## Ticket summary',
        '',
        summary === '' ? '_The ticket has no description._' : `> ${summary}`,
        '',
        '## User scenarios',
        '',
        '<!-- Who needs this, and what do they do? One scenario a paragraph, with its acceptance test. -->',
        '',
        '## Requirements',
        '',
        '<!-- What must be true when the mission is done? Number them FR-001, FR-002, … -->',
        '',
        '## Success criteria',
        '',
        '<!-- How will you know it worked? Measurable outcomes, not implementation details. -->',
        '',
        '## Open questions',
        '',
        '<!-- What the ticket leaves unclear; resolve each before planning. -->',
        ''
    ].join('\n');
}
/** One line of ticket text, with Markdown's inline syntax characters escaped. */
function inline(text) {
    return collapseWhitespace(text).replace(/[\\`*_[\]<>#|!]/g, char => `\\${char}`);
}
/** A Markdown link for http(s) addresses only; any other address is shown as plain text. */
function spec_link(label, url) {
    if (/^https?:\/\/[^\s<>]+$/i.test(url))
        return `[${label}](<${url}>)`;
    const plain = inline(url);
    return plain === '' ? label : `${label} (${plain})`;
}

;// CONCATENATED MODULE: ./src/mission/status-events.ts


/** The lifecycle schema version spec-kitty 3.x writes into `status.events.jsonl`. */
const LIFECYCLE_SCHEMA_VERSION = '5.0.0';
/** The `actor` of the SpecifyStarted event kitty-origin records. */
const SPECIFY_ACTOR = 'kitty-origin';
/**
 * The two lines of a new mission's `status.events.jsonl`, MissionCreated then SpecifyStarted,
 * each Python's `json.dumps(event, sort_keys=True)` plus a newline. As in the contract,
 * MissionCreated is keyed by `mission_id` and carries the config's project, while
 * SpecifyStarted is keyed by `mission_slug` with a null project.
 */
function lifecycleEventsJsonl(input) {
    const { meta, eventIds, nowMs, project } = input;
    const timestamp = pythonIsoUtc(nowMs);
    const missionCreated = {
        aggregate_id: meta.mission_id,
        aggregate_type: 'Mission',
        event_id: eventIds[0],
        event_type: 'MissionCreated',
        payload: {
            created_at: meta.created_at,
            friendly_name: meta.friendly_name,
            mission_id: meta.mission_id,
            mission_number: meta.mission_number,
            mission_slug: meta.mission_slug,
            mission_type: meta.mission_type,
            purpose_context: meta.purpose_context,
            purpose_tldr: meta.purpose_tldr,
            target_branch: meta.target_branch,
            wp_count: 0
        },
        project_slug: project.slug,
        project_uuid: project.uuid,
        schema_version: LIFECYCLE_SCHEMA_VERSION,
        timestamp
    };
    const specifyStarted = {
        aggregate_id: meta.mission_slug,
        aggregate_type: 'Mission',
        event_id: eventIds[1],
        event_type: 'SpecifyStarted',
        payload: {
            actor: SPECIFY_ACTOR,
            artifact_path: `kitty-specs/${meta.mission_slug}/spec.md`,
            at: pythonIsoUtcZ(nowMs),
            mission_number: meta.mission_number,
            mission_slug: meta.mission_slug
        },
        project_slug: null,
        project_uuid: null,
        schema_version: LIFECYCLE_SCHEMA_VERSION,
        timestamp
    };
    return `${pythonJsonLine(missionCreated)}\n${pythonJsonLine(specifyStarted)}\n`;
}

;// CONCATENATED MODULE: ./src/mission/files.ts






const TASKS_README = `# Tasks

Work package prompt files (\`WP01-<slug>.md\`, \`WP02-…\`) for this mission go here once
\`/spec-kitty.tasks\` has broken the plan down. Their status lives in \`../status.events.jsonl\`.
`;
/**
 * The files of a new mission, as `spec-kitty agent mission create --pr-bound` would write them
 * plus `origin_ticket`: meta.json, spec.md, status.events.jsonl, tasks/README.md and the
 * `.gitkeep` files of checklists/ and research/. Validates meta.json before returning.
 */
function buildMissionFiles(input) {
    const { ticket, originTicket } = input;
    if (ticket.external_issue_key !== originTicket.external_issue_key) {
        throw new errors/* KittyError */.s('mission-invalid', `The ticket ${ticket.external_issue_key} does not match the origin ticket ${originTicket.external_issue_key}.`);
    }
    const badEventId = input.eventIds.find(id => !isUlid(id));
    if (badEventId !== undefined) {
        throw new errors/* KittyError */.s('mission-invalid', `The event id ${badEventId} is not a valid ULID.`);
    }
    const layout = detectLayout(input.existingEntries, input.layout);
    const names = missionNames({
        ticketSlug: slugFromTicket(ticket.external_issue_key, ticket.title),
        missionId: input.missionId,
        layout,
        existingEntries: input.existingEntries
    });
    const meta = buildMeta({
        missionId: input.missionId,
        names,
        ticket,
        originTicket,
        missionType: input.missionType,
        targetBranch: input.targetBranch,
        nowMs: input.nowMs
    });
    validateMeta(meta);
    const events = lifecycleEventsJsonl({
        meta,
        eventIds: input.eventIds,
        nowMs: input.nowMs,
        project: input.project
    });
    // Listed in path order, so the file set is sorted by path.
    const contents = [
        ['checklists/.gitkeep', ''],
        ['meta.json', serializeMeta(meta)],
        ['research/.gitkeep', ''],
        ['spec.md', renderSpec({ template: input.specTemplate, ticket })],
        ['status.events.jsonl', events],
        ['tasks/README.md', TASKS_README]
    ];
    const files = contents.map(([name, content]) => ({
        path: `${names.missionDir}/${name}`,
        content
    }));
    return {
        ...names,
        missionId: input.missionId,
        layout,
        meta,
        files,
        commitMessage: commitMessage(names.dirName, ticket, input.originLinkId)
    };
}
function commitMessage(dirName, ticket, originLinkId) {
    const lines = [
        `Start mission ${dirName} from ${collapseWhitespace(ticket.external_issue_key)}`,
        '',
        `Ticket: ${collapseWhitespace(ticket.url)}`
    ];
    if (originLinkId !== undefined)
        lines.push(`Origin link: ${collapseWhitespace(originLinkId)}`);
    return lines.join('\n');
}

;// CONCATENATED MODULE: ./src/mission/index.ts
/** The pure mission module: names, meta.json, status.events.jsonl, spec.md and the file set of a new mission. */








;// CONCATENATED MODULE: ./src/saas/idempotency.ts

/**
 * The Idempotency-Key of a bind: `kitty-origin-bind-` and 32 hex digits of a SHA-256 over the
 * three parts, JSON-encoded so no choice of values can collide by concatenation.
 */
function bindIdempotencyKey(identity) {
    const material = JSON.stringify([
        identity.repo.toLowerCase(),
        identity.missionId,
        identity.externalIssueId
    ]);
    return `kitty-origin-bind-${(0,external_node_crypto_.createHash)('sha256').update(material).digest('hex').slice(0, 32)}`;
}

;// CONCATENATED MODULE: ./src/origin/bind.ts




/** The `origin_ticket` block for a candidate; validated, so a bad ticket fails before any write. */
function originTicketOf(input) {
    const title = input.candidate.title.replace(/\s+/g, ' ').trim();
    const parsed = models/* OriginTicket */.Jp.safeParse({
        external_issue_id: input.candidate.external_issue_id,
        external_issue_key: input.candidate.external_issue_key,
        external_issue_url: input.candidate.url,
        provider: input.binding.provider,
        resource_id: input.resource.resource_id,
        resource_type: input.resource.resource_type,
        title: title === '' ? input.candidate.external_issue_key : title
    });
    if (!parsed.success) {
        const field = parsed.error.issues[0]?.path.join('.') ?? 'a field';
        throw new errors/* KittyError */.s('mission-invalid', `The ticket ${input.candidate.external_issue_key} cannot be an origin: its ${field} is empty.`, parsed.error.message);
    }
    return parsed.data;
}
/** The bind request body (`external_title` / `external_status`, routing as for search). */
function bindRequest(input) {
    return {
        provider: input.binding.provider,
        mission_id: input.missionId,
        mission_slug: input.missionSlug,
        external_issue_id: input.candidate.external_issue_id,
        external_issue_key: input.candidate.external_issue_key,
        external_issue_url: input.candidate.url,
        external_title: input.candidate.title,
        external_status: input.candidate.status,
        ...routingOf(input.binding)
    };
}
/**
 * Binds the ticket as the mission's origin at the SaaS, the authoritative write. Only when it
 * succeeds is the `origin_ticket` block handed back for writing. A same-origin re-bind is a
 * success; a different origin (409) surfaces as the client's `saas-origin-conflict` error.
 */
async function bindMissionOrigin(input, saas) {
    const originTicket = originTicketOf(input);
    const response = await saas.bindMissionOrigin(bindRequest(input), bindIdempotencyKey({
        repo: input.repo,
        missionId: input.missionId,
        externalIssueId: input.candidate.external_issue_id
    }));
    return {
        originTicket,
        originLinkId: response.origin_link_id,
        boundAt: response.bound_at,
        alreadyBound: response.already_bound === true
    };
}

;// CONCATENATED MODULE: ./src/origin/start.ts



/** Reads what the file set depends on and builds it, without writing anything (also the dry run). */
async function planMission(input, workspace) {
    const [existingEntries, specTemplate] = await Promise.all([
        workspace.listMissionEntries(),
        readFirstTemplate(workspace, input.missionType)
    ]);
    return buildMissionFiles({
        missionId: input.missionId,
        ticket: input.candidate,
        originTicket: originTicketOf(input),
        layout: input.layout,
        existingEntries,
        missionType: input.missionType,
        targetBranch: input.targetBranch,
        nowMs: input.nowMs,
        eventIds: input.eventIds,
        project: input.binding.project,
        specTemplate
    });
}
async function readFirstTemplate(workspace, missionType) {
    const texts = await Promise.all(specTemplatePaths(missionType).map(path => workspace.readFile(path)));
    return texts.find(text => text !== null) ?? null;
}
/** The mission branch, the same in both layouts, so it is known before the base is read. */
function missionBranch(input) {
    return missionNames({
        ticketSlug: slugFromTicket(input.candidate.external_issue_key, input.candidate.title),
        missionId: input.missionId,
        layout: 'mid8',
        existingEntries: []
    }).branch;
}
/**
 * Plans the file set and claims the branch at once: the claim needs no read, so it goes out with
 * the plan's reads. A claim made for a plan that failed is released again.
 */
async function planAndClaim(input, workspace) {
    const branch = missionBranch(input);
    const [planned, claimed] = await Promise.allSettled([
        planMission(input, workspace),
        workspace.claimBranch(branch)
    ]);
    if (planned.status === 'rejected') {
        if (claimed.status === 'fulfilled' && claimed.value === 'created') {
            await workspace.releaseBranch(branch);
        }
        throw planned.reason;
    }
    if (claimed.status === 'rejected')
        throw claimed.reason;
    return { files: planned.value, claim: claimed.value };
}
/**
 * Starts a mission from a confirmed ticket. The order of writes is the contract's, enforced here:
 * claim the branch (atomic, so a racing confirm loses cleanly) → bind at the SaaS (authoritative;
 * on failure the claimed branch is released and nothing local remains) → commit the mission files
 * → then, together, publish the PR and emit the event: the event is telemetry that follows the
 * authoritative writes, so it need not wait for the PR. A re-run resumes: the branch and the
 * same-origin bind are found again, files already committed are not committed twice.
 */
async function startMissionFromTicket(input, ports) {
    const { workspace } = ports;
    const { files, claim } = await planAndClaim(input, workspace);
    let committedDir = claim === 'exists' ? await committedMission(workspace, files.branch, input.missionId) : null;
    let bound;
    try {
        bound = await bindMissionOrigin({ ...input, missionSlug: files.missionSlug }, ports.saas);
    }
    catch (error) {
        if (committedDir === null)
            await workspace.releaseBranch(files.branch);
        throw error;
    }
    let commitSha = null;
    if (committedDir === null) {
        const message = start_commitMessage(files, bound.originLinkId);
        ({ dir: committedDir, commitSha } = await commitOnce(workspace, files, input.missionId, message));
    }
    const mission = {
        missionId: input.missionId,
        missionDir: `kitty-specs/${committedDir}`,
        missionSlug: committedDir,
        branch: files.branch,
        commitSha,
        originTicket: bound.originTicket,
        originLinkId: bound.originLinkId,
        boundAt: bound.boundAt,
        alreadyBound: bound.alreadyBound,
        eventEmitted: false
    };
    const [pullRequest, eventEmitted] = await Promise.all([
        ports.publish({ ...mission }, { branchCreated: claim === 'created' }),
        ports.emitEvent({ ...mission }, input.binding.project)
    ]);
    mission.pullRequest = pullRequest;
    mission.eventEmitted = eventEmitted;
    return { mission, files, committedNow: commitSha !== null };
}
/** Commits the files; when a racing run committed first, its mission is taken instead. */
async function commitOnce(workspace, files, missionId, message) {
    try {
        return {
            dir: files.dirName,
            commitSha: await workspace.commitFiles(files.branch, files.files, message)
        };
    }
    catch (error) {
        const raced = await committedMission(workspace, files.branch, missionId);
        if (raced !== null)
            return { dir: raced, commitSha: null };
        throw error;
    }
}
/**
 * This mission's directory when its files are already on the branch. mid8 names resolve to about
 * a second, so two lists for one ticket made within a second name the same branch: a branch that
 * holds another mission is refused, never written over.
 */
async function committedMission(workspace, branch, missionId) {
    const found = await workspace.findCommittedMission(branch);
    if (found === null || found.missionId === missionId)
        return found?.dir ?? null;
    throw new errors/* KittyError */.s('mission-exists', `The branch ${branch} already holds another mission (${found.dir}); run start-from again for a new one.`);
}
function start_commitMessage(files, originLinkId) {
    return `${files.commitMessage}\nOrigin link: ${originLinkId}\n`;
}

;// CONCATENATED MODULE: ./src/flows/pull-request.ts


/** `Start mission from <KEY>: <title>`, one line, at most 256 characters. */
function pullRequestTitle(candidate) {
    const title = `Start mission from ${candidate.external_issue_key}: ${candidate.title}`
        .replace(/\s+/g, ' ')
        .trim();
    return title.length <= 256 ? title : `${title.slice(0, 255)}…`;
}
function row(label, value) {
    return `| ${label} | ${value} |`;
}
/**
 * The PR body: a provenance card reviewers can trust (every value from the SaaS re-fetch and the
 * bind, escaped), then what the team does next.
 */
function pullRequestBody(mission, ticket, provenance) {
    const origin = mission.originTicket;
    const card = [
        '| | |',
        '|---|---|',
        row('Ticket', (0,chatops_escape/* markdownLink */.iQ)(origin.external_issue_key, origin.external_issue_url, 64)),
        row('Title', (0,chatops_escape/* escapeInline */.VV)(origin.title, 200)),
        row('Status', (0,chatops_escape/* escapeInline */.VV)(ticket.status, 60)),
        row('Provider', providerName(origin.provider)),
        row('Resource', `${(0,chatops_escape/* escapeCodeSpan */.Hs)(origin.resource_type)} ${(0,chatops_escape/* escapeCodeSpan */.Hs)(origin.resource_id)}`),
        row('Mission', `${(0,chatops_escape/* escapeCodeSpan */.Hs)(mission.missionSlug)} (id ${(0,chatops_escape/* escapeCodeSpan */.Hs)(mission.missionId)})`),
        row('Origin link', (0,chatops_escape/* escapeCodeSpan */.Hs)(mission.originLinkId)),
        row('Bound at', (0,chatops_escape/* escapeCodeSpan */.Hs)(mission.boundAt)),
        row('Requested by', `@${(0,chatops_escape/* escapeInline */.VV)(provenance.requestedBy, 40)}`),
        row('Confirmed by', `@${(0,chatops_escape/* escapeInline */.VV)(provenance.confirmedBy, 40)}`),
        provenance.sourceIssue === undefined
            ? row('Source', (0,chatops_escape/* markdownLink */.iQ)('workflow_dispatch run', provenance.runUrl))
            : row('Source issue', `#${provenance.sourceIssue.number}`)
    ];
    return (0,chatops_escape/* capComment */.W2)([
        `This pull request starts the spec-kitty mission ${(0,chatops_escape/* escapeCodeSpan */.Hs)(mission.missionSlug)} from ` +
            `${(0,chatops_escape/* markdownLink */.iQ)(origin.external_issue_key, origin.external_issue_url, 64)}. The ticket is bound ` +
            'as the mission’s origin in the Spec Kitty SaaS, and `meta.json` records it under `origin_ticket`.',
        '### Provenance',
        card.join('\n'),
        '### Next steps',
        [
            `1. Check out \`${mission.branch}\` and run \`/spec-kitty.specify\` to write the spec in ` +
                `\`${mission.missionDir}/spec.md\`.`,
            '2. Continue with `/spec-kitty.plan` and `/spec-kitty.tasks` on the same branch.',
            `3. Merge into \`${provenance.targetBranch}\` when the team agrees on the spec.`
        ].join('\n'),
        '<sub>Opened by kitty-origin. The provenance above was re-read from the tracker at confirmation.</sub>'
    ].join('\n\n'));
}

;// CONCATENATED MODULE: ./src/flows/workspace.ts
const MISSIONS_DIR = 'kitty-specs';
const OVERRIDES_DIR = '.kittify/overrides';
/**
 * The service layer's MissionWorkspace over the GitHub repository: reads at the base commit,
 * the mission branch claimed at that commit, commits that never force-move a branch.
 */
function repositoryWorkspace(repository, baseSha) {
    let baseEntries;
    const claimedHeads = new Map();
    let baseTreeRead;
    let overridesExist;
    const baseTree = () => (baseTreeRead ??= repository.commitTree(baseSha));
    const listBaseEntries = () => {
        baseEntries ??= repository.listDirectory(MISSIONS_DIR, baseSha).then(entries => entries ?? []);
        return baseEntries;
    };
    return {
        listMissionEntries: () => {
            // Read the base tree alongside the plan's reads: the commit needs it after the bind.
            baseTree().catch(() => undefined);
            return listBaseEntries();
        },
        async readFile(path) {
            // Most repositories have no overrides: one probe of the folder spares each template read.
            if (path.startsWith(`${OVERRIDES_DIR}/`)) {
                overridesExist ??= repository
                    .listDirectory(OVERRIDES_DIR, baseSha)
                    .then(found => found !== null);
                if (!(await overridesExist))
                    return null;
            }
            return repository.readFile(path, baseSha);
        },
        async claimBranch(branch) {
            const claim = await repository.createBranch(branch, baseSha);
            if (claim === 'created')
                claimedHeads.set(branch, baseSha);
            return claim;
        },
        async findCommittedMission(branch) {
            const [onBranch, onBase] = await Promise.all([
                repository.listDirectory(MISSIONS_DIR, branch),
                listBaseEntries()
            ]);
            const added = (onBranch ?? []).filter(entry => !onBase.includes(entry));
            for (const entry of added) {
                const meta = await repository.readFile(`${MISSIONS_DIR}/${entry}/meta.json`, branch);
                if (meta !== null)
                    return { dir: entry, missionId: missionIdOf(meta) };
            }
            return null;
        },
        releaseBranch: branch => repository.deleteBranch(branch),
        async commitFiles(branch, files, message) {
            const parentSha = claimedHeads.get(branch) ?? (await repository.branchHead(branch));
            if (parentSha === null)
                throw new Error(`the branch ${branch} disappeared before the commit`);
            // On a branch claimed at the base, the base's tree (read ahead) is the parent tree.
            const baseTreeSha = parentSha === baseSha ? await baseTree() : undefined;
            return repository.commitFiles({ branch, parentSha, files, message, baseTreeSha });
        }
    };
}
function missionIdOf(metaText) {
    try {
        const meta = JSON.parse(metaText);
        if (typeof meta === 'object' && meta !== null && 'mission_id' in meta) {
            return typeof meta.mission_id === 'string' ? meta.mission_id : undefined;
        }
    }
    catch {
        return undefined;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/flows/mission-start.ts











/** The mission id of one confirmation: the list's time and an HMAC of its nonce and the ticket. */
function missionIdFor(key, list, chosen) {
    return ulidFromParts(list.created_at, missionRandomBits(key, list.nonce, chosen.external_issue_id));
}
/**
 * Starts the mission of a confirmed ticket in the service layer's order of writes, then publishes
 * it: the PR, the consumed list and the reply, where there is a list and an issue. A dry run
 * plans the same mission and rehearses every write through the recording ports, binding nothing.
 */
async function startConfirmedMission(context, confirmed, target) {
    const { inputs, source } = context;
    const { list, ticket, baseHead } = confirmed;
    const baseBranch = baseBranchOf(context);
    if (baseHead === null) {
        throw new errors/* KittyError */.s('github-error', `The base branch ${baseBranch} does not exist; set the base-branch input.`);
    }
    const { issueNumber, listComment } = target;
    const published = { existing: false };
    const publish = async (mission, hints) => {
        // A branch this run created has no pull request yet: skip the lookup.
        const existingPull = hints?.branchCreated === true
            ? null
            : await context.repository.findPullRequest(mission.branch);
        published.existing = existingPull !== null;
        // Earlier missions from the same ticket share the branch prefix (all but the mid8).
        const others = existingPull === null
            ? context.repository.openPullRequestsFrom(mission.branch.slice(0, -8))
            : Promise.resolve([]);
        others.catch(() => undefined);
        const pull = existingPull ??
            (await context.repository.openPullRequest({
                head: mission.branch,
                base: baseBranch,
                title: pullRequestTitle(ticket),
                body: pullRequestBody(mission, ticket, {
                    requestedBy: list.requester,
                    confirmedBy: source.actor,
                    sourceIssue: issueNumber === undefined ? undefined : { number: issueNumber },
                    runUrl: context.runUrl,
                    targetBranch: baseBranch
                }),
                draft: inputs.prDraft,
                labels: inputs.prLabels
            }));
        const otherMissions = (await others.catch(() => [])).filter(other => other.number !== pull.number);
        await Promise.all([
            target.onPublished?.(),
            listComment === undefined ? undefined : markConsumed(context, listComment, mission, pull),
            issueNumber === undefined
                ? undefined
                : context.conversation.createComment(issueNumber, renderMissionStarted({
                    missionSlug: mission.missionSlug,
                    key: ticket.external_issue_key,
                    prUrl: pull.url,
                    prNumber: pull.number,
                    existing: published.existing,
                    otherMissions
                }))
        ]);
        return pull;
    };
    const input = {
        binding: confirmed.binding,
        candidate: ticket,
        resource: confirmed.resource,
        missionId: missionIdFor(context.stateKey, list, ticket),
        repo: `${source.owner}/${source.repo}`,
        missionType: inputs.missionType,
        layout: inputs.missionLayout,
        targetBranch: baseBranch,
        nowMs: context.nowMs(),
        eventIds: [context.newUlid(), context.newUlid()]
    };
    const ports = {
        saas: context.saas,
        workspace: repositoryWorkspace(context.repository, baseHead),
        publish,
        emitEvent: (bound, project) => context.emitEvent(bound, project)
    };
    const dryRun = context.dryRun;
    const mission = dryRun === undefined
        ? (await startMissionFromTicket(input, ports)).mission
        : await rehearseMissionStart(dryRun, input, ports);
    const showPull = dryRun === undefined || published.existing;
    return {
        state: published.existing ? 'mission-exists' : 'mission-created',
        dryRun: inputs.dryRun,
        ...(issueNumber === undefined ? {} : { issueNumber }),
        query: list.query,
        mission: {
            id: mission.missionId,
            slug: mission.missionSlug,
            dir: mission.missionDir,
            branch: mission.branch
        },
        originTicket: dryRun === undefined
            ? {
                ...mission.originTicket,
                origin_link_id: mission.originLinkId,
                bound_at: mission.boundAt
            }
            : mission.originTicket,
        ...(mission.pullRequest === undefined || !showPull ? {} : { pullRequest: mission.pullRequest })
    };
}
async function markConsumed(context, listComment, mission, pull) {
    const consumed = {
        ...listComment.state,
        status: 'consumed',
        mission_slug: mission.missionSlug,
        pull_request: pull
    };
    await context.conversation.updateComment(listComment.id, renderConsumedCandidateComment({
        state: consumed,
        marker: encodeStateMarker(consumed, context.stateKey),
        scopeLabel: scopeLabel(listComment.state)
    }));
}
/** Stands in for the SaaS's answer in a dry run, where nothing is bound. */
const mission_start_NOT_BOUND = '(assigned by the SaaS at the bind)';
/**
 * A dry run's mission start: plans the same files as startMissionFromTicket, then walks its order
 * of writes through the recording ports (claim, bind, commit, PR, replies, event) so the job
 * summary shows each write. The bind is recorded with its request body and never sent.
 */
async function rehearseMissionStart(log, input, ports) {
    const files = await planMission(input, ports.workspace);
    await ports.workspace.claimBranch(files.branch);
    log.record(`Bind ${(0,chatops_escape/* escapeInline */.VV)(input.candidate.external_issue_key, 64)} as the origin of mission ` +
        `${(0,chatops_escape/* escapeCodeSpan */.Hs)(input.missionId)} at the Spec Kitty SaaS`, {
        text: `${JSON.stringify(bindRequest({ ...input, missionSlug: files.missionSlug }), null, 2)}\n`,
        language: 'json'
    });
    await ports.workspace.commitFiles(files.branch, files.files, `${files.commitMessage}\nOrigin link: ${mission_start_NOT_BOUND}\n`);
    const mission = {
        missionId: input.missionId,
        missionDir: files.missionDir,
        missionSlug: files.dirName,
        branch: files.branch,
        commitSha: null,
        originTicket: originTicketOf(input),
        originLinkId: mission_start_NOT_BOUND,
        boundAt: mission_start_NOT_BOUND,
        alreadyBound: false,
        eventEmitted: false
    };
    mission.pullRequest = await ports.publish(mission);
    await ports.emitEvent(mission, input.binding.project);
    return mission;
}

;// CONCATENATED MODULE: ./src/flows/confirm.ts





/** Picks the chosen candidate from the list, by row number or ticket key. */
function chooseCandidate(state, choice) {
    const count = state.candidates.length;
    if ('index' in choice) {
        const chosen = state.candidates[choice.index - 1];
        if (chosen !== undefined)
            return chosen;
        throw new errors/* KittyError */.s('input-invalid', count === 0
            ? 'The candidate list is empty, so there is nothing to confirm; start a new search.'
            : `There is no candidate ${choice.index} in the list; choose 1 to ${count}.`);
    }
    const chosen = state.candidates.find(candidate => candidate.external_issue_key.toUpperCase() === choice.key.toUpperCase());
    if (chosen !== undefined)
        return chosen;
    throw new errors/* KittyError */.s('input-invalid', `${choice.key} is not in the candidate list; confirm one of the listed tickets.`);
}
/** The newest open list, or a sentence for why there is nothing to confirm. */
function openList(lookup, prefix) {
    if (!lookup.found) {
        throw new errors/* KittyError */.s('input-invalid', lookup.reason === 'expired'
            ? `The candidate list has expired; run \`${prefix} start-from\` again.`
            : `There is no candidate list in this issue to confirm; start with \`${prefix} start-from <ticket>\`.`);
    }
    if (lookup.state.status === 'cancelled') {
        throw new errors/* KittyError */.s('input-invalid', `The candidate list was cancelled, so there is nothing to confirm; run \`${prefix} start-from\` again.`);
    }
    return lookup;
}
function existingMissionReport(context, state, issueNumber) {
    return {
        state: 'mission-exists',
        dryRun: context.inputs.dryRun,
        issueNumber,
        query: state.query,
        ...(state.pull_request === undefined ? {} : { pullRequest: state.pull_request }),
        reason: `The candidate list was already confirmed as ${state.mission_slug ?? 'a mission'}.`
    };
}
/**
 * `confirm`: verify the newest open list and re-fetch the chosen ticket, then start its mission
 * (see startConfirmedMission), marking the list consumed and replying on the issue.
 */
async function confirmFlow(context, choice, where, reads) {
    const { inputs, source } = context;
    const { commentId: listCommentId, state } = openList(await reads.lookup, inputs.commandPrefix);
    if (inputs.confirmBy === 'requester' &&
        state.requester.toLowerCase() !== source.actor.toLowerCase()) {
        throw new errors/* KittyError */.s('input-invalid', `Only @${state.requester}, who asked for this list, can confirm it (confirm-by: requester).`);
    }
    if (state.status === 'consumed') {
        if (state.pull_request !== undefined) {
            await context.conversation.createComment(where.issueNumber, renderMissionStarted({
                missionSlug: state.mission_slug ?? '',
                key: state.candidates[0]?.external_issue_key ?? '',
                prUrl: state.pull_request.url,
                prNumber: state.pull_request.number,
                existing: true
            }));
        }
        return existingMissionReport(context, state, where.issueNumber);
    }
    const chosen = chooseCandidate(state, choice);
    const binding = resolveTrackerBinding(await reads.config, {
        provider: inputs.provider,
        projectSlug: inputs.projectSlug,
        bindingRef: inputs.bindingRef
    });
    if (binding.provider !== state.provider) {
        throw new errors/* KittyError */.s('tracker-provider-unsupported', `The repository is now bound to ${providerName(binding.provider)}, not ${providerName(state.provider)}; start a new search.`);
    }
    const [baseHead, fresh] = await Promise.all([
        reads.baseHead,
        refetchCandidate(binding, chosen, context.saas)
    ]);
    return startConfirmedMission(context, { list: state, binding, ticket: fresh.candidate, resource: fresh.resource, baseHead }, {
        issueNumber: where.issueNumber,
        listComment: { id: listCommentId, state },
        onPublished: where.onPublished
    });
}

;// CONCATENATED MODULE: ./src/flows/find-state.ts


/** Comments read, from the end of the thread, before giving up on finding a candidate list. */
const STATE_LOOKUP_COMMENTS = 200;
/**
 * Walks the issue's comments from the newest and returns the newest candidate list that is
 * genuinely ours: posted by a bot account, signed with our key, for this repository and issue.
 * Markers in people's comments, or in bot comments someone edited, are skipped as forgeries.
 */
async function findNewestCandidateList(context, issueNumber, totalComments) {
    const expect = { repo: repoSlug(context.source), issue: issueNumber, nowMs: context.nowMs() };
    let read = 0;
    for await (const comment of context.conversation.newestComments(issueNumber, totalComments)) {
        if (++read > STATE_LOOKUP_COMMENTS)
            break;
        if (findStateMarker(comment.body) === null)
            continue;
        if (!comment.author.isBot) {
            context.log.warning(`Ignored a candidate-list marker in a comment by @${comment.author.login}.`);
            continue;
        }
        const decoded = decodeStateMarker(comment.body, context.stateKey, expect);
        if (decoded.ok)
            return { found: true, commentId: comment.id, state: decoded.state };
        if (decoded.reason === 'expired')
            return { found: false, reason: 'expired' };
        context.log.warning(`Ignored candidate list in comment ${comment.id}: ${decoded.reason}.`);
    }
    return { found: false, reason: 'none' };
}

;// CONCATENATED MODULE: ./src/flows/gate.ts


/**
 * The permission gate every command and dispatch passes. Any API error counts as no permission
 * (fail closed). Returns the `denied` report after telling the actor (👎 on their comment and a
 * reply on the issue, each where there is one), or null when they may go on.
 */
async function gateActor(context, permission, where) {
    const actual = await permission.catch(() => 'none');
    const needed = context.inputs.minPermission;
    if (permissionAtLeast(actual, needed))
        return null;
    const actor = context.source.actor;
    const { issueNumber, commentId } = where;
    context.log.info(`@${actor} has ${actual} permission; ${needed} is needed.`);
    await Promise.all([
        commentId === undefined ? undefined : context.conversation.addReaction(commentId, '-1'),
        issueNumber === undefined
            ? undefined
            : context.conversation.createComment(issueNumber, renderDenied(actor, needed))
    ]);
    return {
        state: 'denied',
        dryRun: context.inputs.dryRun,
        reason: `@${actor} has ${actual} permission on this repository; ${needed} is needed.`,
        ...(issueNumber === undefined ? {} : { issueNumber })
    };
}

;// CONCATENATED MODULE: ./src/flows/command.ts








/** Reactions are courtesy: a failure to add one is logged, never fatal. */
function react(context, commentId, reaction) {
    return context.conversation.addReaction(commentId, reaction).catch((error) => {
        context.log.warning(`Could not add the ${reaction} reaction: ${(0,errors/* toKittyError */.V)(error).message}`);
    });
}
/** A read started early: its failure surfaces where it is awaited, never as an unhandled one. */
function early(read) {
    read.catch(() => undefined);
    return read;
}
/** Starts the reads a command needs that do not depend on the permission gate. */
function prepare(context, event, onPublished) {
    const { command, issueNumber } = event;
    const listLookup = () => early(findNewestCandidateList(context, issueNumber, event.issueCommentCount));
    switch (command.verb) {
        case 'start-from': {
            const config = readTrackerConfig(context);
            const requester = context.source.actor;
            return {
                reads: [config],
                run: () => startFromFlow(context, command.query, { issueNumber, requester }, config)
            };
        }
        case 'confirm': {
            const reads = {
                lookup: listLookup(),
                baseHead: early(context.repository.branchHead(baseBranchOf(context))),
                config: readTrackerConfig(context)
            };
            return {
                reads: Object.values(reads),
                run: () => confirmFlow(context, command.choice, { issueNumber, onPublished }, reads)
            };
        }
        case 'cancel': {
            const lookup = listLookup();
            return { reads: [lookup], run: () => cancelFlow(context, issueNumber, lookup) };
        }
        case 'help':
            return {
                reads: [],
                async run() {
                    const { commandPrefix } = context.inputs;
                    await context.conversation.createComment(issueNumber, renderHelp(commandPrefix, command.problem));
                    return {
                        state: 'help',
                        dryRun: context.inputs.dryRun,
                        issueNumber,
                        ...(command.problem === undefined ? {} : { reason: command.problem })
                    };
                }
            };
    }
}
/**
 * Runs one command: the permission gate first (reads that do not depend on it run alongside),
 * then 👀, the command's flow, and 🚀 on success. Any failure becomes 😕 and one short reply.
 * The run ends when the reads it started early have; none is left running after the report.
 */
async function handleCommand(context, event) {
    const { issueNumber, commentId } = event;
    const permission = context.repository.permissionOf(context.source.actor);
    const celebration = { done: false };
    const celebrate = () => {
        celebration.done = true;
        return react(context, commentId, 'rocket');
    };
    const prepared = prepare(context, event, celebrate);
    const settled = () => Promise.allSettled(prepared.reads);
    const denied = await gateActor(context, permission, { issueNumber, commentId });
    if (denied !== null) {
        await settled();
        return denied;
    }
    const seen = react(context, commentId, 'eyes');
    try {
        const report = await prepared.run();
        await Promise.all([seen, settled()]);
        const succeeded = report.state === 'mission-created' || report.state === 'mission-exists';
        if (succeeded && !celebration.done)
            await react(context, commentId, 'rocket');
        return report;
    }
    catch (thrown) {
        const error = (0,errors/* toKittyError */.V)(thrown);
        context.log.warning(`${error.code}: ${error.message}${error.detail === undefined ? '' : ` (${error.detail})`}`);
        await Promise.all([
            seen,
            react(context, commentId, 'confused'),
            context.conversation
                .createComment(issueNumber, renderFailure(error.message, context.runUrl))
                .catch(() => undefined),
            settled()
        ]);
        return {
            state: 'failed',
            dryRun: context.inputs.dryRun,
            issueNumber,
            error: { code: error.code, message: error.message }
        };
    }
}

;// CONCATENATED MODULE: ./src/flows/dispatch.ts







/**
 * The `query` and `confirm` inputs through the same validators as comment commands.
 * Throws KittyError `input-invalid` when `query` is missing or either input is unusable.
 */
function dispatchRequest(inputs) {
    if (inputs.query === undefined) {
        throw new errors/* KittyError */.s('input-invalid', 'Input `query` is required for workflow_dispatch.');
    }
    return {
        query: (0,grammar/* validateQuery */.B4)(inputs.query),
        confirm: inputs.confirm === undefined ? undefined : (0,grammar/* validateConfirmKey */.eC)(inputs.confirm)
    };
}
/**
 * Runs a workflow_dispatch: the dispatching actor passes the permission gate, then the query is
 * searched. Without `confirm` the candidates go to the job summary (and, with `issue-number`, a
 * signed candidate list is posted there so the conversation goes on in comments). With `confirm`
 * the key must be among the fresh results; that explicit choice is the confirmation, and the
 * mission starts as a comment confirm starts it. There is no comment, so there are no reactions;
 * denials and failures are answered on `issue-number` when it is given.
 */
async function handleDispatch(context) {
    const { inputs, source } = context;
    const permission = context.repository.permissionOf(source.actor);
    const reads = {
        config: readTrackerConfig(context),
        baseHead: inputs.confirm === undefined
            ? Promise.resolve(null)
            : context.repository.branchHead(baseBranchOf(context))
    };
    reads.baseHead.catch(() => undefined);
    try {
        const denied = await gateActor(context, permission, { issueNumber: inputs.issueNumber });
        return denied ?? (await answerDispatch(context, reads));
    }
    finally {
        // The run ends when the reads it started early have; none is left running after the report.
        await Promise.allSettled([reads.config, reads.baseHead]);
    }
}
/** The dispatch after the gate; any failure becomes `failed`, told on `issue-number` if given. */
async function answerDispatch(context, reads) {
    const { inputs, source } = context;
    const issueNumber = inputs.issueNumber;
    try {
        const request = dispatchRequest(inputs);
        if (request.confirm !== undefined) {
            return await confirmFromDispatch(context, request.query, request.confirm, reads);
        }
        if (issueNumber !== undefined) {
            return await startFromFlow(context, request.query, { issueNumber, requester: source.actor }, reads.config);
        }
        const { result } = await searchForQuery(context, request.query, reads.config);
        context.log.info(`Found ${result.candidates.length} candidate(s) for "${result.query_used}".`);
        return {
            state: 'candidates-posted',
            dryRun: inputs.dryRun,
            query: result.query_used,
            candidates: result.candidates
        };
    }
    catch (thrown) {
        const error = (0,errors/* toKittyError */.V)(thrown);
        context.log.warning(`${error.code}: ${error.message}${error.detail === undefined ? '' : ` (${error.detail})`}`);
        if (issueNumber !== undefined) {
            await context.conversation
                .createComment(issueNumber, renderFailure(error.message, context.runUrl))
                .catch(() => undefined);
        }
        return {
            state: 'failed',
            dryRun: inputs.dryRun,
            ...(issueNumber === undefined ? {} : { issueNumber }),
            error: { code: error.code, message: error.message }
        };
    }
}
/** Searches again and starts the mission of `key`, which must be among the results. */
async function confirmFromDispatch(context, query, key, reads) {
    const { result, binding } = await searchForQuery(context, query, reads.config);
    const ticket = result.candidates.find(candidate => candidate.external_issue_key.toUpperCase() === key);
    if (ticket === undefined) {
        throw new errors/* KittyError */.s('ticket-not-found', `${key} is not among the results for ${result.query_used}; run without confirm to see them.`);
    }
    return startConfirmedMission(context, {
        list: {
            requester: context.source.actor,
            query: result.query_used,
            provider: result.provider,
            ...newListIdentity(context)
        },
        binding,
        ticket,
        resource: { resource_type: result.resource_type, resource_id: result.resource_id },
        baseHead: await reads.baseHead
    }, { issueNumber: context.inputs.issueNumber });
}

;// CONCATENATED MODULE: ./src/flows/dry-run.ts

/** The head a dry run pretends a commit has: there is no commit. */
const DRY_RUN_SHA = '0'.repeat(40);
/**
 * The number a dry run gives the pull request it does not open: GitHub numbers it when it is
 * opened, and the consumed list's marker only accepts a positive number.
 */
const DRY_RUN_PULL_NUMBER = 1;
/** The longest text shown for one planned write; GitHub caps a job summary at 1 MiB. */
const SHOWN_TEXT_LIMIT = 65_536;
const REACTIONS = {
    eyes: '👀',
    rocket: '🚀',
    confused: '😕',
    '-1': '👎'
};
/** An empty log. */
function createDryRunLog() {
    const writes = [];
    return {
        writes,
        record(title, ...texts) {
            writes.push({ title, texts });
        }
    };
}
/** The conversation of a dry run: reads go to `real`; comments and reactions are only recorded. */
function dryRunConversation(real, log) {
    return {
        newestComments: (issueNumber, totalComments) => real.newestComments(issueNumber, totalComments),
        addReaction(commentId, reaction) {
            log.record(`${REACTIONS[reaction]} reaction on comment ${commentId}`);
            return Promise.resolve();
        },
        createComment(issueNumber, body) {
            log.record(`Comment on #${issueNumber}`, { text: body, language: 'markdown' });
            return Promise.resolve({ id: 0, url: '' });
        },
        updateComment(commentId, body) {
            log.record(`Edit comment ${commentId} to read`, { text: body, language: 'markdown' });
            return Promise.resolve();
        }
    };
}
/** The repository of a dry run: reads go to `real`; refs, commits and pull requests are only recorded. */
function dryRunRepository(real, log) {
    return {
        permissionOf: login => real.permissionOf(login),
        readFile: (path, ref) => real.readFile(path, ref),
        listDirectory: (path, ref) => real.listDirectory(path, ref),
        branchHead: branch => real.branchHead(branch),
        commitTree: sha => real.commitTree(sha),
        findPullRequest: head => real.findPullRequest(head),
        openPullRequestsFrom: prefix => real.openPullRequestsFrom(prefix),
        createBranch(branch, sha) {
            log.record(`Create branch ${(0,chatops_escape/* escapeCodeSpan */.Hs)(branch)} at ${(0,chatops_escape/* escapeCodeSpan */.Hs)(sha)}`);
            return Promise.resolve('created');
        },
        deleteBranch(branch) {
            log.record(`Delete branch ${(0,chatops_escape/* escapeCodeSpan */.Hs)(branch)}`);
            return Promise.resolve();
        },
        commitFiles({ branch, files, message }) {
            log.record(`Commit ${files.length} files to ${(0,chatops_escape/* escapeCodeSpan */.Hs)(branch)}`, { label: 'Commit message', text: message, language: 'text' }, ...files.map(file => ({
                label: (0,chatops_escape/* escapeCodeSpan */.Hs)(file.path, 1000),
                text: file.content,
                language: languageOf(file.path)
            })));
            return Promise.resolve(DRY_RUN_SHA);
        },
        openPullRequest({ head, base, title, body, draft, labels }) {
            const extras = [
                ...(draft ? ['draft'] : []),
                ...(labels.length === 0
                    ? []
                    : [`labels ${labels.map(label => (0,chatops_escape/* escapeCodeSpan */.Hs)(label)).join(', ')}`])
            ];
            log.record(`Open ${extras.length === 0 ? '' : `(${extras.join('; ')}) `}pull request from ` +
                `${(0,chatops_escape/* escapeCodeSpan */.Hs)(head)} into ${(0,chatops_escape/* escapeCodeSpan */.Hs)(base)}: ${(0,chatops_escape/* escapeInline */.VV)(title, 300)}`, { text: body, language: 'markdown' });
            return Promise.resolve({ number: DRY_RUN_PULL_NUMBER, url: '' });
        }
    };
}
function languageOf(path) {
    if (path.endsWith('.json'))
        return 'json';
    return path.endsWith('.md') ? 'markdown' : 'text';
}
/** A fence of backticks longer than any run of backticks inside `text`. */
function fenceFor(text) {
    const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map(run => run.length));
    return '`'.repeat(Math.max(3, longest + 1));
}
function block(planned) {
    if (planned.text === '')
        return `${planned.label ?? 'The text'} (empty)`;
    const shown = planned.text.length <= SHOWN_TEXT_LIMIT
        ? planned.text
        : `${(0,chatops_escape/* truncate */.xv)(planned.text, SHOWN_TEXT_LIMIT)}\n(cut: ${planned.text.length} characters in all)`;
    const fence = fenceFor(shown);
    const code = `${fence}${planned.language}\n${shown.replace(/\n$/, '')}\n${fence}`;
    return planned.label === undefined ? code : `${planned.label}\n\n${code}`;
}
/** The job summary's account of a dry run: every write a real run would have made, in order. */
function renderPlannedWrites(writes) {
    const heading = '### Dry run: nothing was written';
    if (writes.length === 0)
        return `${heading}\n\nA real run would not have written anything either.`;
    return [
        heading,
        'A real run would have made these writes, in this order. The new pull request shows as ' +
            `#${DRY_RUN_PULL_NUMBER} without a link: GitHub numbers it when it is opened.`,
        ...writes.map((write, index) => [`#### ${index + 1}. ${write.title}`, ...write.texts.map(block)].join('\n\n'))
    ].join('\n\n');
}
/**
 * Turns a context into its dry run: the same flows, with ports that read for real and record every
 * write, and a MissionOriginBound event that is recorded, not sent. `finish` adds the record to
 * the report's job summary.
 */
function dryRunContext(context) {
    const log = createDryRunLog();
    return {
        context: {
            ...context,
            conversation: dryRunConversation(context.conversation, log),
            repository: dryRunRepository(context.repository, log),
            dryRun: log,
            emitEvent(mission) {
                log.record(`Report the MissionOriginBound event of ${(0,chatops_escape/* escapeCodeSpan */.Hs)(mission.missionSlug)} to the Spec Kitty SaaS`);
                return Promise.resolve(false);
            }
        },
        finish: report => ({
            ...report,
            details: [report.details, renderPlannedWrites(log.writes)]
                .filter(part => part !== undefined)
                .join('\n\n')
        })
    };
}

// EXTERNAL MODULE: ./node_modules/zod/v4/core/errors.js
var core_errors = __webpack_require__(7428);
;// CONCATENATED MODULE: ./src/github/errors.ts


/** The repository setting that lets the Actions token open pull requests. */
const ACTIONS_PR_SETTING = 'Settings → Actions → General → Workflow permissions → Allow GitHub Actions to create and approve pull requests';
/** The parts of an Octokit `RequestError` the mapping reads (never headers). */
const RequestFailure = schemas/* object */.Ikc({
    status: schemas/* number */.aig(),
    message: schemas/* string */.YjP(),
    response: schemas/* object */.Ikc({ data: schemas/* unknown */.L5J() }).optional(),
    cause: schemas/* unknown */.L5J().optional()
});
const MessageBody = schemas/* object */.Ikc({
    message: schemas/* string */.YjP(),
    errors: schemas/* array */.YOg(schemas/* unknown */.L5J()).optional()
});
const ErrorEntry = schemas/* object */.Ikc({ message: schemas/* string */.YjP() });
/**
 * GitHub's own words from an error body, if it has any: `message`, then the `message` of each
 * entry of `errors` (where a 422 says what exactly failed, e.g. "A pull request already exists").
 */
function githubMessage(failure) {
    const parsed = MessageBody.safeParse(failure.response?.data);
    if (!parsed.success)
        return undefined;
    const details = (parsed.data.errors ?? []).flatMap(entry => {
        const detail = ErrorEntry.safeParse(entry);
        return detail.success ? [detail.data.message] : [];
    });
    return [parsed.data.message, ...details].join(' ');
}
/** The HTTP status of a failed Octokit request, if `error` is one that got an answer. */
function failedStatus(error) {
    const parsed = RequestFailure.safeParse(error);
    return parsed.success && parsed.data.response !== undefined ? parsed.data.status : undefined;
}
/** True when GitHub answered `status` with an error message matching `pattern`. */
function isGitHubFailure(error, status, pattern) {
    const parsed = RequestFailure.safeParse(error);
    if (!parsed.success || parsed.data.response === undefined || parsed.data.status !== status) {
        return false;
    }
    return pattern === undefined || pattern.test(githubMessage(parsed.data) ?? '');
}
function isTimeout(failure) {
    const cause = failure.cause;
    return (cause !== null &&
        typeof cause === 'object' &&
        'name' in cause &&
        (cause.name === 'TimeoutError' || cause.name === 'AbortError'));
}
function sentence(failure, call) {
    const { status } = failure;
    const message = githubMessage(failure) ?? '';
    const when = `when kitty-origin tried to ${call.action}`;
    if (failure.response === undefined) {
        const what = isTimeout(failure)
            ? 'GitHub did not answer in time'
            : 'GitHub could not be reached';
        return { text: `${what} ${when}; re-run the job later.`, retryable: true };
    }
    if (/not permitted to create or approve pull requests/i.test(message)) {
        return {
            text: `GitHub Actions may not open pull requests in this repository; turn on ${ACTIONS_PR_SETTING}, then re-run the job.`,
            retryable: false
        };
    }
    if (/resource not accessible by integration/i.test(message)) {
        return {
            text: `The workflow's token may not ${call.action}; add \`${call.permission}\` under \`permissions:\` in the workflow file.`,
            retryable: false
        };
    }
    if ((status === 403 || status === 429) && /rate limit/i.test(message)) {
        return {
            text: `GitHub's rate limit blocked kitty-origin's request to ${call.action}; re-run the job later.`,
            retryable: true
        };
    }
    const texts = {
        401: `GitHub rejected the token ${when}; check the token the workflow gives kitty-origin.`,
        403: `GitHub refused access ${when}; check the token's permissions and the repository's rules.`,
        404: `GitHub found nothing ${when}; check that it exists and that the token can see it.`,
        409: `GitHub reported a conflict ${when}; re-run the job.`,
        422: `GitHub refused the request ${when} (validation failed); see the run log.`
    };
    if (status >= 500)
        return { text: `GitHub failed (${status}) ${when}; re-run the job later.`, retryable: true };
    return {
        text: texts[status] ?? `GitHub answered ${status} ${when}; see the run log.`,
        retryable: false
    };
}
/**
 * Turns anything a GitHub call threw into a KittyError (`github-error`): one sentence for the
 * user that names what was being done and what to change, never GitHub's raw body or headers;
 * the status and GitHub's message go to `detail` for the log.
 */
function toGitHubError(error, call) {
    if (error instanceof errors/* KittyError */.s)
        return error;
    const parsed = RequestFailure.safeParse(error);
    if (!parsed.success) {
        const detail = error instanceof Error ? error.message : String(error);
        return new errors/* KittyError */.s('github-error', `kitty-origin could not ${call.action} on GitHub; see the run log.`, detail, { cause: error });
    }
    const failure = parsed.data;
    const { text, retryable } = sentence(failure, call);
    const detail = failure.response === undefined
        ? `No answer from GitHub: ${failure.message}`
        : `GitHub answered ${failure.status}: ${(githubMessage(failure) ?? 'a body without a JSON message').slice(0, 300)}`;
    return new errors/* KittyError */.s('github-error', text, detail, { cause: error, retryable });
}
/**
 * Runs one GitHub call, turning its failure into a KittyError — unless `recover` turns that
 * failure into a value (e.g. a 404 into null).
 */
async function errors_attempt(call, run, recover) {
    try {
        return await run();
    }
    catch (error) {
        const recovered = recover?.(error);
        if (recovered !== undefined)
            return recovered;
        throw toGitHubError(error, call);
    }
}
/** Parses a GitHub answer at the edge; a shape kitty-origin does not expect is a KittyError. */
function errors_parseAnswer(schema, data, call) {
    const parsed = schema.safeParse(data);
    if (parsed.success)
        return parsed.data;
    throw new errors/* KittyError */.s('github-error', `GitHub's answer when kitty-origin tried to ${call.action} was not what it expected; see the run log.`, core_errors/* prettifyError */.S1(parsed.error));
}

;// CONCATENATED MODULE: ./src/github/refs.ts



const RefAnswer = schemas/* object */.Ikc({ object: schemas/* object */.Ikc({ sha: schemas/* string */.YjP().regex(/^[0-9a-f]{40}$/) }) });
const ALREADY_EXISTS = /reference already exists/i;
const DOES_NOT_EXIST = /reference does not exist/i;
const NOT_FAST_FORWARD = /not a fast.?forward/i;
/** The commit a branch points at; null when the branch does not exist. */
async function getBranchHead(api, repo, branch) {
    const call = { action: `read the branch ${branch}`, permission: 'contents: read' };
    const data = await errors_attempt(call, async () => (await api.request('GET /repos/{owner}/{repo}/git/ref/{ref}', {
        owner: repo.owner,
        repo: repo.repo,
        ref: `heads/${branch}`
    })).data, error => (isGitHubFailure(error, 404) ? null : undefined));
    return data === null ? null : errors_parseAnswer(RefAnswer, data, call).object.sha;
}
/**
 * Creates a branch at `sha`. Creating a ref is atomic on GitHub, so of two concurrent callers
 * exactly one gets `'created'`; the other (and a re-run) gets `'exists'`.
 */
async function createBranch(api, repo, branch, sha) {
    const call = { action: `create the branch ${branch}`, permission: 'contents: write' };
    return errors_attempt(call, async () => {
        await api.request('POST /repos/{owner}/{repo}/git/refs', {
            owner: repo.owner,
            repo: repo.repo,
            ref: `refs/heads/${branch}`,
            sha
        });
        return 'created';
    }, error => (isGitHubFailure(error, 422, ALREADY_EXISTS) ? 'exists' : undefined));
}
/** Deletes a branch; `'missing'` when it was already gone (so a retry is harmless). */
async function deleteBranch(api, repo, branch) {
    const call = { action: `delete the branch ${branch}`, permission: 'contents: write' };
    return errors_attempt(call, async () => {
        await api.request('DELETE /repos/{owner}/{repo}/git/refs/{ref}', {
            owner: repo.owner,
            repo: repo.repo,
            ref: `heads/${branch}`
        });
        return 'deleted';
    }, error => (isGitHubFailure(error, 422, DOES_NOT_EXIST) ? 'missing' : undefined));
}
/**
 * Moves a branch forward to `sha`, never by force: when someone pushed to the branch in the
 * meantime (so `sha` does not descend from its head), nothing changes and this is an error.
 */
async function moveBranch(api, repo, branch, sha) {
    const call = { action: `update the branch ${branch}`, permission: 'contents: write' };
    try {
        await api.request('PATCH /repos/{owner}/{repo}/git/refs/{ref}', {
            owner: repo.owner,
            repo: repo.repo,
            ref: `heads/${branch}`,
            sha,
            force: false
        });
    }
    catch (error) {
        if (!isGitHubFailure(error, 422, NOT_FAST_FORWARD))
            throw toGitHubError(error, call);
        throw new errors/* KittyError */.s('github-error', `The branch ${branch} changed while kitty-origin was writing to it, so kitty-origin left it alone; re-run the job to continue from its new state.`, `GitHub answered 422: Update is not a fast forward (to ${sha})`, { cause: error });
    }
}

;// CONCATENATED MODULE: ./src/events/delivery.ts

/**
 * `pending` and `queued` mean the SaaS took the event and will process it on its side; sending
 * it again would only earn a `duplicate`, so they count as delivered like `accepted`.
 */
const DELIVERED = new Set([
    'success',
    'accepted',
    'duplicate',
    'warning',
    'pending',
    'queued'
]);
/**
 * Codes of a thrown, non-retryable error that still leave the events queued: an answer we
 * could not read says nothing about whether the SaaS kept the events.
 */
const KEEP_QUEUED = new Set(['saas-bad-response', 'internal']);
/** Why an event the SaaS sent no result for stays queued. */
const NO_RESULT_REASON = 'the Spec Kitty SaaS sent no result for this event';
/** An error as one log line: the user sentence, then the detail in brackets when there is one. */
function describeError(thrown) {
    const error = (0,errors/* toKittyError */.V)(thrown);
    return error.detail === undefined ? error.message : `${error.message} (${error.detail})`;
}
function classify(events, results) {
    const byId = new Map();
    for (const result of results) {
        if (!byId.has(result.event_id))
            byId.set(result.event_id, result);
    }
    const outcome = { delivered: [], rejected: [], pending: [], pendingReason: '' };
    for (const event of events) {
        const result = byId.get(event.event_id);
        if (result === undefined)
            outcome.pending.push(event);
        else if (DELIVERED.has(result.status))
            outcome.delivered.push(event);
        else
            outcome.rejected.push({ event, reason: result.error ?? 'rejected by the Spec Kitty SaaS' });
    }
    if (outcome.pending.length > 0)
        outcome.pendingReason = NO_RESULT_REASON;
    return outcome;
}
/**
 * Sends one batch and sorts every event into delivered, rejected or pending. Results are matched
 * by `event_id`, so an event the SaaS did not answer for stays pending. A thrown retryable error
 * (401/403/408/429/5xx, network, timeout) leaves every event pending; a thrown final one (412
 * protocol mismatch, 400 without results, other refusals) rejects every event with its reason.
 * Never throws.
 */
async function deliverEvents(events, saas) {
    if (events.length === 0)
        return { delivered: [], rejected: [], pending: [], pendingReason: '' };
    let results;
    try {
        results = await saas.sendEvents([...events]);
    }
    catch (thrown) {
        const error = (0,errors/* toKittyError */.V)(thrown);
        const reason = describeError(error);
        if (error.retryable || KEEP_QUEUED.has(error.code)) {
            return { delivered: [], rejected: [], pending: [...events], pendingReason: reason };
        }
        return {
            delivered: [],
            rejected: events.map(event => ({ event, reason })),
            pending: [],
            pendingReason: ''
        };
    }
    return classify(events, results);
}

;// CONCATENATED MODULE: ./src/events/envelope.ts








/** The label hashed with the repository into its node id, so ids are ours and stable. */
const NODE_ID_LABEL = 'kitty-origin/node-id/v1';
/** `owner/repo`: two non-empty parts without slashes or whitespace. */
const REPO_SLUG_PATTERN = /^[^/\s]+\/[^/\s]+$/;
const nonEmpty = schemas/* string */.YjP().min(1);
/** The payload rules of the contract: six required non-empty strings, the provider, the slug. */
const PayloadRules = schemas/* strictObject */.rej({
    mission_slug: schemas/* string */.YjP().regex(MISSION_SLUG_PATTERN, 'is neither NNN-<slug> nor <slug>-<mid8>'),
    mission_id: schemas/* string */.YjP().regex(ULID_PATTERN, 'is not a ULID'),
    provider: models/* Provider */.Kq,
    external_issue_id: nonEmpty,
    external_issue_key: nonEmpty,
    external_issue_url: nonEmpty,
    title: schemas/* string */.YjP()
});
/** A whole `MissionOriginBound` envelope as kitty-origin sends it (also what the outbox stores). */
const MissionOriginBoundEnvelope = schemas/* strictObject */.rej({
    event_id: schemas/* string */.YjP().regex(ULID_PATTERN, 'is not a ULID'),
    event_type: schemas/* literal */.euz('MissionOriginBound'),
    aggregate_type: schemas/* literal */.euz('Mission'),
    aggregate_id: schemas/* string */.YjP().regex(ULID_PATTERN, 'is not a ULID'),
    schema_version: schemas/* literal */.euz('3.0.0'),
    build_id: schemas/* string */.YjP(),
    payload: PayloadRules,
    node_id: schemas/* string */.YjP().regex(/^[0-9a-f]{12}$/, 'is not 12 lowercase hex digits'),
    lamport_clock: schemas/* number */.aig().int().min(1),
    causation_id: schemas/* string */.YjP().nullable(),
    correlation_id: nonEmpty,
    timestamp: schemas/* string */.YjP()
        .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{6})?\+00:00$/, 'is not ISO 8601 UTC'),
    team_slug: schemas/* string */.YjP().nullable(),
    project_uuid: schemas/* string */.YjP().nullable(),
    project_slug: schemas/* string */.YjP().nullable(),
    git_branch: nonEmpty,
    head_commit_sha: nonEmpty,
    repo_slug: schemas/* string */.YjP().regex(REPO_SLUG_PATTERN, 'is not owner/repo')
});
/**
 * The event id of a mission's `MissionOriginBound`: a ULID with the mission's time and bits of a
 * hash of its id, so every run that reports the same mission sends the same event and the SaaS
 * answers the repeats as `duplicate`.
 */
function missionOriginBoundEventId(missionId) {
    const random = (0,external_node_crypto_.createHash)('sha256')
        .update(`kitty-origin/MissionOriginBound/v1\n${missionId}`)
        .digest();
    return ulidFromParts((0,node/* decodeTime */.A4)(missionId), random.subarray(0, 10));
}
/**
 * The node id of a repository: 12 lowercase hex digits of SHA-256 over a label and the
 * lower-cased `owner/repo` (GitHub names are case-insensitive), the same on every runner.
 */
function nodeIdFor(repoSlug) {
    return (0,external_node_crypto_.createHash)('sha256')
        .update(`${NODE_ID_LABEL}\n${repoSlug.toLowerCase()}`)
        .digest('hex')
        .slice(0, 12);
}
function describe(error) {
    return error.issues
        .map(issue => (issue.path.length > 0 ? `${issue.path.join('.')} ` : '') + issue.message)
        .join('; ');
}
/**
 * Why the SaaS would refuse this envelope, or null when it is fine: the contract's payload rules,
 * the envelope's fixed fields, and the ties between them (`correlation_id` is the event id,
 * `aggregate_id` the mission id). Checked before an event is sent or queued, so no poison event
 * ever waits in the outbox.
 */
function validateEnvelopePayload(event) {
    const parsed = MissionOriginBoundEnvelope.safeParse(event);
    if (!parsed.success)
        return describe(parsed.error);
    const envelope = parsed.data;
    if (envelope.correlation_id !== envelope.event_id)
        return 'correlation_id is not the event_id';
    if (envelope.aggregate_id !== envelope.payload.mission_id) {
        return 'aggregate_id is not the payload mission_id';
    }
    return null;
}
/** The `MissionOriginBound` envelope of the contract; throws when it would be refused. */
function missionOriginBoundEvent(input) {
    const { mission, eventId } = input;
    const ticket = mission.originTicket;
    const envelope = {
        event_id: eventId,
        event_type: 'MissionOriginBound',
        aggregate_type: 'Mission',
        aggregate_id: mission.missionId,
        schema_version: '3.0.0',
        build_id: '',
        payload: {
            mission_slug: mission.missionSlug,
            mission_id: mission.missionId,
            provider: ticket.provider,
            external_issue_id: ticket.external_issue_id,
            external_issue_key: ticket.external_issue_key,
            external_issue_url: ticket.external_issue_url,
            title: ticket.title
        },
        node_id: input.nodeId,
        lamport_clock: 1,
        causation_id: null,
        correlation_id: eventId,
        timestamp: pythonIsoUtc(input.nowMs),
        team_slug: null,
        project_uuid: input.project.uuid,
        project_slug: input.project.slug,
        git_branch: input.gitBranch,
        head_commit_sha: input.headCommitSha,
        repo_slug: input.repoSlug
    };
    const problem = validateEnvelopePayload(envelope);
    if (problem !== null) {
        throw new errors/* KittyError */.s('mission-invalid', `The MissionOriginBound event of mission ${mission.missionSlug} is not valid; see the run log.`, problem);
    }
    return envelope;
}

// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(8500);
;// CONCATENATED MODULE: ./src/github/commit.ts



const Sha = schemas/* string */.YjP().regex(/^[0-9a-f]{40}$/);
const CommitAnswer = schemas/* object */.Ikc({ sha: Sha, tree: schemas/* object */.Ikc({ sha: Sha }) });
const TreeAnswer = schemas/* object */.Ikc({ sha: Sha });
/** The tree a commit points at. */
async function getCommitTree(api, repo, sha) {
    const call = { action: `read the commit ${sha.slice(0, 12)}`, permission: 'contents: read' };
    const commit = await errors_attempt(call, () => api.request('GET /repos/{owner}/{repo}/git/commits/{commit_sha}', {
        owner: repo.owner,
        repo: repo.repo,
        commit_sha: sha
    }));
    return errors_parseAnswer(CommitAnswer, commit.data, call).tree.sha;
}
/**
 * Commits `files` on `branch` in one commit: a tree on top of the parent commit's tree (inline
 * contents, mode 100644), a commit with `parentSha` as its parent, then a non-forced move of the
 * branch. A branch someone else moved since `parentSha` is never reset: that is an error.
 * Returns the new commit's id.
 */
async function commitFiles(api, repo, request) {
    const call = { action: `commit to the branch ${request.branch}`, permission: 'contents: write' };
    const owner = { owner: repo.owner, repo: repo.repo };
    const baseTree = request.baseTreeSha ?? (await getCommitTree(api, repo, request.parentSha));
    const tree = await errors_attempt(call, () => api.request('POST /repos/{owner}/{repo}/git/trees', {
        ...owner,
        base_tree: baseTree,
        tree: request.files.map(file => file.content === null
            ? { path: file.path, mode: '100644', type: 'blob', sha: null }
            : {
                path: file.path,
                mode: '100644',
                type: 'blob',
                content: file.content
            })
    }));
    const commit = await errors_attempt(call, () => api.request('POST /repos/{owner}/{repo}/git/commits', {
        ...owner,
        message: request.message,
        tree: errors_parseAnswer(TreeAnswer, tree.data, call).sha,
        parents: [request.parentSha]
    }));
    const sha = errors_parseAnswer(CommitAnswer, commit.data, call).sha;
    await moveBranch(api, repo, request.branch, sha);
    return sha;
}

;// CONCATENATED MODULE: ./src/github/repo.ts



const RepositoryAnswer = schemas/* object */.Ikc({
    default_branch: schemas/* string */.YjP().min(1),
    private: schemas/* boolean */.zMY(),
    html_url: schemas/* string */.YjP()
});
const ContentsAnswer = schemas/* union */.KCZ([
    schemas/* array */.YOg(schemas/* object */.Ikc({ name: schemas/* string */.YjP(), type: schemas/* string */.YjP() })),
    schemas/* object */.Ikc({ type: schemas/* string */.YjP(), encoding: schemas/* string */.YjP().optional(), content: schemas/* string */.YjP().optional() })
]);
/** The repository's default branch and visibility. */
async function getRepository(api, repo) {
    const call = { action: 'read the repository settings', permission: 'contents: read' };
    const { data } = await attempt(call, () => api.request('GET /repos/{owner}/{repo}', { owner: repo.owner, repo: repo.repo }));
    const parsed = parseAnswer(RepositoryAnswer, data, call);
    return {
        defaultBranch: parsed.default_branch,
        private: parsed.private,
        htmlUrl: parsed.html_url
    };
}
/** A file (object) or directory (array) at `ref`; null when GitHub has nothing there (404). */
async function getContents(api, repo, path, ref, action) {
    const call = { action, permission: 'contents: read' };
    const data = await errors_attempt(call, async () => (await api.request('GET /repos/{owner}/{repo}/contents/{path}', {
        owner: repo.owner,
        repo: repo.repo,
        path,
        ref
    })).data, error => (isGitHubFailure(error, 404) ? null : undefined));
    return data === null ? null : errors_parseAnswer(ContentsAnswer, data, call);
}
/**
 * The text of a file at `ref` (UTF-8); null when there is no file at that path (nothing there,
 * or a directory). A file too large for the contents API (over 1 MB) is an error.
 */
async function readTextFile(api, repo, path, ref) {
    const contents = await getContents(api, repo, path, ref, `read ${path}`);
    if (contents === null || Array.isArray(contents) || contents.type !== 'file')
        return null;
    if (contents.encoding !== 'base64' || contents.content === undefined) {
        throw new errors/* KittyError */.s('github-error', `${path} is too large for kitty-origin to read through the GitHub API.`, `encoding ${contents.encoding ?? 'missing'}`);
    }
    return Buffer.from(contents.content, 'base64').toString('utf8');
}
/**
 * The names of a directory's entries at `ref`, sorted; with `only`, just the entries of that
 * kind (e.g. `'dir'`). Null when there is no directory at that path.
 */
async function listDirectory(api, repo, path, ref, only) {
    const action = `list ${path === '' ? 'the repository' : path}`;
    const contents = await getContents(api, repo, path, ref, action);
    if (!Array.isArray(contents))
        return null;
    return contents
        .filter(entry => only === undefined || entry.type === only)
        .map(entry => entry.name)
        .sort();
}

;// CONCATENATED MODULE: ./src/events/outbox-entry.ts


/** The branch that holds events waiting for delivery; absent when nothing waits. */
const OUTBOX_BRANCH = 'kitty-origin/outbox';
/** The folder of the outbox branch with one `<event_id>.json` per event. */
const OUTBOX_EVENTS_DIR = 'events';
/** One queued event as stored in `events/<event_id>.json` on the outbox branch. */
const OutboxEntry = schemas/* strictObject */.rej({
    event: MissionOriginBoundEnvelope,
    /** Delivery attempts so far, the first one included. */
    attempts: schemas/* number */.aig().int().min(1),
    /** When the event was first put in the outbox (ISO 8601, UTC). */
    first_queued_at: schemas/* string */.YjP().min(1),
    /** Why the latest attempt did not deliver the event. */
    last_error: schemas/* string */.YjP(),
    /** True once the SaaS refused the event for good: it is kept for people, never sent again. */
    rejected: schemas/* boolean */.zMY(),
    rejection_reason: schemas/* string */.YjP().optional()
});
/**
 * Every key an entry file may hold, in the order it is written: the entry's, then the
 * envelope's and its payload's in the contract's order. As a JSON.stringify replacer it fixes
 * the key order at every level, so the same entry is always the same bytes.
 */
const KEY_ORDER = [
    'event',
    'attempts',
    'first_queued_at',
    'last_error',
    'rejected',
    'rejection_reason',
    'event_id',
    'event_type',
    'aggregate_type',
    'aggregate_id',
    'schema_version',
    'build_id',
    'payload',
    'node_id',
    'lamport_clock',
    'causation_id',
    'correlation_id',
    'timestamp',
    'team_slug',
    'project_uuid',
    'project_slug',
    'git_branch',
    'head_commit_sha',
    'repo_slug',
    'mission_slug',
    'mission_id',
    'provider',
    'external_issue_id',
    'external_issue_key',
    'external_issue_url',
    'title'
];
/** The path of an event's file on the outbox branch. */
function outboxPath(eventId) {
    return `${OUTBOX_EVENTS_DIR}/${eventId}.json`;
}
/** The event id a file name of the events folder stands for, or null for any other file. */
function eventIdOfFile(name) {
    const match = /^([0-7][0-9A-HJKMNP-TV-Z]{25})\.json$/.exec(name);
    return match?.[1] ?? null;
}
/** The file text of an entry: 2-space JSON in a fixed key order with a trailing newline. */
function serializeOutboxEntry(entry) {
    return `${JSON.stringify(entry, KEY_ORDER, 2)}\n`;
}
/** An entry read back from its file; a description of the problem when it is not one. */
function parseOutboxEntry(text) {
    let json;
    try {
        json = JSON.parse(text);
    }
    catch {
        return { ok: false, problem: 'not JSON' };
    }
    const parsed = OutboxEntry.safeParse(json);
    return parsed.success
        ? { ok: true, entry: parsed.data }
        : { ok: false, problem: core_errors/* prettifyError */.S1(parsed.error).replace(/\n/g, ' ') };
}

;// CONCATENATED MODULE: ./src/events/outbox-github.ts








/** The note at the root of the outbox branch, for whoever finds it in the branch list. */
const OUTBOX_README_PATH = 'README.md';
/** The text of the branch's README. */
const OUTBOX_README = `# kitty-origin outbox

Events that kitty-origin could not deliver to the Spec Kitty SaaS yet, one file per event in
\`events/\`. Every run of the kitty-origin action sends them first and deletes this branch once
it is empty. Entries marked \`"rejected": true\` were refused by the SaaS and are kept for
inspection: delete their files once handled. The branch shares no history with the others.
`;
const RETRY_BASE_MS = 250;
const outbox_github_Sha = schemas/* string */.YjP().regex(/^[0-9a-f]{40}$/);
const ShaAnswer = schemas/* object */.Ikc({ sha: outbox_github_Sha });
/** A write that lost a race: the branch moved or vanished after it was read. */
function lostRace(error) {
    return (error instanceof errors/* KittyError */.s &&
        isGitHubFailure(error.cause, 422, /not a fast.?forward|reference does not exist/i));
}
/**
 * The outbox on the `kitty-origin/outbox` branch, written with the Git Data API. The branch is
 * an orphan (its first commit has no parent and holds only this README and `events/`), so it
 * never shows a diff against the default branch and carries no workflow files. Writes are
 * commits on the head just read, moved without force; a write that loses a race re-reads and
 * tries again. Removing the last entry first commits an emptied tree on the head just read (so a
 * concurrent write makes it fail and retry), then deletes the branch; a write that lands on
 * such an emptied head waits `settleMs` and writes again if the branch was deleted under it.
 */
function createGitHubOutboxStore(github, repo, options) {
    const sleep = options.sleep ?? (ms => (0,promises_.setTimeout)(ms));
    const maxAttempts = options.maxAttempts ?? 5;
    const settleMs = options.settleMs ?? 3_000;
    async function snapshot() {
        const head = await getBranchHead(github, repo, OUTBOX_BRANCH);
        if (head === null)
            return null;
        const names = await listDirectory(github, repo, OUTBOX_EVENTS_DIR, head);
        return { head, names: names ?? [] };
    }
    /** The entry in a file of `events/`, or why it is not one. */
    async function readEntry(name, head) {
        const id = eventIdOfFile(name);
        if (id === null)
            return 'not an event file';
        const text = await readTextFile(github, repo, `${OUTBOX_EVENTS_DIR}/${name}`, head);
        const parsed = parseOutboxEntry(text ?? '');
        if (!parsed.ok)
            return text === null ? 'not a file' : parsed.problem;
        return parsed.entry.event.event_id === id
            ? parsed.entry
            : `holds event ${parsed.entry.event.event_id}`;
    }
    async function retryAfterRace(round) {
        await sleep(RETRY_BASE_MS * round);
    }
    function gaveUp(what) {
        return new errors/* KittyError */.s('github-error', `The ${OUTBOX_BRANCH} branch kept changing while kitty-origin tried to ${what}; re-run the job.`, `gave up after ${maxAttempts} attempts`);
    }
    /** True when the branch still holds every one of these entries after the settle time. */
    async function survived(eventIds) {
        await sleep(settleMs);
        const now = await snapshot();
        return now !== null && eventIds.every(id => now.names.includes(`${id}.json`));
    }
    async function put(entries) {
        if (entries.length === 0)
            return;
        const files = entries.map(entry => ({
            path: outboxPath(entry.event.event_id),
            content: serializeOutboxEntry(entry)
        }));
        const ids = entries.map(entry => entry.event.event_id);
        const message = `kitty-origin outbox: queue ${ids.join(', ')}`;
        for (let round = 1; round <= maxAttempts; round += 1) {
            const current = await snapshot();
            if (current === null) {
                const root = await createRootCommit(github, repo, files, message);
                if ((await createBranch(github, repo, OUTBOX_BRANCH, root)) === 'created')
                    return;
            }
            else {
                try {
                    await commitFiles(github, repo, {
                        branch: OUTBOX_BRANCH,
                        parentSha: current.head,
                        files,
                        message
                    });
                }
                catch (error) {
                    if (!lostRace(error))
                        throw error;
                    await retryAfterRace(round);
                    continue;
                }
                const emptied = !current.names.some(name => eventIdOfFile(name) !== null);
                if (!emptied || (await survived(ids)))
                    return;
            }
            await retryAfterRace(round);
        }
        throw gaveUp('queue events');
    }
    async function remove(eventIds) {
        for (let round = 1; round <= maxAttempts; round += 1) {
            const current = await snapshot();
            if (current === null)
                return;
            const gone = new Set(eventIds.map(id => `${id}.json`));
            const deletions = current.names.filter(name => gone.has(name));
            const emptied = current.names.every(name => gone.has(name));
            if (deletions.length === 0 && !emptied)
                return;
            const files = deletions.map(name => ({
                path: `${OUTBOX_EVENTS_DIR}/${name}`,
                content: null
            }));
            if (emptied)
                files.push({ path: OUTBOX_README_PATH, content: OUTBOX_README });
            try {
                await commitFiles(github, repo, {
                    branch: OUTBOX_BRANCH,
                    parentSha: current.head,
                    files,
                    message: emptied
                        ? 'kitty-origin outbox: empty, removing the branch'
                        : `kitty-origin outbox: delivered ${deletions.map(name => name.slice(0, -5)).join(', ')}`
                });
            }
            catch (error) {
                if (!lostRace(error))
                    throw error;
                await retryAfterRace(round);
                continue;
            }
            if (emptied)
                await deleteBranch(github, repo, OUTBOX_BRANCH);
            return;
        }
        throw gaveUp('remove delivered events');
    }
    return {
        async list() {
            const current = await snapshot();
            if (current === null)
                return null;
            const read = await Promise.all(current.names.map(async (name) => ({ name, entry: await readEntry(name, current.head) })));
            const entries = [];
            for (const { name, entry } of read) {
                if (typeof entry !== 'string') {
                    entries.push(entry);
                    continue;
                }
                options.log.warning(`${OUTBOX_BRANCH}: ${OUTBOX_EVENTS_DIR}/${name} is not an outbox entry kitty-origin can read (${entry}); it is left in place.`);
            }
            return entries;
        },
        put,
        remove
    };
}
/** The first commit of the outbox: no parent, the README and these files. */
async function createRootCommit(github, repo, files, message) {
    const call = { action: `create the branch ${OUTBOX_BRANCH}`, permission: 'contents: write' };
    const owner = { owner: repo.owner, repo: repo.repo };
    const blobs = [{ path: OUTBOX_README_PATH, content: OUTBOX_README }, ...files];
    const tree = await errors_attempt(call, () => github.request('POST /repos/{owner}/{repo}/git/trees', {
        ...owner,
        tree: blobs.map(file => ({
            path: file.path,
            mode: '100644',
            type: 'blob',
            content: file.content
        }))
    }));
    const commit = await errors_attempt(call, () => github.request('POST /repos/{owner}/{repo}/git/commits', {
        ...owner,
        message,
        tree: errors_parseAnswer(ShaAnswer, tree.data, call).sha,
        parents: []
    }));
    return errors_parseAnswer(ShaAnswer, commit.data, call).sha;
}

;// CONCATENATED MODULE: ./src/events/outbox.ts



function idsOf(events) {
    return events.map(event => event.event_id).join(', ');
}
function splitValid(events, log) {
    const valid = [];
    const invalid = [];
    for (const event of events) {
        const problem = validateEnvelopePayload(event);
        if (problem === null) {
            valid.push(event);
            continue;
        }
        const eventId = event.event_id;
        invalid.push({ eventId, reason: `invalid event: ${problem}` });
        log.error(`Event ${eventId} is not valid and was not sent or queued: ${problem}`);
    }
    return { valid, invalid };
}
function freshEntries(outcome, queuedAt) {
    const lastError = outcome.pendingReason;
    return [
        ...outcome.pending.map(event => ({
            event,
            attempts: 1,
            first_queued_at: queuedAt,
            last_error: lastError,
            rejected: false
        })),
        ...outcome.rejected.map(({ event, reason }) => ({
            event,
            attempts: 1,
            first_queued_at: queuedAt,
            last_error: reason,
            rejected: true,
            rejection_reason: reason
        }))
    ];
}
/**
 * Delivers new events now, fire-and-forget: what the SaaS does not take now goes to the outbox
 * for a later run (events it refused for good are kept there too, marked rejected). Never throws;
 * an event that could be neither delivered nor stored is returned in `lost` and logged as an error.
 */
async function emitWithOutbox(newEvents, deps) {
    const { log } = deps;
    const { valid, invalid } = splitValid(newEvents, log);
    const outcome = await deliverEvents(valid, deps.saas);
    const rejected = [
        ...invalid,
        ...outcome.rejected.map(({ event, reason }) => ({ eventId: event.event_id, reason }))
    ];
    for (const { event, reason } of outcome.rejected) {
        log.warning(`The Spec Kitty SaaS refused event ${event.event_id}: ${reason}`);
    }
    const entries = freshEntries(outcome, new Date((deps.now ?? Date.now)()).toISOString());
    const result = {
        delivered: outcome.delivered.length,
        queued: 0,
        rejected,
        lost: []
    };
    if (entries.length === 0)
        return result;
    try {
        await deps.store.put(entries);
    }
    catch (error) {
        const lost = entries.map(entry => entry.event);
        log.error(`Could not write events ${idsOf(lost)} to the ${OUTBOX_BRANCH} branch; they were not delivered and are lost: ${describeError(error)}`);
        return { ...result, lost };
    }
    result.queued = outcome.pending.length;
    if (result.queued > 0) {
        log.warning(`Queued ${result.queued} event(s) in the ${OUTBOX_BRANCH} branch for the next run: ${outcome.pendingReason}`);
    }
    return result;
}
function retried(entry, lastError) {
    return { ...entry, attempts: entry.attempts + 1, last_error: lastError };
}
function drainChanges(live, outcome) {
    const delivered = new Set(outcome.delivered.map(event => event.event_id));
    const refusals = new Map(outcome.rejected.map(({ event, reason }) => [event.event_id, reason]));
    const put = [];
    for (const entry of live) {
        const id = entry.event.event_id;
        const reason = refusals.get(id);
        if (delivered.has(id))
            continue;
        if (reason === undefined)
            put.push(retried(entry, outcome.pendingReason));
        else
            put.push({ ...retried(entry, reason), rejected: true, rejection_reason: reason });
    }
    return { put, remove: [...delivered] };
}
async function tryStore(log, what, write) {
    try {
        await write();
    }
    catch (error) {
        log.warning(`Could not ${what} in the ${OUTBOX_BRANCH} branch: ${describeError(error)}`);
    }
}
/**
 * Runs first in every run: sends every queued (not rejected) event in one batch, removes the
 * delivered ones, counts an attempt on the rest, marks the SaaS's refusals rejected (kept, never
 * sent again) and removes the outbox once it is empty. One ref lookup when there is no outbox.
 * Never throws: a failed write only delays the bookkeeping, since a re-sent event answers
 * `duplicate`.
 */
async function drainOutbox(deps) {
    const { log, store } = deps;
    const empty = { delivered: 0, stillQueued: 0, rejected: [], parked: 0 };
    let entries;
    try {
        entries = await store.list();
    }
    catch (error) {
        log.warning(`Could not read the ${OUTBOX_BRANCH} branch: ${describeError(error)}`);
        return empty;
    }
    if (entries === null)
        return empty;
    const live = entries.filter(entry => !entry.rejected);
    const parked = entries.length - live.length;
    if (parked > 0) {
        log.warning(`${parked} event(s) the Spec Kitty SaaS refused stay in the ${OUTBOX_BRANCH} branch for inspection.`);
    }
    if (live.length === 0) {
        if (entries.length === 0)
            await tryStore(log, 'remove the empty outbox', () => store.remove([]));
        return { ...empty, parked };
    }
    const outcome = await deliverEvents(live.map(entry => entry.event), deps.saas);
    const changes = drainChanges(live, outcome);
    if (changes.put.length > 0) {
        await tryStore(log, 'record the delivery attempt', () => store.put(changes.put));
    }
    if (changes.remove.length > 0) {
        await tryStore(log, 'remove delivered events', () => store.remove(changes.remove));
    }
    const rejected = outcome.rejected.map(({ event, reason }) => ({
        eventId: event.event_id,
        reason
    }));
    for (const { eventId, reason } of rejected) {
        log.warning(`The Spec Kitty SaaS refused queued event ${eventId}: ${reason}`);
    }
    log.info(`Outbox: ${outcome.delivered.length} delivered, ${outcome.pending.length} still queued, ${rejected.length} refused.`);
    return {
        delivered: outcome.delivered.length,
        stillQueued: outcome.pending.length,
        rejected,
        parked
    };
}

;// CONCATENATED MODULE: ./src/events/emitter.ts





/** The emitter of one run. */
function createMissionEventEmitter(deps) {
    const { github, repo, log } = deps;
    const outbox = {
        saas: deps.saas,
        store: createGitHubOutboxStore(github, repo, { log }),
        log,
        now: () => deps.nowMs()
    };
    const repoSlug = `${repo.owner}/${repo.repo}`;
    return {
        async drain() {
            await drainOutbox(outbox);
        },
        async emit(mission, project) {
            try {
                const headCommitSha = mission.commitSha ?? (await getBranchHead(github, repo, mission.branch)) ?? '';
                const event = missionOriginBoundEvent({
                    mission,
                    eventId: missionOriginBoundEventId(mission.missionId),
                    nowMs: deps.nowMs(),
                    nodeId: nodeIdFor(repoSlug),
                    repoSlug,
                    gitBranch: mission.branch,
                    headCommitSha,
                    project
                });
                const result = await emitWithOutbox([event], outbox);
                return result.delivered === 1;
            }
            catch (error) {
                log.error(`The MissionOriginBound event of ${mission.missionSlug} could not be built: ${describeError(error)}`);
                return false;
            }
        }
    };
}

// EXTERNAL MODULE: ./node_modules/@octokit/core/dist-src/index.js + 12 modules
var dist_src = __webpack_require__(4730);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-retry/dist-bundle/index.js
var dist_bundle = __webpack_require__(9735);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-throttling/dist-bundle/index.js
var plugin_throttling_dist_bundle = __webpack_require__(6856);
// EXTERNAL MODULE: ./node_modules/bottleneck/light.js
var light = __webpack_require__(3251);
var light_default = /*#__PURE__*/__webpack_require__.n(light);
;// CONCATENATED MODULE: ./src/github/client.ts




/**
 * Octokit's core with the retry and throttling plugins, and nothing else: the adapter calls
 * `request` with route strings, so neither the REST endpoint-method table nor pagination is needed.
 */
const KittyOctokit = dist_src/* Octokit */.E.plugin(dist_bundle/* retry */.L, plugin_throttling_dist_bundle/* throttling */.A);
/** How often a rate-limited request is tried again before the error surfaces. */
const RATE_LIMIT_RETRIES = 2;
/** A rate limit that would make the job wait longer than this (seconds) fails instead. */
const MAX_RATE_LIMIT_WAIT_SECONDS = 60;
/** Thrown by the timed fetch when a request took longer than allowed. */
class GitHubTimeoutError extends Error {
    name = 'TimeoutError';
}
/** Wraps a fetch so every request is aborted after `timeoutMs` (and still on the caller's signal). */
function timedFetch(base, timeoutMs) {
    return async (input, init) => {
        const timeout = AbortSignal.timeout(timeoutMs);
        const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
        try {
            return await base(input, { ...init, signal });
        }
        catch (error) {
            if (timeout.aborted && init?.signal?.aborted !== true) {
                throw new GitHubTimeoutError(`GitHub did not answer within ${timeoutMs} ms`);
            }
            throw error;
        }
    };
}
/** The throttling plugin's retry decision: a bounded number of bounded waits. */
function onLimit(logger, kind) {
    return (retryAfter, options, _octokit, retryCount) => {
        const again = retryCount < RATE_LIMIT_RETRIES && retryAfter <= MAX_RATE_LIMIT_WAIT_SECONDS;
        logger.warning(`GitHub's ${kind} was hit on ${options.method} ${options.url}; ` +
            (again ? `retrying in ${retryAfter} s.` : 'giving up.'));
        return again;
    };
}
/** Octokit's four log levels on the logger's two (Octokit and its request layer log there). */
function octokitLog(logger) {
    const debug = (message) => {
        logger.debug(message);
    };
    const warning = (message) => {
        logger.warning(message);
    };
    return { debug, info: debug, warn: warning, error: warning };
}
/**
 * The Octokit client: the token as `authorization: token …`, the retry and throttling plugins,
 * a timeout on every request, and retries and rate-limit waits reported to `logger`.
 */
function createGitHubClient(options) {
    const { logger } = options;
    const log = octokitLog(logger);
    const unit = options.retryUnitMs ?? 1000;
    const spacing = options.writeIntervalMs === undefined
        ? {}
        : {
            write: new (light_default()).Group({ maxConcurrent: 1, minTime: options.writeIntervalMs }),
            notifications: new (light_default()).Group({
                maxConcurrent: 1,
                minTime: options.writeIntervalMs
            })
        };
    return new KittyOctokit({
        auth: options.token,
        baseUrl: options.baseUrl,
        userAgent: options.userAgent,
        request: {
            fetch: timedFetch(options.fetch ?? globalThis.fetch, options.requestTimeoutMs ?? 15_000),
            log
        },
        retry: { retries: options.retries ?? 3, retryAfterBaseValue: unit },
        throttle: {
            retryAfterBaseValue: unit,
            onRateLimit: onLimit(logger, 'rate limit'),
            onSecondaryRateLimit: onLimit(logger, 'secondary rate limit'),
            ...spacing
        },
        log
    });
}

;// CONCATENATED MODULE: ./src/github/comments.ts


/** The largest page GitHub serves; `findNewestComments` reads pages of this size. */
const COMMENTS_PER_PAGE = 100;
const CommentAnswer = schemas/* object */.Ikc({
    id: schemas/* number */.aig().int(),
    body: schemas/* string */.YjP().nullish(),
    user: schemas/* object */.Ikc({ login: schemas/* string */.YjP(), type: schemas/* string */.YjP() }).nullable(),
    created_at: schemas/* string */.YjP(),
    updated_at: schemas/* string */.YjP(),
    html_url: schemas/* string */.YjP()
});
function toComment(answer) {
    return {
        id: answer.id,
        body: answer.body ?? '',
        author: answer.user === null ? null : { login: answer.user.login, type: answer.user.type },
        createdAt: answer.created_at,
        updatedAt: answer.updated_at,
        url: answer.html_url
    };
}
function commentCall(action) {
    return { action, permission: 'issues: write' };
}
/** Posts a comment on an issue or pull request. */
async function createComment(api, repo, issueNumber, body) {
    const call = commentCall(`comment on #${issueNumber}`);
    const { data } = await errors_attempt(call, () => api.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
        owner: repo.owner,
        repo: repo.repo,
        issue_number: issueNumber,
        body
    }));
    return toComment(errors_parseAnswer(CommentAnswer, data, call));
}
/** Replaces the body of a comment. */
async function updateComment(api, repo, commentId, body) {
    const call = commentCall(`update comment ${commentId}`);
    const { data } = await errors_attempt(call, () => api.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', {
        owner: repo.owner,
        repo: repo.repo,
        comment_id: commentId,
        body
    }));
    return toComment(errors_parseAnswer(CommentAnswer, data, call));
}
/** Reacts to a comment; reacting twice the same way is harmless (GitHub keeps one). */
async function addReaction(api, repo, commentId, content) {
    await errors_attempt(commentCall(`react to comment ${commentId}`), () => api.request('POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions', {
        owner: repo.owner,
        repo: repo.repo,
        comment_id: commentId,
        content
    }));
}
/** The page number a `Link` header gives for `rel`, if any. */
function linkedPage(link, rel) {
    for (const match of (link ?? '').matchAll(/<([^>]+)>;\s*rel="([^"]+)"/g)) {
        if (match[2] !== rel || match[1] === undefined)
            continue;
        const page = Number(new URL(match[1]).searchParams.get('page'));
        return Number.isInteger(page) && page > 0 ? page : undefined;
    }
    return undefined;
}
async function readPage(api, repo, issueNumber, page) {
    const call = { action: `read the comments of #${issueNumber}`, permission: 'issues: read' };
    const answer = await errors_attempt(call, () => api.request('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
        owner: repo.owner,
        repo: repo.repo,
        issue_number: issueNumber,
        per_page: COMMENTS_PER_PAGE,
        page
    }));
    const comments = errors_parseAnswer(schemas/* array */.YOg(CommentAnswer), answer.data, call).map(toComment);
    return { comments, link: answer.headers.link };
}
/**
 * The newest page of an issue's comments, found from the comment count the event carried
 * without walking the thread from its start: the page the count points at, then the real last
 * page if the count was stale (more comments since, or fewer).
 */
async function newestPage(api, repo, issueNumber, totalComments) {
    const guess = Math.max(1, Math.ceil(totalComments / COMMENTS_PER_PAGE));
    const page = await readPage(api, repo, issueNumber, guess);
    const last = linkedPage(page.link, 'last');
    if (last !== undefined && last > guess) {
        return { number: last, page: await readPage(api, repo, issueNumber, last) };
    }
    if (page.comments.length > 0 || guess === 1)
        return { number: guess, page };
    const first = await readPage(api, repo, issueNumber, 1);
    const real = linkedPage(first.link, 'last') ?? 1;
    if (real === 1)
        return { number: 1, page: first };
    return { number: real, page: await readPage(api, repo, issueNumber, real) };
}
/**
 * An issue's comments, newest first, read lazily page by page from the end: the caller stops
 * when it found what it looks for, so a lookup among the newest comments of a 10,000-comment
 * thread costs one request (three when the count is stale). `totalComments` is the count from
 * the event payload.
 */
async function* findNewestComments(api, repo, issueNumber, totalComments) {
    const seen = new Set();
    let { number, page } = await newestPage(api, repo, issueNumber, totalComments);
    for (;;) {
        for (const comment of [...page.comments].reverse()) {
            if (seen.has(comment.id))
                continue;
            seen.add(comment.id);
            yield comment;
        }
        number -= 1;
        if (number < 1)
            return;
        page = await readPage(api, repo, issueNumber, number);
    }
}

;// CONCATENATED MODULE: ./src/github/permission.ts


/** A person's access to the repository, weakest first. */
const PERMISSIONS = ['none', 'read', 'triage', 'write', 'maintain', 'admin'];
const Level = schemas/* enum */.k5n(PERMISSIONS);
const PermissionAnswer = schemas/* object */.Ikc({
    permission: schemas/* string */.YjP(),
    role_name: schemas/* string */.YjP().optional()
});
/**
 * The level GitHub reports: `role_name` when it is a built-in role (it tells maintain and triage
 * apart), else the legacy `permission` (custom roles); anything unknown is `none`.
 */
function levelOf(answer) {
    const role = Level.safeParse(answer.role_name);
    if (role.success)
        return role.data;
    const legacy = Level.safeParse(answer.permission);
    return legacy.success ? legacy.data : 'none';
}
/**
 * The access `login` has to the repository. Fails closed: any error (unknown user, network,
 * rate limit, a malformed answer) means `'none'`; `onError` hears why, for the log.
 */
async function getPermission(api, repo, login, onError) {
    const call = { action: `read the permission of ${login}`, permission: 'contents: read' };
    try {
        const { data } = await api.request('GET /repos/{owner}/{repo}/collaborators/{username}/permission', { owner: repo.owner, repo: repo.repo, username: login });
        return levelOf(errors_parseAnswer(PermissionAnswer, data, call));
    }
    catch (error) {
        onError?.(toGitHubError(error, call));
        return 'none';
    }
}
/** True when `actual` reaches `needed` (admin > maintain > write > triage > read > none). */
function permission_permissionAtLeast(actual, needed) {
    return PERMISSIONS.indexOf(actual) >= PERMISSIONS.indexOf(needed);
}

;// CONCATENATED MODULE: ./src/github/pulls.ts



/** Waits before each retry of adding labels, which GitHub may refuse right after creation. */
const LABEL_RETRY_DELAYS_MS = [250, 500, 1000];
const PullAnswer = schemas/* object */.Ikc({
    number: schemas/* number */.aig().int(),
    html_url: schemas/* string */.YjP(),
    state: schemas/* enum */.k5n(['open', 'closed']),
    draft: schemas/* boolean */.zMY().optional(),
    merged_at: schemas/* string */.YjP().nullish()
});
function toRef(answer) {
    const merged = typeof answer.merged_at === 'string';
    return {
        number: answer.number,
        url: answer.html_url,
        state: merged ? 'merged' : answer.state,
        draft: answer.draft ?? false
    };
}
/**
 * The pull request whose head is `head` (a branch of this repository), in any state; an open
 * one wins over closed ones, then the newest. Null when there is none.
 */
async function findPullRequestForBranch(api, repo, head) {
    const call = { action: `look for the pull request of ${head}`, permission: 'pull-requests: read' };
    const { data } = await errors_attempt(call, () => api.request('GET /repos/{owner}/{repo}/pulls', {
        owner: repo.owner,
        repo: repo.repo,
        head: `${repo.owner}:${head}`,
        state: 'all',
        per_page: 100
    }));
    const pulls = errors_parseAnswer(schemas/* array */.YOg(PullAnswer), data, call).map(toRef);
    const newestFirst = [...pulls].sort((a, b) => b.number - a.number);
    return newestFirst.find(pull => pull.state === 'open') ?? newestFirst[0] ?? null;
}
const OpenPullAnswer = PullAnswer.extend({ head: schemas/* object */.Ikc({ ref: schemas/* string */.YjP() }) });
/**
 * Open pull requests whose head branch starts with `prefix` (the newest 100 open pull requests
 * are looked at), newest first.
 */
async function findOpenPullRequestsByHeadPrefix(api, repo, prefix) {
    const call = { action: 'list the open pull requests', permission: 'pull-requests: read' };
    const { data } = await errors_attempt(call, () => api.request('GET /repos/{owner}/{repo}/pulls', {
        owner: repo.owner,
        repo: repo.repo,
        state: 'open',
        sort: 'created',
        direction: 'desc',
        per_page: 100
    }));
    return errors_parseAnswer(schemas/* array */.YOg(OpenPullAnswer), data, call)
        .filter(pull => pull.head.ref.startsWith(prefix))
        .map(toRef);
}
const sleep = (ms) => new Promise(resolve => setTimeout(resolve, ms));
/** Adds labels, retrying GitHub's 422s right after creation; false when they never took. */
async function addLabels(api, repo, issueNumber, labels, delaysMs) {
    const call = { action: `label #${issueNumber}`, permission: 'pull-requests: write' };
    for (let attemptIndex = 0;; attemptIndex += 1) {
        const added = await errors_attempt(call, async () => {
            await api.request('POST /repos/{owner}/{repo}/issues/{issue_number}/labels', {
                owner: repo.owner,
                repo: repo.repo,
                issue_number: issueNumber,
                labels: [...labels]
            });
            return true;
        }, error => (isGitHubFailure(error, 422) ? false : undefined));
        const delay = delaysMs[attemptIndex];
        if (added || delay === undefined)
            return added;
        await sleep(delay);
    }
}
/**
 * Opens a pull request from `head` into `base` and labels it. A pull request that already
 * exists for the branch (a re-run) is found and returned instead. GitHub refusing the Actions
 * token (repository setting) or a missing `pull-requests: write` is a KittyError naming the fix.
 */
async function openPullRequest(api, repo, request, labelRetryDelaysMs = LABEL_RETRY_DELAYS_MS) {
    const call = { action: 'open the pull request', permission: 'pull-requests: write' };
    const created = await errors_attempt(call, async () => (await api.request('POST /repos/{owner}/{repo}/pulls', {
        owner: repo.owner,
        repo: repo.repo,
        head: request.head,
        base: request.base,
        title: request.title,
        body: request.body,
        draft: request.draft
    })).data, error => (isGitHubFailure(error, 422, /already exists/i) ? null : undefined));
    const pull = created === null
        ? await findPullRequestForBranch(api, repo, request.head)
        : toRef(errors_parseAnswer(PullAnswer, created, call));
    if (pull === null) {
        throw new errors/* KittyError */.s('github-error', `GitHub said a pull request for ${request.head} already exists but did not list it; re-run the job.`, undefined, { retryable: true });
    }
    const labelled = request.labels.length === 0 ||
        (await addLabels(api, repo, pull.number, request.labels, labelRetryDelaysMs));
    return { ...pull, labelled, existed: created === null };
}

;// CONCATENATED MODULE: ./src/github/ports.ts






/** The flows' view of the issue conversation, over the GitHub REST API. */
function gitHubConversation(api, repo) {
    return {
        addReaction: (commentId, reaction) => addReaction(api, repo, commentId, reaction),
        async createComment(issueNumber, body) {
            const comment = await createComment(api, repo, issueNumber, body);
            return { id: comment.id, url: comment.url };
        },
        async updateComment(commentId, body) {
            await updateComment(api, repo, commentId, body);
        },
        async *newestComments(issueNumber, totalComments) {
            for await (const comment of findNewestComments(api, repo, issueNumber, totalComments)) {
                yield {
                    id: comment.id,
                    body: comment.body,
                    author: {
                        login: comment.author?.login ?? 'ghost',
                        isBot: comment.author?.type === 'Bot'
                    }
                };
            }
        }
    };
}
/** The flows' view of the repository, over the GitHub REST API. */
function gitHubRepository(api, repo, onPermissionError) {
    return {
        permissionOf: login => getPermission(api, repo, login, error => onPermissionError?.(error.message)),
        readFile: (path, ref) => readTextFile(api, repo, path, ref),
        listDirectory: (path, ref) => listDirectory(api, repo, path, ref, 'dir'),
        branchHead: branch => getBranchHead(api, repo, branch),
        createBranch: (branch, sha) => createBranch(api, repo, branch, sha),
        async deleteBranch(branch) {
            await deleteBranch(api, repo, branch);
        },
        commitFiles: request => commitFiles(api, repo, request),
        commitTree: sha => getCommitTree(api, repo, sha),
        async openPullRequestsFrom(prefix) {
            const pulls = await findOpenPullRequestsByHeadPrefix(api, repo, prefix);
            return pulls.map(pull => ({ number: pull.number, url: pull.url }));
        },
        async findPullRequest(head) {
            const pull = await findPullRequestForBranch(api, repo, head);
            return pull === null ? null : { number: pull.number, url: pull.url };
        },
        async openPullRequest(request) {
            const pull = await openPullRequest(api, repo, request);
            return { number: pull.number, url: pull.url };
        }
    };
}

;// CONCATENATED MODULE: ./src/net/proxy.ts

/** The lower-case variable wins over the upper-case one, as in undici and curl; blank is unset. */
function variable(env, name) {
    for (const key of [name.toLowerCase(), name]) {
        const value = env[key]?.trim() ?? '';
        if (value !== '')
            return { name: key, value };
    }
    return undefined;
}
function proxyUrl(found) {
    if (found === undefined)
        return '';
    let protocol;
    try {
        protocol = new URL(found.value).protocol;
    }
    catch {
        protocol = '';
    }
    if (protocol !== 'http:' && protocol !== 'https:') {
        throw new errors/* KittyError */.s('input-invalid', `The ${found.name} variable must be a proxy URL such as http://proxy.example.com:3128.`, `${found.name} does not start with http:// or https://`);
    }
    return found.value;
}
/**
 * The proxy variables of `env` (`HTTP_PROXY`, `HTTPS_PROXY`, `NO_PROXY`, lower case first);
 * undefined when neither proxy is set. Throws a KittyError naming a variable that is not a URL.
 */
function proxySettings(env) {
    const httpProxy = proxyUrl(variable(env, 'HTTP_PROXY'));
    const httpsProxy = proxyUrl(variable(env, 'HTTPS_PROXY'));
    if (httpProxy === '' && httpsProxy === '')
        return undefined;
    return { httpProxy, httpsProxy, noProxy: variable(env, 'NO_PROXY')?.value ?? '' };
}
async function loadStack(settings) {
    const undici = await __webpack_require__.e(/* import() */ 752).then(__webpack_require__.t.bind(__webpack_require__, 4371, 19));
    return { fetch: undici.fetch, agent: new undici.EnvHttpProxyAgent(settings) };
}
/**
 * A fetch that sends every request through one `EnvHttpProxyAgent(settings)`, typed as the
 * clients expect. undici is loaded and the agent built on the first call, then reused.
 */
function lazyProxyFetch(settings) {
    let stack;
    const send = async (...[input, init]) => {
        stack ??= loadStack(settings);
        const { fetch, agent } = await stack;
        return fetch(input, { ...init, dispatcher: agent });
    };
    return send;
}
/**
 * A fetch through the proxies of `env`; undefined when no proxy is set, so the clients keep
 * their direct defaults. The settings are passed explicitly (empty for unset), so the agent
 * never falls back to `process.env`.
 */
function proxyNetwork(env) {
    const settings = proxySettings(env);
    if (settings === undefined)
        return undefined;
    return { fetch: lazyProxyFetch(settings) };
}

;// CONCATENATED MODULE: ./src/saas/wire.ts


/** 200 body of the issue search; unknown keys are stripped. */
const IssueSearchResponse = schemas/* object */.Ikc({
    candidates: schemas/* array */.YOg(models/* OriginCandidate */.eI),
    resource_type: schemas/* string */.YjP().nullish(),
    resource_id: schemas/* string */.YjP().nullish()
});
/** A completed bind (200, or a finished 202 operation's `result`). */
const BindResponse = schemas/* object */.Ikc({
    origin_link_id: schemas/* string */.YjP().min(1),
    bound_at: schemas/* string */.YjP().min(1),
    already_bound: schemas/* boolean */.zMY().optional()
});
/** 202 body of an asynchronous bind. */
const AcceptedOperation = schemas/* object */.Ikc({ operation_id: schemas/* string */.YjP().min(1) });
/** `GET /api/v1/tracker/operations/{id}/` body. */
const OperationStatus = schemas/* object */.Ikc({
    status: schemas/* enum */.k5n(['pending', 'running', 'completed', 'failed']),
    result: schemas/* unknown */.L5J().optional(),
    error: schemas/* looseObject */._H3({ message: schemas/* string */.YjP().optional() }).nullish()
});
/** The SaaS error envelope of any non-2xx answer (all keys optional). */
const ErrorEnvelope = schemas/* object */.Ikc({
    error_code: schemas/* string */.YjP().nullish(),
    error_category: schemas/* string */.YjP().nullish(),
    message: schemas/* string */.YjP().nullish(),
    retryable: schemas/* boolean */.zMY().nullish(),
    user_action_required: schemas/* boolean */.zMY().nullish(),
    retry_after_seconds: schemas/* number */.aig().nullish(),
    operation_id: schemas/* string */.YjP().nullish()
});
/** Per-event delivery outcome from the events endpoint. */
const EventResult = schemas/* object */.Ikc({
    event_id: schemas/* string */.YjP(),
    status: schemas/* enum */.k5n(['success', 'accepted', 'duplicate', 'warning', 'pending', 'queued', 'rejected']),
    error: schemas/* string */.YjP().nullish()
});
/** 200 body of the events batch. */
const EventBatchResponse = schemas/* object */.Ikc({ results: schemas/* array */.YOg(EventResult) });

;// CONCATENATED MODULE: ./src/saas/errors.ts


const LABEL = {
    search: 'the issue search',
    bind: 'the mission bind',
    events: 'the event delivery'
};
/** Statuses after which a queued event stays queued (the contract's transient list). */
const EVENTS_TRANSIENT = new Set([401, 403, 408, 429]);
const MAX_SERVER_MESSAGE = 200;
/** Only the head of a server text is looked at, which keeps the markup patterns linear. */
const SCAN_LIMIT = 4_096;
/** The error envelope of a body, or undefined when the body is not a JSON envelope. */
function parseErrorEnvelope(bodyText) {
    let json;
    try {
        json = JSON.parse(bodyText);
    }
    catch {
        return undefined;
    }
    const parsed = ErrorEnvelope.safeParse(json);
    return parsed.success ? parsed.data : undefined;
}
/**
 * Server text made safe for one line of a user message: tags, comments, scripts and control
 * characters removed, whitespace collapsed, capped at 200 characters.
 */
function sanitiseServerText(text, max = MAX_SERVER_MESSAGE) {
    const plain = text
        .slice(0, SCAN_LIMIT)
        .replace(/<!--[\s\S]*?(?:-->|$)/g, ' ')
        .replace(/<(script|style)\b[\s\S]*?(?:<\/\1\s*>|$)/gi, ' ')
        .replace(/<[a-z/!?][^>]*(?:>|$)/gi, ' ')
        .replace(/[\p{Cc}\p{Cf}]/gu, ' ')
        .replace(/\s+/g, ' ')
        .replace(/ ([.,;:!?])/g, '$1')
        .trim();
    return plain.length <= max ? plain : `${plain.slice(0, max - 1).trimEnd()}…`;
}
/** The text ending in a full stop unless it already ends a sentence. */
function errors_sentence(text) {
    return /[.!?…]$/.test(text) ? text : `${text}.`;
}
/** The first value of a response header. */
function headerValue(headers, name) {
    const value = headers[name];
    return Array.isArray(value) ? value[0] : value;
}
/** The seconds a 429 asks to wait, from the body or a numeric Retry-After header. */
function retryAfterSeconds(envelope, headers) {
    const fromBody = envelope?.retry_after_seconds;
    if (typeof fromBody === 'number' && Number.isFinite(fromBody) && fromBody >= 0)
        return fromBody;
    const value = headerValue(headers, 'retry-after');
    if (value === undefined || !/^\s*\d+(\.\d+)?\s*$/.test(value))
        return undefined;
    return Number(value);
}
function protocolMessage(code) {
    if (code === 'client-too-old') {
        return 'The Spec Kitty SaaS needs a newer event protocol than this kitty-origin sends (client-too-old); upgrade kitty-origin.';
    }
    if (code === 'client-too-new') {
        return 'The Spec Kitty SaaS does not accept this kitty-origin’s event protocol yet (client-too-new); pin an older kitty-origin until the SaaS is updated.';
    }
    return `The Spec Kitty SaaS refused the event protocol (${code ?? 'HTTP 412'}).`;
}
function errors_classify(status, envelope, headers, operation, saasCode) {
    const label = LABEL[operation];
    const serverMessage = sanitiseServerText(envelope?.message ?? '') || `HTTP ${status}`;
    if ((status === 401 || status === 403) && envelope?.user_action_required === true) {
        return {
            code: 'saas-identity-unlinked',
            message: 'Your Jira/Linear account is not linked to Spec Kitty; link it in the Spec Kitty dashboard and run again.',
            transient: false
        };
    }
    if (status === 401) {
        return {
            code: 'saas-unauthorized',
            message: 'The Spec Kitty SaaS rejected the token; rotate the `saas-token` secret and run again.',
            transient: false
        };
    }
    if (status === 403) {
        return {
            code: 'saas-forbidden',
            message: `The Spec Kitty SaaS refused ${label} for this team; check the \`team-slug\` input and that the token belongs to a member of that team.`,
            transient: false
        };
    }
    if (status === 404) {
        return {
            code: 'saas-no-mapping',
            message: 'No resource mapping found in Spec Kitty for this tracker binding; check `tracker` in `.kittify/config.yaml` or run `spec-kitty tracker bind`.',
            transient: false
        };
    }
    if (status === 409 && operation === 'bind') {
        return {
            code: 'saas-origin-conflict',
            message: 'A different ticket is already bound to this mission in Spec Kitty; nothing was written.',
            transient: false
        };
    }
    if (status === 412 && operation === 'events') {
        return { code: 'saas-protocol-mismatch', message: protocolMessage(saasCode), transient: false };
    }
    if (status === 422) {
        return {
            code: 'saas-invalid-query',
            message: errors_sentence(`The Spec Kitty SaaS rejected ${label}: ${serverMessage}`),
            transient: false
        };
    }
    if (status === 429) {
        const seconds = retryAfterSeconds(envelope, headers);
        const when = seconds === undefined ? 'in a few seconds' : `in ${Math.ceil(seconds)} s`;
        return {
            code: 'saas-rate-limited',
            message: `The Spec Kitty SaaS rate limited ${label}; try again ${when}.`,
            transient: true
        };
    }
    if (status === 408) {
        return {
            code: 'saas-timeout',
            message: `The Spec Kitty SaaS timed out on ${label} (HTTP 408); try again later.`,
            transient: true
        };
    }
    if (status >= 500) {
        return {
            code: 'saas-unavailable',
            message: `The Spec Kitty SaaS is unavailable (HTTP ${status}); try again later.`,
            transient: true
        };
    }
    return {
        code: 'saas-error',
        message: errors_sentence(`The Spec Kitty SaaS refused ${label}: ${serverMessage}`),
        transient: false
    };
}
/**
 * The KittyError for a non-2xx SaaS answer: one user sentence per row of the contract's error
 * table, the SaaS's own code (`error_category` or else `error_code`) kept in `detail` for the log.
 * Events also count 401/403 as retryable, so a queued event stays queued.
 */
function saasErrorFrom(status, headers, bodyText, operation) {
    const envelope = parseErrorEnvelope(bodyText);
    const rawCode = envelope?.error_category ?? envelope?.error_code ?? undefined;
    const saasCode = rawCode === undefined ? undefined : sanitiseServerText(rawCode, 64);
    const { code, message, transient } = errors_classify(status, envelope, headers, operation, saasCode);
    const retryable = transient || (operation === 'events' && EVENTS_TRANSIENT.has(status));
    const serverMessage = sanitiseServerText(envelope?.message ?? '');
    const detail = [
        `operation=${operation}`,
        `status=${status}`,
        saasCode === undefined ? undefined : `saas_code=${saasCode}`,
        serverMessage === '' ? undefined : `message=${JSON.stringify(serverMessage)}`
    ]
        .filter(part => part !== undefined)
        .join(' ');
    return new errors/* KittyError */.s(code, message, detail, { retryable });
}
/** A duration for a user sentence: `10 s`, `0.3 s`. */
function seconds(ms) {
    return `${Number((ms / 1000).toFixed(1))} s`;
}
function nextStep(operation) {
    return operation === 'bind' ? 'run the step again, it is safe to repeat' : 'try again later';
}
/** The retryable KittyError for a request that timed out or never reached the SaaS. */
function transportError(failure, operation, deadlineMs) {
    if (failure.kind === 'timeout') {
        return new errors/* KittyError */.s('saas-timeout', `The Spec Kitty SaaS did not answer ${LABEL[operation]} within ${seconds(deadlineMs)}; ${nextStep(operation)}.`, `operation=${operation} timeout`, { retryable: true });
    }
    return new errors/* KittyError */.s('saas-unavailable', `Could not reach the Spec Kitty SaaS for ${LABEL[operation]}; check the network and ${nextStep(operation)}.`, `operation=${operation} network: ${failure.detail}`, { retryable: true });
}
/** The KittyError for a 2xx answer whose body does not have the contract's shape. */
function badResponse(operation, detail) {
    return new errors/* KittyError */.s('saas-bad-response', `The Spec Kitty SaaS sent an answer to ${LABEL[operation]} that kitty-origin cannot read; try again later or report it.`, `operation=${operation} ${detail}`);
}

;// CONCATENATED MODULE: ./src/saas/body.ts

/** The JSON body of a 2xx answer checked against its schema; anything else is saas-bad-response. */
function parseBody(schema, bodyText, operation) {
    let json;
    try {
        json = JSON.parse(bodyText);
    }
    catch {
        throw badResponse(operation, 'body is not JSON');
    }
    return parseValue(schema, json, operation);
}
/** A value already parsed from JSON checked against its schema. */
function parseValue(schema, value, operation) {
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
        const where = parsed.error.issues
            .slice(0, 3)
            .map(issue => issue.path.join('.') || '(root)')
            .join(', ');
        throw badResponse(operation, `unexpected shape at ${where}`);
    }
    return parsed.data;
}

;// CONCATENATED MODULE: ./src/saas/retry.ts

/** The wait of a 429 that names none, per the contract. */
const DEFAULT_RETRY_AFTER_MS = 5_000;
/** A point in time a step must finish by. */
class Deadline {
    clock;
    totalMs;
    endsAt;
    constructor(clock, 
    /** The whole budget, for messages ("within 10 s"). */
    totalMs) {
        this.clock = clock;
        this.totalMs = totalMs;
        this.endsAt = clock.now() + totalMs;
    }
    /** Milliseconds left, never negative. */
    remainingMs() {
        return Math.max(0, this.endsAt - this.clock.now());
    }
}
/** Exponential backoff with ±20 % jitter: base, 2×base, 4×base … capped. */
function backoffMs(attempt, baseMs, capMs, random) {
    return Math.round(Math.min(capMs, baseMs * 2 ** attempt) * (0.8 + 0.4 * random()));
}
/**
 * How long a 429 asks to wait: `retry_after_seconds` in the body, else `Retry-After` (seconds or
 * an HTTP date), else 5 s.
 */
function retryAfterMs(bodyText, headers, nowMs) {
    const secondsToWait = retryAfterSeconds(parseErrorEnvelope(bodyText), headers);
    if (secondsToWait !== undefined)
        return secondsToWait * 1000;
    const date = Date.parse(headerValue(headers, 'retry-after') ?? '');
    return Number.isNaN(date) ? DEFAULT_RETRY_AFTER_MS : Math.max(0, date - nowMs);
}
/** A failed attempt from a non-2xx answer; a 429 carries the wait it asked for. */
function failedAttempt(response, operation, nowMs) {
    const error = saasErrorFrom(response.status, response.headers, response.bodyText, operation);
    if (response.status !== 429)
        return { ok: false, error };
    return { ok: false, error, waitMs: retryAfterMs(response.bodyText, response.headers, nowMs) };
}
/**
 * Runs `attempt` until it succeeds, fails for good, or the next wait would not fit in the
 * deadline; then the last error is thrown at once instead of waiting in vain.
 */
async function retryWithinDeadline(deadline, clock, policy, attempt) {
    for (let tries = 0;; tries += 1) {
        const result = await attempt(deadline.remainingMs());
        if (result.ok)
            return result.value;
        if (!result.error.retryable)
            throw result.error;
        const waitMs = result.waitMs ?? backoffMs(tries, policy.baseMs, policy.capMs, clock.random);
        if (waitMs >= deadline.remainingMs())
            throw result.error;
        await clock.sleep(waitMs);
    }
}

// EXTERNAL MODULE: external "node:util/types"
var types_ = __webpack_require__(3429);
;// CONCATENATED MODULE: ./src/saas/transport.ts

/** True for a 2xx status. */
function isSuccess(status) {
    return status >= 200 && status < 300;
}
/** `text` with every occurrence of `secret` replaced by `***`. */
function redact(text, secret) {
    return secret === undefined || secret === '' ? text : text.split(secret).join('***');
}
function errorCode(error) {
    const code = Reflect.get(Object(error), 'code');
    return typeof code === 'string' ? code : undefined;
}
/**
 * fetch rejects with `TypeError: fetch failed` and the socket's error as its `cause`
 * (`isNativeError`, unlike `instanceof`, also holds for an error of another realm).
 */
function causeOf(error) {
    const cause = Reflect.get(Object(error), 'cause');
    return (0,types_.isNativeError)(cause) ? cause : undefined;
}
/** undici's own deadlines (a dispatcher's headers or body timeout) are timeouts too. */
const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);
function transport_isTimeout(error, signal) {
    if (signal.aborted)
        return true;
    const code = errorCode(error) ?? errorCode(causeOf(error));
    return code !== undefined && TIMEOUT_CODES.has(code);
}
/** e.g. `ECONNREFUSED TypeError: fetch failed (Error: connect ECONNREFUSED 127.0.0.1:9)`. */
function errorDetail(error) {
    const cause = causeOf(error);
    const code = errorCode(error) ?? errorCode(cause);
    const text = cause === undefined ? String(error) : `${String(error)} (${String(cause)})`;
    return code === undefined ? text : `${code} ${text}`;
}
/** fetch gives the names lower-cased already. */
function headersOf(headers) {
    const record = {};
    headers.forEach((value, name) => {
        record[name] = value;
    });
    return record;
}
/**
 * Sends one request with the transport's fetch. The whole exchange, body included, is cut off
 * after `timeoutMs`, so a server that hangs cannot hang the caller. Never throws.
 */
async function exchange(transport, call) {
    const signal = AbortSignal.timeout(Math.max(1, Math.floor(call.timeoutMs)));
    const headers = { ...transport.headers };
    let body = call.raw;
    if (call.json !== undefined) {
        headers['Content-Type'] = 'application/json';
        body = JSON.stringify(call.json);
    }
    Object.assign(headers, call.headers);
    const send = transport.fetch ?? globalThis.fetch;
    try {
        const response = await send(`${transport.baseUrl}${call.path}`, {
            method: call.method,
            headers,
            body,
            signal,
            // A redirect is answered as the error it is, never followed with the token and the body.
            redirect: 'manual'
        });
        const bodyText = redact(await response.text(), transport.secret);
        return {
            kind: 'response',
            status: response.status,
            headers: headersOf(response.headers),
            bodyText
        };
    }
    catch (error) {
        if (transport_isTimeout(error, signal))
            return { kind: 'timeout' };
        return { kind: 'network', detail: errorDetail(error) };
    }
}

;// CONCATENATED MODULE: ./src/saas/bind.ts






/** Path of the bind (the trailing slash is required). */
const BIND_PATH = '/api/v1/tracker/mission-origin/bind/';
/** Path of an asynchronous operation's status. */
function operationPath(operationId) {
    return `/api/v1/tracker/operations/${encodeURIComponent(operationId)}/`;
}
/** An uncertain bind (5xx, reset, timeout, 429) is re-sent with the same key from 0.5 s on. */
const BIND_RETRY = { baseMs: 500, capMs: 4_000 };
/** Polling backs off from 1 s, doubling, at most 8 s. */
const POLL_BACKOFF = { baseMs: 1_000, capMs: 8_000 };
/** A poll is only worth sending with at least this much of the deadline left. */
const POLL_FLOOR_MS = 250;
/** No single request may use more than a third of the bind deadline, so a hang leaves room. */
const ATTEMPT_SHARE = 3;
function accepted(response) {
    if (response.status === 202) {
        const { operation_id } = parseBody(AcceptedOperation, response.bodyText, 'bind');
        return { ok: true, value: { operationId: operation_id } };
    }
    return { ok: true, value: { result: parseBody(BindResponse, response.bodyText, 'bind') } };
}
function timedOut(deadlineMs) {
    return transportError({ kind: 'timeout' }, 'bind', deadlineMs);
}
function operationFailed(message, detail) {
    return new errors/* KittyError */.s('saas-operation-failed', errors_sentence(`The Spec Kitty SaaS could not bind the mission: ${sanitiseServerText(message) || 'no reason given'}`), `operation=bind ${detail}`);
}
/** One poll: the finished bind, undefined to keep polling, or a final error thrown. */
async function pollOnce(transport, deadline, operationId) {
    const outcome = await exchange(transport, {
        method: 'GET',
        path: operationPath(operationId),
        timeoutMs: deadline.remainingMs()
    });
    if (outcome.kind !== 'response')
        return undefined;
    if (outcome.status === 404) {
        throw operationFailed('the bind operation is unknown to the SaaS', `poll status=404`);
    }
    if (!isSuccess(outcome.status)) {
        const error = saasErrorFrom(outcome.status, outcome.headers, outcome.bodyText, 'bind');
        if (error.retryable)
            return undefined;
        throw error;
    }
    const operation = parseBody(OperationStatus, outcome.bodyText, 'bind');
    if (operation.status === 'completed')
        return parseValue(BindResponse, operation.result, 'bind');
    if (operation.status === 'failed') {
        throw operationFailed(operation.error?.message ?? '', `operation_id=${operationId} failed`);
    }
    return undefined;
}
/** Polls `GET /api/v1/tracker/operations/{id}/` with jittered doubling backoff until done. */
async function pollOperation(transport, clock, deadline, operationId) {
    for (let poll = 0;; poll += 1) {
        const remaining = deadline.remainingMs();
        if (remaining <= POLL_FLOOR_MS)
            throw timedOut(deadline.totalMs);
        const delay = backoffMs(poll, POLL_BACKOFF.baseMs, POLL_BACKOFF.capMs, clock.random);
        await clock.sleep(Math.min(delay, remaining - POLL_FLOOR_MS));
        const done = await pollOnce(transport, deadline, operationId);
        if (done !== undefined)
            return done;
    }
}
/**
 * `POST /api/v1/tracker/mission-origin/bind/` with the Idempotency-Key. An uncertain attempt
 * (5xx, reset, timeout, 429) is re-sent with the same key inside the deadline; 202 is polled.
 * 401/403/404/409/422 fail at once.
 */
async function bind_bindMissionOrigin(transport, clock, deadlineMs, body, idempotencyKey) {
    const deadline = new Deadline(clock, deadlineMs);
    const attemptCapMs = deadlineMs / ATTEMPT_SHARE;
    const sent = await retryWithinDeadline(deadline, clock, BIND_RETRY, async (timeoutMs) => {
        const outcome = await exchange(transport, {
            method: 'POST',
            path: BIND_PATH,
            json: body,
            headers: { 'Idempotency-Key': idempotencyKey },
            timeoutMs: Math.min(timeoutMs, attemptCapMs)
        });
        if (outcome.kind !== 'response') {
            return { ok: false, error: transportError(outcome, 'bind', deadlineMs) };
        }
        if (!isSuccess(outcome.status)) {
            return failedAttempt(outcome, 'bind', clock.now());
        }
        return accepted(outcome);
    });
    if ('result' in sent)
        return sent.result;
    return pollOperation(transport, clock, deadline, sent.operationId);
}

// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
;// CONCATENATED MODULE: ./src/saas/events.ts





/** Path of the events batch (the trailing slash is required). */
const EVENTS_BATCH_PATH = '/api/v1/events/batch/';
/** The sync protocol version kitty-origin speaks. */
const SYNC_PROTOCOL = '2.0';
function rejectionsIn(bodyText) {
    try {
        return EventBatchResponse.parse(JSON.parse(bodyText)).results;
    }
    catch {
        return undefined;
    }
}
/**
 * `POST /api/v1/events/batch/`, gzip-compressed, one attempt. Returns the per-event results
 * (a 400 with results is per-event rejections). Throws a retryable KittyError when the events
 * should stay queued (401/403/408/429/5xx, network, timeout) and a final one otherwise.
 */
async function sendEvents(transport, deadlineMs, events) {
    if (events.length === 0)
        return [];
    const outcome = await exchange(transport, {
        method: 'POST',
        path: EVENTS_BATCH_PATH,
        raw: (0,external_node_zlib_.gzipSync)(JSON.stringify({ events })),
        headers: {
            'Content-Type': 'application/json',
            'Content-Encoding': 'gzip',
            'X-Spec-Kitty-Sync-Protocol': SYNC_PROTOCOL
        },
        timeoutMs: deadlineMs
    });
    if (outcome.kind !== 'response')
        throw transportError(outcome, 'events', deadlineMs);
    if (isSuccess(outcome.status))
        return parseBody(EventBatchResponse, outcome.bodyText, 'events').results;
    const rejected = outcome.status === 400 ? rejectionsIn(outcome.bodyText) : undefined;
    if (rejected !== undefined)
        return rejected;
    throw saasErrorFrom(outcome.status, outcome.headers, outcome.bodyText, 'events');
}

;// CONCATENATED MODULE: ./src/saas/search.ts





/** Path of the issue search (the trailing slash is required). */
const ISSUE_SEARCH_PATH = '/api/v1/tracker/issue-search/';
/** Search backs off from 0.5 s, doubling, at most 4 s, all inside its deadline. */
const SEARCH_RETRY = { baseMs: 500, capMs: 4_000 };
/**
 * `POST /api/v1/tracker/issue-search/`: retries 429 (after the wait it asks for), 5xx, resets
 * and timeouts, but fails with a clear error as soon as the deadline cannot be met.
 */
async function searchIssues(transport, clock, deadlineMs, body) {
    const deadline = new Deadline(clock, deadlineMs);
    return retryWithinDeadline(deadline, clock, SEARCH_RETRY, async (timeoutMs) => {
        const outcome = await exchange(transport, {
            method: 'POST',
            path: ISSUE_SEARCH_PATH,
            json: body,
            timeoutMs
        });
        if (outcome.kind !== 'response') {
            return { ok: false, error: transportError(outcome, 'search', deadlineMs) };
        }
        if (!isSuccess(outcome.status))
            return failedAttempt(outcome, 'search', clock.now());
        return { ok: true, value: parseBody(IssueSearchResponse, outcome.bodyText, 'search') };
    });
}

;// CONCATENATED MODULE: ./src/saas/url.ts

function invalid(detail) {
    return new errors/* KittyError */.s('input-invalid', 'The Spec Kitty SaaS URL must be an http(s) address such as https://spec-kitty.example.com.', detail);
}
/** Scheme + host[:port] of a SaaS URL: path, query, fragment and trailing slash dropped. */
function normaliseBaseUrl(raw) {
    let url;
    try {
        url = new URL(raw.trim());
    }
    catch {
        throw invalid('not a URL');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        throw invalid(`unsupported scheme ${url.protocol}`);
    }
    if (url.username !== '' || url.password !== '')
        throw invalid('credentials in the URL');
    return `${url.protocol}//${url.host}`;
}

;// CONCATENATED MODULE: ./src/saas/client.ts








/** Default deadlines of the contract. */
const DEFAULT_DEADLINES = { searchMs: 10_000, bindMs: 30_000, eventsMs: 10_000 };
function checkedToken(raw) {
    const token = raw.trim();
    if (token === '') {
        throw new errors/* KittyError */.s('input-invalid', 'The `saas-token` input is empty; set it to a Spec Kitty SaaS token.');
    }
    if (/[\s\p{Cc}]/u.test(token)) {
        throw new errors/* KittyError */.s('input-invalid', 'The `saas-token` input contains spaces or line breaks; paste the token alone.');
    }
    return token;
}
function transportFor(options) {
    const token = checkedToken(options.token);
    const headers = {
        Authorization: `Bearer ${token}`,
        'User-Agent': options.userAgent
    };
    const teamSlug = options.teamSlug?.trim() ?? '';
    if (teamSlug !== '')
        headers['X-Team-Slug'] = teamSlug;
    return {
        baseUrl: normaliseBaseUrl(options.baseUrl),
        headers,
        fetch: options.fetch,
        secret: token
    };
}
/** A SaaS client over fetch; the options are checked once, here. */
function createSaasClient(options) {
    const transport = transportFor(options);
    const clock = {
        now: options.now ?? Date.now,
        sleep: options.sleep ?? (ms => (0,promises_.setTimeout)(ms)),
        random: options.random ?? Math.random
    };
    const searchMs = options.searchDeadlineMs ?? DEFAULT_DEADLINES.searchMs;
    const bindMs = options.bindDeadlineMs ?? DEFAULT_DEADLINES.bindMs;
    const eventsMs = options.eventsDeadlineMs ?? DEFAULT_DEADLINES.eventsMs;
    return {
        searchIssues: body => searchIssues(transport, clock, searchMs, body),
        bindMissionOrigin: (body, key) => bind_bindMissionOrigin(transport, clock, bindMs, body, key),
        sendEvents: events => sendEvents(transport, eventsMs, events)
    };
}

;// CONCATENATED MODULE: ./src/version.ts
/** kitty-origin's version, as package.json states it (a test keeps the two equal). */
const VERSION = '0.1.0';
/** The User-Agent kitty-origin sends to GitHub and the SaaS. */
const USER_AGENT = `kitty-origin/${VERSION}`;

;// CONCATENATED MODULE: ./src/github/pull-files.ts



/** How GitHub describes what a pull request did to one file. */
const FILE_STATUSES = [
    'added',
    'removed',
    'modified',
    'renamed',
    'copied',
    'changed',
    'unchanged'
];
/** The largest page GitHub serves; `listPullRequestFiles` reads pages of this size. */
const PULL_FILES_PER_PAGE = 100;
/** GitHub lists at most this many files of one pull request. */
const MAX_LISTED_PULL_FILES = 3000;
const FileAnswer = schemas/* object */.Ikc({
    filename: schemas/* string */.YjP().min(1),
    status: schemas/* enum */.k5n(FILE_STATUSES),
    previous_filename: schemas/* string */.YjP().optional()
});
/**
 * Every file a pull request changes (at most GitHub's 3,000), following the `Link` header page
 * by page. Renamed files name their previous path.
 */
async function listPullRequestFiles(api, repo, pullNumber) {
    const call = {
        action: `list the files of pull request #${pullNumber}`,
        permission: 'pull-requests: read'
    };
    const files = [];
    for (let page = 1; page !== undefined;) {
        const current = page;
        const answer = await errors_attempt(call, () => api.request('GET /repos/{owner}/{repo}/pulls/{pull_number}/files', {
            owner: repo.owner,
            repo: repo.repo,
            pull_number: pullNumber,
            per_page: PULL_FILES_PER_PAGE,
            page: current
        }));
        for (const file of errors_parseAnswer(schemas/* array */.YOg(FileAnswer), answer.data, call)) {
            files.push({
                path: file.filename,
                status: file.status,
                ...(file.previous_filename === undefined ? {} : { previousPath: file.previous_filename })
            });
        }
        const next = linkedPage(answer.headers.link, 'next');
        page = next !== undefined && next > current ? next : undefined;
    }
    return files;
}

;// CONCATENATED MODULE: ./src/verify/changes.ts
/** Where spec-kitty keeps its missions, one directory each. */
const MISSIONS_ROOT = 'kitty-specs';
/** The mission directory name of `path` (`kitty-specs/<name>/…`), or null for any other path. */
function missionNameOf(path) {
    const [root, name, ...rest] = path.split('/');
    if (root !== MISSIONS_ROOT || rest.length === 0)
        return null;
    return name === undefined || name === '' || name === '.' || name === '..' ? null : name;
}
/**
 * Groups a pull request's changed files by mission directory, sorted by directory. A rename
 * counts for both sides: as a change of the new directory and a removal from the old one.
 * Files directly in `kitty-specs/` and outside it belong to no mission.
 */
function changedMissions(files) {
    const byName = new Map();
    const touch = (path, kept) => {
        const name = missionNameOf(path);
        if (name === null)
            return;
        const paths = byName.get(name) ?? new Set();
        if (kept)
            paths.add(path);
        byName.set(name, paths);
    };
    for (const file of files) {
        touch(file.path, file.status !== 'removed');
        if (file.status === 'renamed' && file.previousPath !== undefined) {
            touch(file.previousPath, false);
        }
    }
    return [...byName.entries()]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([name, paths]) => ({
        dir: `${MISSIONS_ROOT}/${name}`,
        name,
        paths: [...paths].sort(),
        removed: paths.size === 0
    }));
}

;// CONCATENATED MODULE: ./src/verify/check.ts


/** The 1-based line of the first `"key":` in a JSON text; 1 when the key is not there. */
function lineOfKey(text, key) {
    const at = text.indexOf(`${JSON.stringify(key)}:`);
    return at < 0 ? 1 : text.slice(0, at).split('\n').length;
}
/**
 * The 1-based line where `actual` first differs from `expected`; its last line when `actual` is
 * a prefix or the difference lies after its final newline.
 */
function firstDifferentLine(actual, expected) {
    const a = actual.split('\n');
    const b = expected.split('\n');
    const index = a.findIndex((line, at) => line !== b[at]);
    const lastLine = Math.max(1, actual.endsWith('\n') ? a.length - 1 : a.length);
    return Math.min(index < 0 ? a.length : index + 1, lastLine);
}
function check_parseJson(text) {
    try {
        return JSON.parse(text);
    }
    catch {
        return undefined;
    }
}
function lacksOrigin(value) {
    if (value === null || typeof value !== 'object' || Array.isArray(value))
        return false;
    const origin = value.origin_ticket;
    return origin === undefined || origin === null;
}
/**
 * Checks the text of `kitty-specs/<name>/meta.json`: it parses and passes `parseMeta`
 * (spec-kitty's required keys, slug grammar, ULID, the seven `origin_ticket` keys), is
 * byte-for-byte canonical, and its `mission_slug` names its own directory. A meta.json without
 * `origin_ticket` is not checked further: the caller decides whether that is allowed.
 */
function checkMeta(name, text) {
    const raw = check_parseJson(text);
    if (lacksOrigin(raw))
        return { hasOrigin: false, meta: null, problems: [] };
    const parsed = parseMeta(text);
    if (parsed instanceof errors/* KittyError */.s) {
        return { hasOrigin: true, meta: null, problems: [{ message: parsed.message, line: 1 }] };
    }
    const problems = [];
    if (!parsed.canonical) {
        const line = firstDifferentLine(text, pythonJsonPretty(raw) + '\n');
        problems.push({
            message: "meta.json is not in spec-kitty's canonical form (keys sorted, two-space indent, " +
                `non-ASCII kept, one newline at the end); the first difference is on line ${line}.`,
            line
        });
    }
    if (parsed.meta.mission_slug !== name) {
        problems.push({
            message: `meta.json has mission_slug ${parsed.meta.mission_slug}, but it lives in kitty-specs/${name}/.`,
            line: lineOfKey(text, 'mission_slug')
        });
    }
    return { hasOrigin: true, meta: parsed.meta, problems };
}

;// CONCATENATED MODULE: ./src/verify/result.ts
/** The verdict of one mission; a missing origin is a problem only when the caller made it one. */
function statusOf(result) {
    if (result.mission.removed)
        return 'removed';
    if (result.problems.length > 0)
        return 'failed';
    return result.hasOrigin ? 'verified' : 'no-origin';
}
function count(n, one, many = `${one}s`) {
    return `${n} ${n === 1 ? one : many}`;
}
const AND = new Intl.ListFormat('en', { style: 'long', type: 'conjunction' });
function listed(dirs) {
    const shown = dirs.slice(0, 3).map(dir => `${dir}/`);
    if (dirs.length > 3)
        shown.push(`${dirs.length - 3} more`);
    return AND.format(shown);
}
/** One sentence naming the missions that failed, for `core.setFailed` and the summary. */
function failureSentence(pullNumber, results) {
    const failed = results.filter(result => statusOf(result) === 'failed');
    const dirs = failed.map(result => result.mission.dir);
    return `Pull request #${pullNumber} has ${count(failed.length, 'mission')} whose provenance failed verification (${listed(dirs)}); see this run's annotations.`;
}
/** One sentence on a pull request whose missions all passed. */
function successSentence(pullNumber, results) {
    const of = (status) => results.filter(result => statusOf(result) === status).length;
    if (results.length === 0)
        return `Pull request #${pullNumber} changes no mission under kitty-specs/.`;
    const parts = [`${count(of('verified'), 'mission')} verified`];
    if (of('no-origin') > 0)
        parts.push(`${count(of('no-origin'), 'mission')} without origin_ticket`);
    if (of('removed') > 0)
        parts.push(`${count(of('removed'), 'mission directory', 'mission directories')} removed`);
    return `Pull request #${pullNumber}: ${parts.join(', ')}.`;
}

;// CONCATENATED MODULE: ./src/verify/render.ts



/** The title every verification annotation carries. */
const ANNOTATION_TITLE = 'kitty-origin: mission provenance';
/**
 * The run's annotations: an error per problem of a failed mission, on its line of the file, and
 * a notice on the meta.json of each mission without origin_ticket (when that is allowed).
 */
function annotationsOf(results) {
    return results.flatMap((result) => {
        const status = statusOf(result);
        if (status === 'failed') {
            return result.problems.map(problem => ({
                level: 'error',
                message: `${result.mission.dir}/: ${problem.message}`,
                properties: { title: ANNOTATION_TITLE, file: result.annotatedPath, startLine: problem.line }
            }));
        }
        if (status === 'no-origin') {
            return [
                {
                    level: 'notice',
                    message: `${result.mission.dir}/ has no origin_ticket in meta.json, so its provenance is not checked; set require-origin: true to require one.`,
                    properties: { title: ANNOTATION_TITLE, file: result.metaPath, startLine: 1 }
                }
            ];
        }
        return [];
    });
}
const HEADINGS = {
    verified: '✅ Verified',
    failed: '❌ Failed',
    'no-origin': '➖ No origin ticket',
    removed: '🗑️ Removed'
};
function saasLine(check) {
    if (check.kind === 'confirmed') {
        return [
            `- Spec Kitty SaaS: the ticket still exists with the same id and key (status ${(0,chatops_escape/* escapeInline */.VV)(check.status, 40)})`
        ];
    }
    if (check.kind === 'not-configured') {
        return ['- Spec Kitty SaaS: not re-checked (saas-url and saas-token are not set)'];
    }
    return [];
}
function ticketLines(meta) {
    const origin = meta.origin_ticket;
    return [
        `- Ticket: ${(0,chatops_escape/* markdownLink */.iQ)(origin.external_issue_key, origin.external_issue_url, 64)}: ${(0,chatops_escape/* escapeInline */.VV)(origin.title, 120)}`,
        `- Provider: ${providerName(origin.provider)}, ${(0,chatops_escape/* escapeInline */.VV)(origin.resource_type, 40)} ${(0,chatops_escape/* escapeCodeSpan */.Hs)(origin.resource_id, 80)}`,
        `- Mission: ${(0,chatops_escape/* escapeCodeSpan */.Hs)(meta.mission_slug, 80)}, id ${(0,chatops_escape/* escapeCodeSpan */.Hs)(meta.mission_id, 40)}`
    ];
}
function card(result) {
    const status = statusOf(result);
    const lines = [`#### ${HEADINGS[status]}: ${(0,chatops_escape/* escapeCodeSpan */.Hs)(result.mission.dir, 120)}`, ''];
    if (status === 'removed')
        lines.push('- The pull request removes this mission directory.');
    if (status === 'no-origin')
        lines.push('- meta.json has no origin_ticket; provenance not checked.');
    if (status === 'failed') {
        for (const problem of result.problems) {
            lines.push(`- Line ${problem.line}: ${(0,chatops_escape/* escapeInline */.VV)(problem.message, 500)}`);
        }
    }
    if (result.meta !== null)
        lines.push(...ticketLines(result.meta), ...saasLine(result.saas));
    return lines.join('\n');
}
/** The job summary part of a verification: a card per mission directory the PR touches. */
function summaryCards(pullNumber, results) {
    return [`### Mission provenance of #${pullNumber}`, ...results.map(card)].join('\n\n');
}

;// CONCATENATED MODULE: ./src/verify/ticket.ts




/**
 * Asks the SaaS for the origin ticket again by key: it must still be there, in the provider the
 * repository is bound to, with the same `external_issue_id`. A ticket that is gone or changed is
 * a problem of the mission (pointing at its line of meta.json); any other SaaS failure (outage,
 * token, routing) is thrown, since it says nothing about the pull request.
 */
async function recheckTicket(origin, metaText, binding, saas) {
    const key = (0,chatops_escape/* truncate */.xv)(origin.external_issue_key, 64);
    const bound = providerName(binding.provider);
    if (origin.provider !== binding.provider) {
        return refused(`origin_ticket names a ${providerName(origin.provider)} ticket, but this repository is bound to ${bound}, so the Spec Kitty SaaS cannot confirm ${key}.`, lineOfKey(metaText, 'provider'));
    }
    try {
        const { candidate } = await refetchCandidate(binding, origin, saas);
        return { confirmed: true, status: candidate.status };
    }
    catch (error) {
        if (!(error instanceof errors/* KittyError */.s))
            throw error;
        if (error.code === 'ticket-not-found') {
            return refused(`The Spec Kitty SaaS no longer finds ${key} in ${bound}; the origin ticket was deleted, moved or re-keyed.`, lineOfKey(metaText, 'external_issue_key'));
        }
        if (error.code === 'ticket-changed') {
            return refused(`${key} now names a different ${bound} ticket at the Spec Kitty SaaS than origin_ticket's external_issue_id ${(0,chatops_escape/* truncate */.xv)(origin.external_issue_id, 64)}.`, lineOfKey(metaText, 'external_issue_id'));
        }
        throw error;
    }
}
function refused(message, line) {
    return { confirmed: false, problem: { message, line } };
}

;// CONCATENATED MODULE: ./src/verify/pull-request.ts






/** What meta.json says, before the SaaS is asked. */
async function checkLocally(mission, request, ports) {
    const metaPath = `${mission.dir}/meta.json`;
    const base = {
        mission,
        metaPath,
        annotatedPath: metaPath,
        hasOrigin: false,
        meta: null,
        problems: [],
        saas: { kind: 'not-checked' }
    };
    const [firstPath] = mission.paths;
    if (firstPath === undefined)
        return { result: base, text: null };
    const text = await ports.readFile(metaPath, request.headSha);
    if (text === null) {
        const message = `${mission.dir}/ has no meta.json at the pull request's head, so it is not a mission spec-kitty can read.`;
        return {
            result: {
                ...base,
                annotatedPath: firstPath,
                hasOrigin: true,
                problems: [{ message, line: 1 }]
            },
            text
        };
    }
    const check = checkMeta(mission.name, text);
    const problems = !check.hasOrigin && request.requireOrigin
        ? [{ message: 'meta.json has no origin_ticket, and this workflow requires one.', line: 1 }]
        : check.problems;
    return { result: { ...base, hasOrigin: check.hasOrigin, meta: check.meta, problems }, text };
}
/**
 * Verifies the provenance of every mission directory a pull request adds or changes: meta.json
 * at the head commit must be canonical and valid with a complete origin_ticket, and, when the
 * SaaS is configured, the ticket must still exist there with the same id and key. Findings
 * become annotations and a summary card per mission; `verify-failed` when any mission failed.
 * SaaS or GitHub failures that say nothing about the pull request are thrown.
 */
async function verifyPullRequest(request, ports) {
    const changed = await ports.listChangedFiles(request.pullNumber);
    if (!changed.complete) {
        ports.log.warning(`Pull request #${request.pullNumber} changes more files than GitHub lists (${changed.files.length}); missions changed beyond them are not verified.`);
    }
    const missions = changedMissions(changed.files);
    const results = [];
    let binding;
    for (const mission of missions) {
        const { result, text } = await checkLocally(mission, request, ports);
        const origin = result.meta?.origin_ticket;
        if (ports.saas === undefined) {
            if (origin !== undefined)
                result.saas = { kind: 'not-configured' };
        }
        else if (origin !== undefined && text !== null) {
            binding ??= resolveTrackerBinding(await ports.readFile(TRACKER_CONFIG_PATH, request.baseRef), request.overrides);
            const ticket = await recheckTicket(origin, text, binding, ports.saas);
            if (ticket.confirmed)
                result.saas = { kind: 'confirmed', status: ticket.status };
            else
                result.problems.push(ticket.problem);
        }
        ports.log.info(`${mission.dir}/: ${statusOf(result)}`);
        results.push(result);
    }
    for (const annotation of annotationsOf(results)) {
        ports.annotations[annotation.level](annotation.message, annotation.properties);
    }
    const failed = results.some(result => statusOf(result) === 'failed');
    const details = summaryCards(request.pullNumber, results);
    if (failed) {
        const message = failureSentence(request.pullNumber, results);
        return {
            state: 'verify-failed',
            dryRun: request.dryRun,
            error: { code: 'mission-invalid', message },
            details
        };
    }
    return {
        state: 'verified',
        dryRun: request.dryRun,
        reason: successSentence(request.pullNumber, results),
        details
    };
}

;// CONCATENATED MODULE: ./src/verify/run.ts








/**
 * The SaaS client when both SaaS inputs are set; undefined otherwise, with a warning when only
 * one is (typically the token: GitHub gives no secrets to pull requests from forks).
 */
function saasClientOf(inputs, proxy) {
    const { saasUrl, saasToken } = inputs;
    if (saasUrl === undefined || saasToken === undefined) {
        if (saasUrl !== saasToken) {
            const empty = saasUrl === undefined ? 'saas-url' : 'saas-token';
            runner_io.warning(`Input \`${empty}\` is empty, so origin tickets are not re-checked at the Spec Kitty SaaS (GitHub gives no secrets to pull requests from forks).`);
        }
        return undefined;
    }
    return createSaasClient({
        baseUrl: saasUrl,
        token: saasToken,
        teamSlug: inputs.teamSlug,
        userAgent: USER_AGENT,
        fetch: proxy?.fetch
    });
}
/** The ports of a verification over the GitHub REST API, the SaaS (when set) and the runner. */
function verifyPorts(inputs, trigger, env, options) {
    const repo = { owner: trigger.source.owner, repo: trigger.source.repo };
    const proxy = proxyNetwork(env);
    const github = createGitHubClient({
        token: inputs.githubToken,
        baseUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
        userAgent: USER_AGENT,
        logger: { debug: runner_io.debug, warning: runner_io.warning },
        fetch: options.fetch ?? proxy?.fetch
    });
    const saas = saasClientOf(inputs, proxy);
    return {
        async listChangedFiles(pullNumber) {
            const files = await listPullRequestFiles(github, repo, pullNumber);
            return { files, complete: files.length < MAX_LISTED_PULL_FILES };
        },
        readFile: (path, ref) => readTextFile(github, repo, path, ref),
        ...(saas === undefined ? {} : { saas }),
        annotations: options.annotations ?? { error: runner_io.error, notice: runner_io.notice },
        log: { info: runner_io.info, warning: runner_io.warning }
    };
}
/** Verifies the provenance of the missions a pull request adds or changes (see verifyPullRequest). */
async function runVerify(inputs, trigger, env, options) {
    return verifyPullRequest({
        pullNumber: trigger.pullNumber,
        headSha: trigger.headSha,
        baseRef: trigger.baseRef,
        requireOrigin: inputs.requireOrigin,
        overrides: {
            provider: inputs.provider,
            projectSlug: inputs.projectSlug,
            bindingRef: inputs.bindingRef
        },
        dryRun: inputs.dryRun
    }, verifyPorts(inputs, trigger, env, options));
}

;// CONCATENATED MODULE: ./src/bot.ts














const log = { info: runner_io.info, warning: runner_io.warning, debug: runner_io.debug };
/** Builds the GitHub and SaaS clients and the flows' context for one run. */
function botContext(inputs, trigger, env, options = {}) {
    const repo = { owner: trigger.source.owner, repo: trigger.source.repo };
    const { saasUrl, saasToken } = (0,src_inputs/* requireSaasInputs */.Rq)(inputs);
    const proxy = proxyNetwork(env);
    const github = createGitHubClient({
        token: inputs.githubToken,
        baseUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
        userAgent: USER_AGENT,
        logger: { debug: runner_io.debug, warning: runner_io.warning },
        writeIntervalMs: 0,
        fetch: options.fetch ?? proxy?.fetch
    });
    const saas = createSaasClient({
        baseUrl: saasUrl,
        token: saasToken,
        ...(inputs.teamSlug === undefined ? {} : { teamSlug: inputs.teamSlug }),
        userAgent: USER_AGENT,
        fetch: proxy?.fetch
    });
    const serverUrl = env.GITHUB_SERVER_URL ?? 'https://github.com';
    const nowMs = options.nowMs ?? Date.now;
    const events = createMissionEventEmitter({
        github,
        repo,
        saas,
        log: { info: runner_io.info, warning: runner_io.warning, error: runner_io.error },
        nowMs
    });
    return {
        inputs,
        source: trigger.source,
        conversation: gitHubConversation(github, repo),
        repository: gitHubRepository(github, repo, message => {
            runner_io.warning(`Permission check failed, so access is denied: ${message}`);
        }),
        saas,
        stateKey: deriveStateKey({
            saasToken,
            ...(inputs.stateSecret === undefined ? {} : { stateSecret: inputs.stateSecret })
        }),
        nowMs,
        newUlid: () => (0,node/* ulid */.Z0)(),
        runUrl: `${serverUrl}/${repo.owner}/${repo.repo}/actions/runs/${env.GITHUB_RUN_ID ?? ''}`,
        log,
        emitEvent: (mission, project) => events.emit(mission, project),
        drainEvents: () => events.drain()
    };
}
/** Runs the flow the trigger asks for. */
async function runBot(inputs, trigger, env, options = {}) {
    if (trigger.kind === 'verify')
        return runVerify(inputs, trigger, env, options);
    const real = botContext(inputs, trigger, env, options);
    // A dry run runs the same flows over ports that read for real and only record their writes.
    const dry = inputs.dryRun ? dryRunContext(real) : undefined;
    const context = dry?.context ?? real;
    const finish = (report) => dry?.finish(report) ?? report;
    // Events earlier runs could not deliver go first, alongside this run's own reads.
    const drained = inputs.dryRun ? Promise.resolve() : context.drainEvents();
    try {
        if (trigger.kind === 'command')
            return finish(await handleCommand(context, trigger));
        return finish(await handleDispatch(context));
    }
    finally {
        await drained;
    }
}


/***/ })

};
