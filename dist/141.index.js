export const id = 141;
export const ids = [141];
export const modules = {

/***/ 2141:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runBot: () => (/* binding */ runBot)
});

// EXTERNAL MODULE: ./src/origin/models.ts
var models = __webpack_require__(6710);
// EXTERNAL MODULE: ./src/chatops/escape.ts
var chatops_escape = __webpack_require__(3519);
// EXTERNAL MODULE: ./src/chatops/message.ts
var chatops_message = __webpack_require__(6037);
;// CONCATENATED MODULE: ./src/chatops/render.ts
/**
 * The texts kitty-origin posts as comments (DESIGN §1). Pure: every piece of user- or
 * tracker-controlled text goes through escape.ts; the configured prefix only ever appears inside
 * code spans.
 */



const EXAMPLE_KEYS = { jira: 'PROJ-7', linear: 'WEB-123' };
/** A note naming the tickets that were left out of the list, or none. */
function leftOutNote(leftOut) {
    if (leftOut === undefined || leftOut.length === 0)
        return [];
    const lines = leftOut
        .slice(0, 10)
        .map(left => `- ${(0,chatops_escape/* escapeInline */.VV)(left.key, 100)}: ${(0,chatops_escape/* escapeInline */.VV)(left.reason, 200)}`);
    const more = leftOut.length > 10 ? [`- and ${leftOut.length - 10} more`] : [];
    return [['Left out, since they cannot be an origin:', ...lines, ...more].join('\n')];
}
/** The message lengths shown in replies and the job summary. */
const MESSAGE_MAX = 1000;
/** `<prefix> <rest>` as a code span of a sentence, e.g. `/kitty confirm 1`. */
function commandSpan(prefix, rest) {
    return (0,chatops_escape/* escapeCodeSpan */.Hs)(`${prefix} ${rest}`);
}
/** How to start again, as a code span: `<prefix> start-from <ticket key or words>`. */
function startAgainCommand(prefix) {
    return commandSpan(prefix, 'start-from <ticket key or words>');
}
function scope(state, scopeLabel) {
    return [(0,models/* providerName */.pX)(state.provider), (0,chatops_escape/* escapeInline */.VV)(scopeLabel, 120)]
        .filter(part => part !== '')
        .join(' ');
}
function heading(state, scopeLabel) {
    return `**Tickets matching ${(0,chatops_escape/* escapeInline */.VV)(state.query, 300)} in ${scope(state, scopeLabel)}**`;
}
function candidateTable(candidates) {
    const rows = candidates.map((candidate, i) => `| ${i + 1} | ${(0,chatops_escape/* markdownLink */.iQ)(candidate.external_issue_key, candidate.url, 64)} | ` +
        `${(0,chatops_escape/* escapeInline */.VV)(candidate.title, 120)} | ${(0,chatops_escape/* escapeInline */.VV)(candidate.status, 40)} |`);
    return ['| # | ticket | title | status |', '|--:|---|---|---|', ...rows].join('\n');
}
/**
 * The key of the ticket a consumed list started its mission from: the recorded choice, or the
 * only candidate of a list from before choices were recorded.
 */
function chosenKey(state) {
    const chosen = state.chosen_issue_id === undefined
        ? state.candidates.length === 1
            ? state.candidates[0]
            : undefined
        : state.candidates.find(candidate => candidate.external_issue_id === state.chosen_issue_id);
    return chosen?.external_issue_key;
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
            `Try other words or a ticket key, for example ${commandSpan(prefix, 'start-from "other words"')} ` +
                `or ${commandSpan(prefix, `start-from ${example}`)}.`,
            ...leftOutNote(input.leftOut)
        ], marker);
    }
    const full = input.limit !== undefined && state.candidates.length >= input.limit;
    const more = full
        ? [
            `These are the first ${state.candidates.length} matches; there may be more. To narrow the ` +
                `search, add words or give the ticket key, for example ` +
                `${commandSpan(prefix, 'start-from "Clerk auth login"')} or ` +
                `${commandSpan(prefix, `start-from ${EXAMPLE_KEYS[state.provider]}`)}.`
        ]
        : [];
    const reply = state.candidates.length === 1
        ? `Reply ${commandSpan(prefix, 'confirm 1')} to start a mission from it, or ${commandSpan(prefix, 'cancel')}.`
        : `Reply ${commandSpan(prefix, 'confirm 1')} (or another row number) to start a mission from ` +
            `that ticket, or ${commandSpan(prefix, 'cancel')}.`;
    return comment([
        heading(state, scopeLabel),
        candidateTable(state.candidates),
        ...more,
        ...leftOutNote(input.leftOut),
        `${reply}\n<sub>This list can be confirmed until ${utcMinute(state.expires_at)}.</sub>`
    ], marker);
}
/** The candidate list after a confirm: the same table and a line naming the mission and its PR. */
function renderConsumedCandidateComment(input) {
    const { state, marker, scopeLabel } = input;
    const pr = prLink(state.pull_request.number, state.pull_request.url);
    const key = chosenKey(state);
    const from = key === undefined ? '' : ` from ${(0,chatops_escape/* escapeInline */.VV)(key, 64)}`;
    return comment([
        heading(state, scopeLabel),
        candidateTable(state.candidates),
        `✅ Mission ${(0,chatops_escape/* escapeCodeSpan */.Hs)(state.mission_slug)} started${from} → ${pr}`
    ], marker);
}
/** The candidate list after a cancel: the same table, marked closed, with how to start again. */
function renderCancelledCandidateComment(input) {
    const { state, marker, prefix, scopeLabel } = input;
    return comment([
        heading(state, scopeLabel),
        candidateTable(state.candidates),
        `❎ Cancelled. Start again with ${startAgainCommand(prefix)}.`
    ], marker);
}
/** Usage of every command with the configured prefix, led by what was wrong when there was a problem. */
function renderHelp(prefix, problem) {
    const lines = [
        '**kitty-origin commands**',
        [
            `- ${commandSpan(prefix, 'start-from WEB-123')}: find a ticket by its key; ` +
                `${commandSpan(prefix, 'start-from linear:WEB-123')} or ${commandSpan(prefix, 'start-from jira:PROJ-7')} ` +
                'names the tracker.',
            `- ${commandSpan(prefix, 'start-from "Clerk auth"')}: find tickets by words.`,
            `- ${commandSpan(prefix, 'confirm 2')} or ${commandSpan(prefix, 'confirm WEB-127')}: start a mission ` +
                'from that ticket of the newest list.',
            `- ${commandSpan(prefix, 'cancel')}: close the open list.`,
            `- ${commandSpan(prefix, 'help')}: show this help.`
        ].join('\n'),
        'Write the command at the start of a line, outside code blocks and quotes; ' +
            'only the first command in a comment counts.'
    ];
    const intro = problem === undefined ? [] : [`⚠️ ${(0,chatops_message/* messageMarkdown */.zv)(problem, 500)}`];
    return [...intro, ...lines].join('\n\n');
}
/** The reply to someone whose repository permission is below `needed`; it does not ping them. */
function renderDenied(login, needed) {
    return (`🔒 ${(0,chatops_escape/* escapeInline */.VV)(`@${login}`, 100)}, kitty-origin commands need ` +
        `**${(0,chatops_escape/* escapeInline */.VV)(needed, 20)}** permission on this repository or higher. ` +
        'Ask someone with that access to run the command.');
}
/**
 * The reply when a command failed for a reason the repository's owners must fix: the
 * one-sentence cause (its code spans shown as code) and a link to the run's log.
 */
function renderFailure(message, runUrl) {
    return (`😕 kitty-origin could not finish: ${(0,chatops_message/* messageMarkdown */.zv)(message, MESSAGE_MAX)}\n\n` +
        `Details are in the ${(0,chatops_escape/* markdownLink */.iQ)('run log', runUrl)}.`);
}
/**
 * The reply when a command was understood but cannot be done as asked: the sentence says why and
 * what to do next. With `usagePrefix`, the usage of every command follows.
 */
function renderRefusal(message, usagePrefix) {
    const reply = `😕 ${(0,chatops_message/* messageMarkdown */.zv)(message, MESSAGE_MAX)}`;
    return usagePrefix === undefined ? reply : `${reply}\n\n${renderHelp(usagePrefix)}`;
}
/** The reply to a cancel: which list was closed and how to start again. */
function renderCancelled(state, prefix) {
    return (`❎ Cancelled the list of tickets matching ${(0,chatops_escape/* escapeInline */.VV)(state.query, 300)}; nothing was started. ` +
        `Start again with ${startAgainCommand(prefix)}.`);
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

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 14 modules
var schemas = __webpack_require__(5586);
;// CONCATENATED MODULE: ./src/origin/claim.ts

/** The mission a claim names: its id and names, and the ticket it starts from. */
const ClaimedMission = schemas/* strictObject */.rej({
    id: schemas/* string */.YjP().min(1),
    slug: schemas/* string */.YjP().min(1),
    branch: schemas/* string */.YjP().min(1),
    dir: schemas/* string */.YjP().min(1),
    external_issue_id: schemas/* string */.YjP().min(1),
    external_issue_key: schemas/* string */.YjP().min(1)
});
/**
 * The one record that closes a candidate list (or a dispatch run): consumed by one mission, or
 * cancelled. Every copy of the list defers to it, so a list yields at most one mission and a
 * closed list stays closed. Written once, atomically; see MissionWorkspace.claim.
 */
const Claim = schemas/* discriminatedUnion */.gMt('status', [
    schemas/* strictObject */.rej({
        v: schemas/* literal */.euz(1),
        status: schemas/* literal */.euz('consumed'),
        by: schemas/* string */.YjP(),
        mission: ClaimedMission
    }),
    schemas/* strictObject */.rej({ v: schemas/* literal */.euz(1), status: schemas/* literal */.euz('cancelled'), by: schemas/* string */.YjP() })
]);
/** The claim's text: canonical JSON, one line. */
function claimText(claim) {
    return `${JSON.stringify(claim)}\n`;
}
/** A claim read back; null for text that is not a claim (then no one may rely on it). */
function parseClaim(text) {
    try {
        const parsed = Claim.safeParse(JSON.parse(text));
        return parsed.success ? parsed.data : null;
    }
    catch {
        return null;
    }
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/chatops/grammar.ts + 1 modules
var grammar = __webpack_require__(8107);
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
    mission_slug: schemas/* string */.YjP().min(1).max(200).optional(),
    /** The `external_issue_id` of the candidate a confirm chose, once the list is consumed. */
    chosen_issue_id: schemas/* string */.YjP().min(1).max(256).optional()
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
        throw new errors/* KittyError */.si('input-invalid', 'Set the state-secret or saas-token input so kitty-origin can sign its candidate lists.');
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
        throw new errors/* KittyError */.si('internal', 'kitty-origin built an invalid candidate list; see the run log.', parsed.error.message);
    }
    const payload = Buffer.from(JSON.stringify(parsed.data), 'utf8').toString('base64url');
    const marker = `${MARKER_OPEN}v1 ${payload}.${sign(payload, key)}${MARKER_CLOSE}`;
    if (marker.length > MAX_MARKER_LENGTH) {
        throw new errors/* KittyError */.si('internal', 'The candidate list is too large to post; search with a narrower query.', `marker of ${marker.length} characters`);
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
        return { ok: false, reason: 'expired', state };
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

;// CONCATENATED MODULE: ./src/flows/context.ts
/** `owner/name` of the run's repository. */
function repoSlug(source) {
    return `${source.owner}/${source.repo}`;
}
/** The branch missions start from: the base-branch input, else the repository's default. */
function baseBranchOf(context) {
    return context.inputs.baseBranch ?? context.source.defaultBranch;
}

;// CONCATENATED MODULE: ./src/flows/find-state.ts


/**
 * Comments read, from the end of the thread, before giving up on finding a candidate list:
 * 20 pages of 100, so at most 20 requests (22 when the event's comment count was stale).
 */
const STATE_LOOKUP_COMMENTS = 2_000;
/**
 * How far before a list's own time its comment may appear: the list's time comes from the
 * runner's clock, the comment's from GitHub's.
 */
const CLOCK_SLACK_MS = 10 * 60_000;
/**
 * Walks the issue's comments from the newest and returns the newest candidate list that is
 * genuinely ours: posted by a bot account, signed with our key, for this repository and issue.
 * Markers in people's comments, or in bot comments someone edited, are skipped as forgeries.
 *
 * "Newest" is the list's own signed time, not the comment's: a re-posted copy of an older list
 * does not hide a newer one. The list's own id (its nonce) decides its fate: once any copy says
 * consumed or cancelled, every copy is. The walk stops once comments are older than the newest
 * list seen (its original and every copy are then behind), or after STATE_LOOKUP_COMMENTS.
 */
async function findNewestCandidateList(context, issueNumber, totalComments) {
    const expect = { repo: repoSlug(context.source), issue: issueNumber, nowMs: context.nowMs() };
    const lists = new Map();
    let newest;
    let read = 0;
    for await (const comment of context.conversation.newestComments(issueNumber, totalComments)) {
        if (++read > STATE_LOOKUP_COMMENTS)
            break;
        if (newest !== undefined && comment.createdAtMs < newest.state.created_at - CLOCK_SLACK_MS) {
            break;
        }
        if (findStateMarker(comment.body) === null)
            continue;
        if (!comment.author.isBot) {
            context.log.warning(`Ignored a candidate-list marker in a comment by @${comment.author.login}.`);
            continue;
        }
        const decoded = decodeStateMarker(comment.body, context.stateKey, expect);
        if (!decoded.ok && decoded.reason !== 'expired') {
            context.log.warning(`Ignored candidate list in comment ${comment.id}: ${decoded.reason}.`);
            continue;
        }
        const copies = remember(lists, comment.id, decoded.state, !decoded.ok);
        if (newest === undefined || copies.state.created_at > newest.state.created_at)
            newest = copies;
    }
    if (newest === undefined)
        return { found: false, reason: 'none' };
    if (newest.expired)
        return { found: false, reason: 'expired' };
    return { found: true, commentId: newest.commentId, state: newest.state };
}
/** Adds one copy of a list; a closed copy closes the list, an open one never reopens it. */
function remember(lists, commentId, state, expired) {
    const known = lists.get(state.nonce);
    if (known === undefined) {
        const copies = { commentId, state, expired };
        lists.set(state.nonce, copies);
        return copies;
    }
    if (known.state.status === 'open' && state.status !== 'open')
        known.state = state;
    return known;
}

;// CONCATENATED MODULE: ./src/flows/list-comment.ts




/** How the search scope reads in a comment, e.g. `team acme-web`. */
function scopeLabel(state) {
    const noun = state.provider === 'jira' ? 'project' : 'team';
    // A binding reference is an opaque id; the tracker's own resource id reads better.
    const name = 'project_slug' in state.routing
        ? state.routing.project_slug
        : state.resource_id || state.routing.binding_ref;
    return `${noun} ${name}`;
}
/** The candidate-list comment for a state, open, cancelled or consumed, signed with the state key. */
function listComment(context, state, leftOut = []) {
    const input = {
        leftOut,
        state,
        marker: encodeStateMarker(state, context.stateKey),
        prefix: context.inputs.commandPrefix,
        scopeLabel: scopeLabel(state),
        limit: context.inputs.candidateLimit
    };
    switch (state.status) {
        case 'open':
            return renderCandidateComment(input);
        case 'cancelled':
            return renderCancelledCandidateComment(input);
        case 'consumed': {
            const { mission_slug, pull_request } = state;
            if (mission_slug === undefined || pull_request === undefined) {
                throw new errors/* KittyError */.si('internal', 'A consumed candidate list must name its mission and PR.');
            }
            return renderConsumedCandidateComment({
                ...input,
                state: { ...state, mission_slug, pull_request }
            });
        }
    }
}
/**
 * The claim that closes a list, named from the list's own id (its nonce), so every copy of one
 * list shares it. Hashed: a ref name takes no `+`, `/` or leading `-` from the nonce.
 */
function listClaimName(nonce) {
    return `list-${(0,external_node_crypto_.createHash)('sha256').update(nonce).digest('hex').slice(0, 32)}`;
}
/** The claim of a workflow_dispatch confirm: the run id, which every re-run attempt keeps. */
function runClaimName(runId) {
    return `run-${runId}`;
}

;// CONCATENATED MODULE: ./src/flows/unsuccessful.ts


/**
 * The reply and report for a request that did not go through: a person's mistake is `refused`
 * (with the usage when the command itself was malformed and `usage` is set), anything else is
 * `failed`, its reply linking the run log.
 */
function unsuccessful(context, error, target) {
    const refused = (0,errors/* isRefusal */.vu)(error);
    const showUsage = target.usage === true && error.code === 'command-invalid';
    return {
        reply: refused
            ? renderRefusal(error.message, showUsage ? context.inputs.commandPrefix : undefined)
            : renderFailure(error.message, context.runUrl),
        report: {
            state: refused ? 'refused' : 'failed',
            dryRun: context.inputs.dryRun,
            ...(target.issueNumber === undefined ? {} : { issueNumber: target.issueNumber }),
            error: { code: error.code, message: error.message }
        }
    };
}
/** Logs why a request did not go through: a refusal as information, a failure as a warning. */
function logUnsuccessful(context, error) {
    const detail = error.detail === undefined ? '' : ` (${error.detail})`;
    if ((0,errors/* isRefusal */.vu)(error))
        context.log.info(`Refused (${error.code}): ${error.message}${detail}`);
    else
        context.log.warning(`${error.code}: ${error.message}${detail}`);
}

;// CONCATENATED MODULE: ./src/flows/reply.ts



/**
 * A courtesy write (a reaction, a reply, the list's new text) after the run's work is done:
 * its failure is a warning, logged and returned, never the run's failure.
 */
async function courtesy(context, what, write) {
    try {
        await write();
        return undefined;
    }
    catch (error) {
        const warning = `Could not ${what}: ${(0,errors/* toKittyError */.Vr)(error).message}`;
        context.log.warning(warning);
        return warning;
    }
}
/** Reacts to a command comment, as a courtesy. */
function react(context, commentId, reaction) {
    return courtesy(context, `add the ${reaction} reaction`, () => context.conversation.addReaction(commentId, reaction));
}
/** Refuses anyone but the list's requester, when only the requester may confirm or cancel. */
function requireRequester(context, state, verb) {
    if (context.inputs.confirmBy !== 'requester')
        return;
    if (state.requester.toLowerCase() === context.source.actor.toLowerCase())
        return;
    const own = startAgainCommand(context.inputs.commandPrefix);
    throw new errors/* KittyError */.si('not-requester', `The newest candidate list was asked for by @${state.requester}, and only they can ${verb} it. ` +
        `To start a mission yourself, run ${own}: your own list becomes the newest.`);
}
/**
 * Turns what went wrong into the report: a person's mistake is `refused`, anything else
 * `failed` (see unsuccessful); logged, and told on the issue when there is one, as courtesy.
 */
async function failureReport(context, thrown, target) {
    const error = (0,errors/* toKittyError */.Vr)(thrown);
    logUnsuccessful(context, error);
    const { reply, report } = unsuccessful(context, error, target);
    const { issueNumber } = target;
    if (issueNumber !== undefined) {
        await courtesy(context, 'post the reply', () => context.conversation.createComment(issueNumber, reply));
    }
    return report;
}

;// CONCATENATED MODULE: ./src/settle-all.ts
/**
 * `Promise.all` that lets every promise settle before it answers: their values in order, or the
 * first rejection in order once none is still running. With `Promise.all`, a step that failed
 * leaves the other requests it started running unobserved, past the report of the failure and
 * into the runner's exit (a read retried with back-off keeps the process alive for seconds).
 */
async function settleAll(promises) {
    const settled = await Promise.allSettled(promises);
    const values = settled.map(result => {
        if (result.status === 'rejected')
            throw result.reason;
        return result.value;
    });
    return values;
}

;// CONCATENATED MODULE: ./src/flows/cancel.ts








/** The refusal for a list that already started its mission. */
function alreadyConsumed(missionSlug, pull) {
    return new errors/* KittyError */.si('list-consumed', `The newest candidate list already started mission ${(0,chatops_escape/* escapeCodeSpan */.Hs)(missionSlug)}, so it cannot be cancelled; ` +
        `close ${pull === undefined ? 'its pull request' : `pull request #${pull.number}`} if the mission is not wanted.`);
}
const ALREADY_CANCELLED = new errors/* KittyError */.si('list-cancelled', 'The newest candidate list is already cancelled, so there is nothing to cancel.');
/** The newest list when it is open, or a refusal saying why there is nothing to cancel. */
function openList(lookup) {
    if (!lookup.found) {
        throw lookup.reason === 'expired'
            ? new errors/* KittyError */.si('list-expired', 'The newest candidate list has expired, so there is nothing to cancel; it can no longer be confirmed.')
            : new errors/* KittyError */.si('list-not-found', 'There is no candidate list in this issue, so there is nothing to cancel.');
    }
    if (lookup.state.status === 'cancelled')
        throw ALREADY_CANCELLED;
    if (lookup.state.status === 'consumed') {
        throw alreadyConsumed(lookup.state.mission_slug ?? '', lookup.state.pull_request);
    }
    return lookup;
}
/**
 * `cancel`: closes the newest open candidate list. The claim named from the list's id is
 * written first, so every copy of the list is closed even if the comment cannot be edited; the
 * comment is then re-signed as cancelled, and the reply says so.
 */
async function cancelFlow(context, event) {
    const { issueNumber } = event;
    const found = openList(await findNewestCandidateList(context, issueNumber, event.issueCommentCount));
    requireRequester(context, found.state, 'cancel');
    const name = listClaimName(found.state.nonce);
    const claimed = await context.repository.createClaim(name, claimText({ v: 1, status: 'cancelled', by: context.source.actor }));
    if (claimed === 'exists') {
        const claim = parseClaim((await context.repository.readClaim(name)) ?? '');
        throw claim?.status === 'consumed'
            ? alreadyConsumed(claim.mission.slug, undefined)
            : ALREADY_CANCELLED;
    }
    const cancelled = { ...found.state, status: 'cancelled' };
    const prefix = context.inputs.commandPrefix;
    const warnings = await settleAll([
        courtesy(context, 'mark the candidate list cancelled', () => context.conversation.updateComment(found.commentId, listComment(context, cancelled))),
        courtesy(context, 'reply on the issue', () => context.conversation.createComment(issueNumber, renderCancelled(cancelled, prefix)))
    ]);
    const said = warnings.filter(warning => warning !== undefined);
    return {
        state: 'cancelled',
        dryRun: context.inputs.dryRun,
        issueNumber,
        query: cancelled.query,
        ...(said.length === 0 ? {} : { warnings: said })
    };
}

// EXTERNAL MODULE: ./src/inputs.ts
var src_inputs = __webpack_require__(8422);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/origin/egress.ts
/**
 * The team's own say on hosted tracker calls: `tracker.egress` in `.kittify/config.yaml`, read
 * the way spec-kitty's `tracker/egress_verdict.py` reads it for its hosted service. `refused`
 * refuses; any value other than `refused` or `permitted` (wrong case, null, a number, a list) is
 * a fault that refuses too; `permitted` or no key leaves the decision to the rest of the set-up.
 * It can only narrow, never grant.
 */
/** The two legal values, spelled as spec-kitty spells them. */
const REFUSED = 'refused';
const PERMITTED = 'permitted';
function objectOf(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value)
        ? value
        : undefined;
}
function shown(value) {
    const text = JSON.stringify(value);
    return text.length <= 40 ? text : `${text.slice(0, 39)}…`;
}
/**
 * The sentence that says why no hosted tracker call may be made, or null when the config does
 * not refuse them. `document` is the parsed YAML of `.kittify/config.yaml`.
 */
function egressRefusal(document) {
    const tracker = objectOf(objectOf(document)?.tracker);
    if (tracker === undefined || !Object.hasOwn(tracker, 'egress'))
        return null;
    const value = tracker.egress;
    if (value === PERMITTED)
        return null;
    if (value === REFUSED) {
        return "This repository's `.kittify/config.yaml` records `tracker.egress: refused`, so kitty-origin makes no call to the Spec Kitty SaaS; remove that line (or set it to `permitted`) to use the bot.";
    }
    return `This repository's \`.kittify/config.yaml\` sets \`tracker.egress\` to ${shown(value)}, which is not a legal value (\`refused\` or \`permitted\`), so kitty-origin makes no call to the Spec Kitty SaaS; fix the value.`;
}

;// CONCATENATED MODULE: ./src/origin/binding.ts




/** Where the tracker binding lives in a spec-kitty repository. */
const TRACKER_CONFIG_PATH = '.kittify/config.yaml';
const optionalText = schemas/* union */.KCZ([schemas/* string */.YjP(), schemas/* number */.aig()])
    .nullish()
    .transform(value => value === null || value === undefined ? undefined : String(value).trim() || undefined);
const KittifyConfig = schemas/* looseObject */._H3({
    project: schemas/* looseObject */._H3({ uuid: optionalText, slug: optionalText, build_id: optionalText })
        .nullish(),
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
/** The YAML document of the config; null when there is no config. */
function parseDocument(text) {
    if (text === null)
        return null;
    try {
        return (0,dist/* parse */.qg)(text);
    }
    catch (error) {
        throw new errors/* KittyError */.si('tracker-config-invalid', `\`${TRACKER_CONFIG_PATH}\` is not valid YAML; fix it or set the provider and project-slug inputs.`, error instanceof Error ? error.message : undefined);
    }
}
function parseConfig(document) {
    if (document === null)
        return undefined;
    const result = KittifyConfig.safeParse(document);
    if (!result.success) {
        throw new errors/* KittyError */.si('tracker-config-invalid', `\`${TRACKER_CONFIG_PATH}\` has an unexpected shape in its project or tracker section.`, result.error.message);
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
 * Why the config refuses hosted tracker calls, or null when it does not (also when there is no
 * config, or it is not YAML: that is reported where the binding is read).
 */
function egressRefusalOf(configText) {
    if (configText === null)
        return null;
    let document;
    try {
        document = (0,dist/* parse */.qg)(configText);
    }
    catch {
        return null;
    }
    return egressRefusal(document);
}
/**
 * Resolves the repository's tracker binding from the text of `.kittify/config.yaml` (null when the
 * file is absent) and the action inputs. A config whose `tracker.egress` refuses hosted calls is
 * refused first, before anything else, so no SaaS call follows. Inputs win: a routing input
 * (project-slug or binding-ref) replaces the file's routing as a whole, so a repository can
 * point the action elsewhere.
 */
function resolveTrackerBinding(configText, overrides) {
    const document = parseDocument(configText);
    const refusal = document === null ? null : egressRefusal(document);
    if (refusal !== null)
        throw new errors/* KittyError */.si('tracker-egress-refused', refusal);
    const config = parseConfig(document);
    const tracker = config?.tracker;
    const provider = overrides.provider ?? tracker?.provider;
    const routingFromInputs = overrides.projectSlug !== undefined || overrides.bindingRef !== undefined;
    const projectSlug = routingFromInputs ? overrides.projectSlug : tracker?.project_slug;
    const bindingRef = routingFromInputs ? overrides.bindingRef : tracker?.binding_ref;
    if (provider === undefined || (projectSlug === undefined && bindingRef === undefined)) {
        throw new errors/* KittyError */.si('tracker-not-bound', NOT_BOUND);
    }
    if (provider !== 'jira' && provider !== 'linear') {
        throw new errors/* KittyError */.si('tracker-provider-unsupported', `Only Jira and Linear can be a mission's origin; this repository's tracker is "${provider.slice(0, 40)}".`);
    }
    return {
        provider,
        ...(projectSlug === undefined ? {} : { projectSlug }),
        ...(bindingRef === undefined ? {} : { bindingRef }),
        providerContext: stringValues(tracker?.provider_context),
        project: {
            uuid: config?.project?.uuid ?? null,
            slug: config?.project?.slug ?? null,
            buildId: config?.project?.build_id ?? null
        }
    };
}
/** The SaaS routing key: `binding_ref` when the binding has one, else `project_slug`; never both. */
function routingOf(binding) {
    if (binding.bindingRef !== undefined)
        return { binding_ref: binding.bindingRef };
    /* istanbul ignore next -- resolveTrackerBinding guarantees one of the two */
    if (binding.projectSlug === undefined)
        throw new errors/* KittyError */.si('tracker-not-bound', NOT_BOUND);
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

;// CONCATENATED MODULE: ./src/text/one-line.ts
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
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;
/** True when the text holds a control, bidirectional or zero-width character, or a line break. */
function hasInvisible(text) {
    return new RegExp(INVISIBLE.source, 'u').test(text);
}
/**
 * `text` as one clean line: every control, bidirectional-override and zero-width character
 * removed (line breaks and tabs become spaces), whitespace collapsed, trimmed, and at most `max`
 * characters (ending in `…` when cut, never splitting a surrogate pair).
 */
function oneLine(text, max = Number.POSITIVE_INFINITY) {
    const line = text
        .replace(/[\t\n\r\v\f\u0085\u2028\u2029]/g, ' ')
        .replace(INVISIBLE, '')
        .replace(/\s+/g, ' ')
        .trim();
    if (line.length <= max)
        return line;
    let cut = Math.max(0, max - 1);
    if (/[\uD800-\uDBFF]/.test(line.charAt(cut - 1)))
        cut -= 1;
    return `${line.slice(0, cut).trimEnd()}…`;
}

;// CONCATENATED MODULE: ./src/origin/search.ts




/**
 * Resolves the tracker binding, then asks the SaaS for tickets matching the query.
 * Refuses what the contract refuses (no binding, egress refused, another provider) before any
 * request is made.
 */
async function searchOriginCandidates(request, ports) {
    const binding = resolveTrackerBinding(await ports.readTrackerConfig(), ports.overrides);
    if (request.provider !== undefined && request.provider !== binding.provider) {
        throw new errors/* KittyError */.si('tracker-provider-unsupported', `This repository is bound to ${(0,models/* providerName */.pX)(binding.provider)}, so it cannot start from a ${(0,models/* providerName */.pX)(request.provider)} ticket.`);
    }
    const answer = await ports.saas.searchIssues(binding, request.query, request.limit);
    const resource = resolveResource(binding, {
        resource_type: answer.resourceType,
        resource_id: answer.resourceId
    });
    const asked = request.query.kind === 'key' ? request.query.key : request.query.text;
    return {
        binding,
        result: {
            candidates: answer.candidates.slice(0, request.limit),
            leftOut: answer.leftOut,
            provider: binding.provider,
            ...resource,
            query_used: asked.trim()
        }
    };
}
/** The candidate whose key is `key` (case-insensitive), if any. */
function candidateByKey(candidates, key) {
    return candidates.find(candidate => candidate.external_issue_key.toUpperCase() === key.toUpperCase());
}
/**
 * Fetches one ticket again by key before a write and checks it is the same ticket that was
 * confirmed (same `external_issue_id`). Fresh title, status and URL win over what was shown.
 */
async function refetchCandidate(binding, chosen, saas) {
    const key = chosen.external_issue_key;
    const response = await saas.searchIssues(binding, { kind: 'key', key }, 10);
    const candidate = candidateByKey(response.candidates, key);
    const refused = response.leftOut.find(left => left.key.toUpperCase() === key.toUpperCase());
    if (candidate === undefined && refused !== undefined) {
        throw new errors/* KittyError */.si('ticket-refused', `${oneLine(key, 40)} cannot be a mission's origin: ${refused.reason}. Nothing was bound or written.`);
    }
    if (candidate === undefined) {
        throw new errors/* KittyError */.si('ticket-not-found', `${key} is no longer found in ${(0,models/* providerName */.pX)(binding.provider)}; start again with a new search.`);
    }
    if (candidate.external_issue_id !== chosen.external_issue_id) {
        throw new errors/* KittyError */.si('ticket-changed', `${key} now names a different ${(0,models/* providerName */.pX)(binding.provider)} ticket than the one listed; start again with a new search.`);
    }
    return {
        candidate,
        resource: resolveResource(binding, {
            resource_type: response.resourceType,
            resource_id: response.resourceId
        })
    };
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
const WHITESPACE_CLASS = `[${String.fromCodePoint(...PYTHON_WHITESPACE)}]`;
/** Python's `re.split(r"\n\s*\n", body)`: a blank line (whitespace only) between two newlines. */
const PARAGRAPH_BREAK = new RegExp(`\n${WHITESPACE_CLASS}*\n`, 'u');
/**
 * A ticket body's paragraphs, each with its whitespace collapsed, blank ones left out: spec-kitty's
 * `re.split(r"\n\s*\n", body)` then `" ".join(chunk.split())` (`tracker/origin.py`).
 */
function paragraphs(body) {
    return body
        .split(PARAGRAPH_BREAK)
        .map(collapseWhitespace)
        .filter(paragraph => paragraph !== '');
}
/** Python's `len(text)`: the number of code points. */
function codePointLength(text) {
    return Array.from(text).length;
}

;// CONCATENATED MODULE: ./src/mission/names.ts


/** spec-kitty's kebab-case rule for a mission's human slug. */
const SLUG_PATTERN = /^[a-z0-9][a-z0-9]*(-[a-z0-9]+)*$/;
/** A ULID: 26 Crockford base32 characters, upper case; the first is at most 7 (48-bit time). */
const ULID_PATTERN = /^[0-7][0-9A-HJKMNP-TV-Z]{25}$/;
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const MAX_ULID_TIME = 2 ** 48 - 1;
const NUMBERED_PREFIX = /^\d{3}-/;
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
        throw new errors/* KittyError */.si('mission-invalid', `The mission id ${missionId} is not a valid ULID.`);
    }
    return missionId.slice(0, 8);
}
/**
 * A ULID from its two parts: 48 bits of Unix milliseconds and 80 random bits (10 bytes), so a
 * caller can derive a deterministic id (e.g. from a hash) and stay pure.
 */
function ulidFromParts(timeMs, random) {
    if (!Number.isInteger(timeMs) || timeMs < 0 || timeMs > MAX_ULID_TIME) {
        throw new errors/* KittyError */.si('internal', 'kitty-origin could not form a mission id; see the run log.', `ULID time ${timeMs} is not an integer between 0 and 2^48 - 1.`);
    }
    if (random.length !== 10) {
        throw new errors/* KittyError */.si('internal', 'kitty-origin could not form a mission id; see the run log.', `ULID randomness must be 10 bytes, got ${random.length}.`);
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
/** The prefix of every mission branch kitty-origin creates (never spec-kitty's `kitty/…`). */
const MISSION_BRANCH_PREFIX = 'kitty-origin/';
/**
 * Names a new mission `<slug>-<mid8>`, as spec-kitty 3.x's own `mission create` does in every
 * repository, also in one that holds only older `NNN-` missions; nothing is listed to name it.
 * A ticket slug that itself starts with `NNN-` (title `100 bugs to fix`) loses that prefix, as
 * spec-kitty's `mission_dir_name` strips it, so the mission is never taken for mission 100.
 */
function missionNames(input) {
    const { ticketSlug, missionId } = input;
    if (!SLUG_PATTERN.test(ticketSlug)) {
        throw new errors/* KittyError */.si('mission-invalid', `The mission slug ${ticketSlug} is not kebab-case.`);
    }
    const missionSlug = `${ticketSlug.replace(NUMBERED_PREFIX, '')}-${mid8(missionId)}`;
    return {
        dirName: missionSlug,
        missionDir: `kitty-specs/${missionSlug}`,
        missionSlug,
        branch: `${MISSION_BRANCH_PREFIX}${missionSlug}`
    };
}

;// CONCATENATED MODULE: ./src/mission/rules.ts


/** spec-kitty's required meta.json fields (`MissionMetaRequired` in `mission_metadata.py`). */
const REQUIRED_FIELDS = [
    'created_at',
    'friendly_name',
    'mission_slug',
    'mission_type',
    'slug',
    'target_branch'
];
/** The fields spec-kitty checks only when present (`_PURPOSE_FIELDS`). */
const PURPOSE_FIELDS = ['purpose_tldr', 'purpose_context'];
/** spec-kitty's `mission_slug` grammar: `NNN-<slug>` or `<slug>-<mid8>`. */
const MISSION_SLUG_PATTERN = /^(?:\d{3}-[a-z0-9-]+|[a-z0-9]+(?:-[a-z0-9]+)*-[0-9A-HJKMNP-TV-Z]{8})$/;
/**
 * A timezone-aware ISO 8601 time, as spec-kitty's `now_utc_iso()` and kitty-origin write it
 * (`2025-03-01T08:00:00.000000+00:00`); Python's `datetime.fromisoformat` reads every one.
 */
const AWARE_ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?(?:Z|[+-]\d{2}:\d{2})$/;
function isBlank(value) {
    return typeof value !== 'string' || pythonSplit(value).length === 0;
}
/**
 * The first of spec-kitty's rules for any mission's meta.json that `meta` breaks, or null: its
 * required fields non-empty, the purpose fields non-blank when present, both slugs in its
 * grammar, a ULID `mission_id` whose mid8 a `<slug>-<mid8>` name carries (every mission has one
 * since spec-kitty 3.1.1), an integer or null `mission_number`, a timezone-aware `created_at`.
 */
function brokenMetaRule(meta) {
    for (const key of REQUIRED_FIELDS) {
        if (isBlank(meta[key]))
            return { problem: `needs a non-empty ${key}`, key };
    }
    for (const key of PURPOSE_FIELDS) {
        if (key in meta && isBlank(meta[key]))
            return { problem: `needs a non-blank ${key}`, key };
    }
    for (const key of ['mission_slug', 'slug']) {
        const value = meta[key];
        if (!MISSION_SLUG_PATTERN.test(value)) {
            return { problem: `has ${key} ${value}, which is neither NNN-<slug> nor <slug>-<mid8>`, key };
        }
    }
    const id = meta.mission_id;
    if (typeof id !== 'string') {
        return {
            problem: 'needs a mission_id (spec-kitty gives every mission one since 3.1.1)',
            key: 'mission_id'
        };
    }
    if (!ULID_PATTERN.test(id))
        return { problem: `has mission_id ${id}, not a ULID`, key: 'mission_id' };
    const slug = meta.mission_slug;
    if (!/^\d{3}-/.test(slug) && !slug.endsWith(`-${mid8(id)}`)) {
        return {
            problem: `has mission_slug ${slug}, which does not end in the mission id's mid8`,
            key: 'mission_slug'
        };
    }
    const number = meta.mission_number;
    if (number !== undefined && number !== null && !Number.isInteger(number)) {
        return {
            problem: 'has a mission_number that is neither an integer nor null',
            key: 'mission_number'
        };
    }
    const created = meta.created_at;
    if (!AWARE_ISO_TIME.test(created) || Number.isNaN(Date.parse(created))) {
        return {
            problem: `has created_at ${JSON.stringify(created)}, not an ISO 8601 time with a UTC offset`,
            key: 'created_at'
        };
    }
    return null;
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
        throw new errors/* KittyError */.si('mission-invalid', 'A ticket text holds a broken Unicode character (a lone surrogate) that cannot be written as UTF-8 JSON.');
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
    return new errors/* KittyError */.si('internal', 'kitty-origin tried to write a value JSON cannot hold; see the run log.', `Cannot serialise ${what} as JSON.`);
}

// EXTERNAL MODULE: ./src/mission/ticket.ts
var ticket = __webpack_require__(7680);
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
        throw new errors/* KittyError */.si('internal', 'kitty-origin got a clock reading it cannot write as a timestamp; see the run log.', `Epoch milliseconds ${ms} are not a whole millisecond within years 1 to 9999.`);
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
 * A mission's meta.json as kitty-origin reads it: the keys `spec-kitty agent mission create
 * --pr-bound --topology single_branch` writes, plus `origin_ticket`. Reading is broader than
 * writing (buildMeta): a mission spec-kitty made may be numbered (`mission_number` an integer,
 * never the string `"004"`: spec-kitty 3.x's writer emits `int | null`) or have another topology.
 */
const MissionMeta = schemas/* object */.Ikc({
    created_at: schemas/* string */.YjP(),
    flattened: schemas/* boolean */.zMY(),
    friendly_name: schemas/* string */.YjP(),
    mission_id: schemas/* string */.YjP(),
    mission_number: schemas/* int */.Whr().nullable(),
    mission_slug: schemas/* string */.YjP(),
    mission_type: schemas/* string */.YjP(),
    origin_ticket: ticket/* OriginTicket */.J,
    pr_bound: schemas/* boolean */.zMY(),
    purpose_context: schemas/* string */.YjP(),
    purpose_tldr: schemas/* string */.YjP(),
    slug: schemas/* string */.YjP(),
    target_branch: schemas/* string */.YjP(),
    topology: schemas/* string */.YjP()
});
/** The topology of every mission kitty-origin writes: no coordination branch, ever. */
const MISSION_TOPOLOGY = 'single_branch';
/** spec-kitty's shortest explanatory paragraph (`tracker/origin.py`). */
const MIN_PURPOSE_CONTEXT = 24;
/**
 * `purpose_context`: the first paragraph of the ticket body with at least 24 characters,
 * searching all paragraphs, whitespace collapsed (spec-kitty's `_derive_ticket_summary`). Where
 * spec-kitty refuses a ticket without one, kitty-origin writes spec-kitty's default sentence.
 */
function purposeContext(body, friendlyName, targetBranch) {
    const found = paragraphs(body ?? '').find(paragraph => codePointLength(paragraph) >= MIN_PURPOSE_CONTEXT);
    return (found ??
        `This mission advances ${friendlyName} on ${targetBranch} so stakeholders can track the work from mission creation onward.`);
}
/**
 * A new mission's meta.json in the shape spec-kitty writes for a mission that lives on a
 * feature branch: `topology: single_branch` with no `coordination_branch` key, never flattened,
 * PR-bound, and `target_branch` the mission branch (the PR's head), where spec-kitty commits
 * planning files and `spec-kitty merge` lands. `friendly_name` and `purpose_tldr` are the title
 * with whitespace collapsed (the ticket key when the title is blank); see purposeContext.
 */
function buildMeta(input) {
    const { names, originTicket } = input;
    const friendlyName = collapseWhitespace(input.ticket.title) || collapseWhitespace(originTicket.external_issue_key);
    return {
        created_at: pythonIsoUtc(input.nowMs),
        flattened: false,
        friendly_name: friendlyName,
        mission_id: input.missionId,
        mission_number: null,
        mission_slug: names.missionSlug,
        mission_type: input.missionType,
        origin_ticket: { ...originTicket },
        pr_bound: true,
        purpose_context: purposeContext(input.ticket.body, friendlyName, names.branch),
        purpose_tldr: friendlyName,
        slug: names.missionSlug,
        target_branch: names.branch,
        topology: MISSION_TOPOLOGY
    };
}
/** meta.json's bytes: Python's `json.dumps(meta, indent=2, ensure_ascii=False, sort_keys=True)` + newline. */
function serializeMeta(meta) {
    return pythonJsonPretty(meta) + '\n';
}
/**
 * Refuses a meta.json spec-kitty would reject or kitty-origin must not write: one that breaks
 * spec-kitty's rules for any mission (`brokenMetaRule`, which also refuses a blank purpose
 * summary), a multi-line `purpose_tldr`, or an `origin_ticket` that is not exactly the seven
 * non-empty keys.
 */
function validateMeta(meta) {
    const problem = findProblem(meta);
    if (problem !== null)
        throw new errors/* KittyError */.si('mission-invalid', `meta.json ${problem}.`);
}
function findProblem(meta) {
    const broken = brokenMetaRule(meta);
    if (broken !== null)
        return broken.problem;
    if (/[\r\n]/.test(meta.purpose_tldr.trim()))
        return 'needs a single-line purpose_tldr';
    if (!ticket/* OriginTicket */.J.safeParse(meta.origin_ticket).success) {
        return 'needs an origin_ticket of exactly the seven non-empty keys (provider, resource and issue)';
    }
    return null;
}
/** The `origin_ticket` keys absent from a parsed meta.json's object, sorted as spec-kitty lists them. */
function missingOriginKeys(raw) {
    const origin = raw?.origin_ticket;
    if (typeof origin !== 'object' || origin === null || Array.isArray(origin))
        return [];
    return Object.keys(ticket/* OriginTicket */.J.shape)
        .filter(key => !(key in origin))
        .sort();
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
        return new errors/* KittyError */.si('mission-invalid', 'meta.json is not valid JSON.');
    }
    const parsed = MissionMeta.safeParse(raw);
    if (!parsed.success) {
        const missing = missingOriginKeys(raw);
        const path = parsed.error.issues.map(issue => issue.path.join('.')).find(key => key !== '');
        return new errors/* KittyError */.si('mission-invalid', missing.length > 0
            ? `meta.json's origin_ticket is missing ${missing.join(', ')}.`
            : path === undefined
                ? 'meta.json is not a JSON object.'
                : `meta.json has a missing or mistyped ${path}.`, parsed.error.message);
    }
    try {
        validateMeta(parsed.data);
        return { meta: parsed.data, canonical: pythonJsonPretty(raw) + '\n' === text };
    }
    catch (error) {
        return (0,errors/* toKittyError */.Vr)(error);
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
/** The most of a ticket's description spec.md quotes, in characters (code points). */
const MAX_QUOTED_DESCRIPTION = 20_000;
/**
 * Every line break Python's `str.splitlines()` knows. spec-kitty reads spec.md line by line
 * with it, so each of these must start a new quoted line, or a ticket could slip an unquoted
 * `- **FR-001**: …` line past the quote.
 */
// eslint-disable-next-line no-control-regex -- Python's line breaks include these controls
const PYTHON_LINE_BREAK = /\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/;
/**
 * The other control characters (one would make git take spec.md for a binary file) and the
 * bidirectional controls that can make quoted text read differently from what it says.
 */
const CONTROL = 
// eslint-disable-next-line no-control-regex -- the line breaks above are kept, not replaced
/(?![\t\n\r\v\f\u001c-\u001e\u0085])[\p{Cc}\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;
const spec_LONE_SURROGATE = /\p{Cs}/gu;
/**
 * spec.md: the repository's template verbatim when it has one, else kitty-origin's brief: the
 * ticket's key, title, link and status, its whole description quoted (capped), then the headings
 * an author fills in. The brief is never "substantive" to spec-kitty's gate (no `FR-###` table
 * row or bullet outside the quote, and every line of the quote starts with `>`), so
 * `setup-plan` still asks for a real spec.
 */
function renderSpec(input) {
    if (input.template !== null)
        return input.template;
    const { ticket } = input;
    const key = inline(ticket.external_issue_key);
    const title = inline(ticket.title) || key;
    return [
        `# Mission Specification: ${title}`,
        '',
        `Started by kitty-origin from ticket ${key}. The ticket's description is quoted below as it`,
        'was at confirmation; write the specification under the headings that follow it',
        '(`/spec-kitty.specify`).',
        '',
        `- Ticket: ${spec_link(key, ticket.url)}`,
        `- Title: ${title}`,
        `- Status: ${inline(ticket.status) || 'unknown'}`,
        '',
        '## Ticket description',
        '',
        ...quoteDescription(ticket.body ?? ''),
        '',
        '## User Scenarios & Testing',
        '',
        '<!-- Who needs this, and what do they do? One user story a section, each with its priority',
        '     and the acceptance scenarios that test it (Given …, When …, Then …). -->',
        '',
        '## Requirements',
        '',
        '<!-- What must be true when the mission is done? A table of functional requirements',
        '     (| ID | Title | User Story | Priority | Status |, ids FR-###), then the',
        '     non-functional requirements (NFR-###) and constraints (C-###). -->',
        '',
        '## Success Criteria',
        '',
        '<!-- How will you know it worked? Measurable outcomes, not implementation details. -->',
        '',
        '## Open Questions',
        '',
        '<!-- What the ticket leaves unclear; resolve each before planning. -->',
        ''
    ].join('\n');
}
/**
 * The description as a Markdown block quote: every line (by Python's line breaks) behind `> `,
 * blank lines as `>`, `<` escaped so no HTML or comment can hide text, control characters and
 * broken surrogates replaced, and cut at MAX_QUOTED_DESCRIPTION characters with a note.
 */
function quoteDescription(body) {
    const clean = body.replace(spec_LONE_SURROGATE, '\uFFFD').replace(CONTROL, '\uFFFD');
    if (collapseWhitespace(clean) === '')
        return ['_The ticket has no description._'];
    const chars = Array.from(clean.replace(/^(?:[ \t]*(?:\r\n|[\n\r]))+|\s+$/g, ''));
    const cut = chars.length > MAX_QUOTED_DESCRIPTION;
    const text = chars.slice(0, MAX_QUOTED_DESCRIPTION).join('');
    const quoted = text
        .split(PYTHON_LINE_BREAK)
        .map(line => line.replaceAll('<', '&lt;').trimEnd())
        .map(line => (line === '' ? '>' : `> ${line}`));
    if (!cut)
        return quoted;
    return [
        ...quoted,
        '',
        `_The description is longer than ${MAX_QUOTED_DESCRIPTION.toLocaleString('en')} characters and is cut here; the ticket has the rest._`
    ];
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

;// CONCATENATED MODULE: ./src/mission/status.ts

/** The nine lanes spec-kitty's status reducer counts, all empty in a new mission. */
const LANES = [
    'approved',
    'blocked',
    'canceled',
    'claimed',
    'done',
    'for_review',
    'in_progress',
    'in_review',
    'planned'
];
/**
 * A new mission's `status.json`: what `spec-kitty agent status materialize` writes for a mission
 * whose event log holds no work-package event yet, so `agent status validate` passes from the
 * start. The empty `mission_slug`, `mission_number` and `materialized_at` are spec-kitty's own
 * for a log without status events. Serialised like meta.json.
 */
function freshStatusJson(missionType) {
    const status = {
        event_count: 0,
        last_event_id: null,
        materialized_at: '',
        mission_number: '',
        mission_slug: '',
        mission_type: missionType,
        summary: Object.fromEntries(LANES.map(lane => [lane, 0])),
        work_packages: {}
    };
    return pythonJsonPretty(status) + '\n';
}

;// CONCATENATED MODULE: ./src/mission/files.ts







const TASKS_README = `# Tasks

Work package prompt files (\`WP01-<slug>.md\`, \`WP02-…\`) for this mission go here once
\`/spec-kitty.tasks\` has broken the plan down. Their status lives in \`../status.events.jsonl\`.
`;
/**
 * The files of a new mission, as `spec-kitty agent mission create --pr-bound --topology
 * single_branch --start-branch <mission branch>` would write them plus `origin_ticket`:
 * meta.json, spec.md, status.events.jsonl, a fresh status.json, tasks/README.md and the
 * `.gitkeep` files of checklists/ and research/. Validates meta.json before returning.
 */
function buildMissionFiles(input) {
    const { ticket, originTicket } = input;
    if (ticket.external_issue_key !== originTicket.external_issue_key) {
        throw new errors/* KittyError */.si('mission-invalid', `The ticket ${ticket.external_issue_key} does not match the origin ticket ${originTicket.external_issue_key}.`);
    }
    const badEventId = input.eventIds.find(id => !isUlid(id));
    if (badEventId !== undefined) {
        throw new errors/* KittyError */.si('mission-invalid', `The event id ${badEventId} is not a valid ULID.`);
    }
    const names = missionNames({
        ticketSlug: slugFromTicket(ticket.external_issue_key, ticket.title),
        missionId: input.missionId
    });
    const meta = buildMeta({
        missionId: input.missionId,
        names,
        ticket,
        originTicket,
        missionType: input.missionType,
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
        ['status.json', freshStatusJson(meta.mission_type)],
        ['tasks/README.md', TASKS_README]
    ];
    const files = contents.map(([name, content]) => ({
        path: `${names.missionDir}/${name}`,
        content
    }));
    return {
        ...names,
        missionId: input.missionId,
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
/**
 * The pure mission module, the bottom layer: names, meta.json, status.events.jsonl, status.json,
 * spec.md, the file set of a new mission, and the ticket types they need.
 */











;// CONCATENATED MODULE: ./src/origin/bind.ts


/**
 * The `origin_ticket` block for a candidate; validated, so a bad ticket fails before any write.
 * The title is the ticket's own (the same string the bind sends as `external_title`).
 */
function originTicketOf(input) {
    // The raw title, the same string sent as `external_title`; the key only when it is blank.
    const { title } = input.candidate;
    const parsed = models/* OriginTicket */.Jp.safeParse({
        external_issue_id: input.candidate.external_issue_id,
        external_issue_key: input.candidate.external_issue_key,
        external_issue_url: input.candidate.url,
        provider: input.binding.provider,
        resource_id: input.resource.resource_id,
        resource_type: input.resource.resource_type,
        title: title.trim() === '' ? input.candidate.external_issue_key : title
    });
    if (!parsed.success) {
        const field = parsed.error.issues[0]?.path.join('.') ?? 'a field';
        throw new errors/* KittyError */.si('mission-invalid', `The ticket ${input.candidate.external_issue_key} cannot be an origin: its ${field} is empty.`, parsed.error.message);
    }
    return parsed.data;
}
/**
 * Binds the ticket as the mission's origin at the SaaS, the authoritative write. Only when it
 * succeeds is the `origin_ticket` block handed back for writing. A same-origin re-bind is a
 * success; a different origin (409) surfaces as the client's `saas-origin-conflict` error.
 */
async function bindMissionOrigin(input, saas) {
    const originTicket = originTicketOf(input);
    const answer = await saas.bindMissionOrigin(input.binding, { repo: input.repo, missionId: input.missionId, missionSlug: input.missionSlug }, input.candidate);
    return {
        originTicket,
        originLinkId: answer.originLinkId,
        boundAt: answer.boundAt,
        alreadyBound: answer.alreadyBound
    };
}

;// CONCATENATED MODULE: ./src/origin/start.ts





/** Reads what the file set depends on and builds it, without writing anything. */
async function planMission(input, workspace) {
    const specTemplate = await readFirstTemplate(workspace, input.missionType);
    return buildMissionFiles({
        missionId: input.missionId,
        ticket: input.candidate,
        originTicket: originTicketOf(input),
        missionType: input.missionType,
        nowMs: input.nowMs,
        eventIds: input.eventIds,
        project: input.binding.project,
        specTemplate
    });
}
async function readFirstTemplate(workspace, missionType) {
    const texts = await settleAll(specTemplatePaths(missionType).map(path => workspace.readFile(path)));
    return texts.find(text => text !== null) ?? null;
}
/**
 * Starts a mission from a confirmed ticket. The order of writes, stated and enforced here only
 * (a dry run walks it over recording ports):
 *
 * 1. claim the list (atomic): a list yields one mission, and a cancelled list stays closed
 *    whatever copy of it is confirmed; a claim for another mission ends the start (`closed`);
 * 2. bind at the SaaS, the authoritative write; if it fails, the claim this run wrote is
 *    released and nothing local remains;
 * 3. the mission files in one commit on the base head, then the branch created pointing at it:
 *    creating a ref is atomic, so racing confirms leave exactly one commit and a loser never
 *    writes over the winner;
 * 4. publish (the PR, then the consumed list and the reply) and, alongside, emit the event: the
 *    event is telemetry that follows the authoritative writes.
 *
 * A re-run resumes: the claim and the same-origin bind are found again, files already on the
 * branch are not written twice, and a mission already merged into the base is the answer (its
 * branch is never created again).
 */
async function startMissionFromTicket(input, ports) {
    const { workspace } = ports;
    const files = await planMission(input, workspace);
    const claimed = {
        id: input.missionId,
        slug: files.missionSlug,
        branch: files.branch,
        dir: files.missionDir,
        external_issue_id: input.candidate.external_issue_id,
        external_issue_key: input.candidate.external_issue_key
    };
    const [claim, sighting] = await settleAll([
        workspace.claim({ v: 1, status: 'consumed', by: input.confirmedBy, mission: claimed }),
        workspace.findMission(claimed)
    ]);
    if (claim !== 'created' &&
        (claim.status !== 'consumed' || claim.mission.id !== input.missionId)) {
        return { kind: 'closed', claim };
    }
    const where = whereIs(sighting, claimed);
    let bound;
    try {
        bound = await bindMissionOrigin({ ...input, missionSlug: files.missionSlug }, ports.saas);
    }
    catch (error) {
        if (claim === 'created' && where === null)
            await workspace.releaseClaim();
        throw error;
    }
    let commitSha = null;
    if (where === null) {
        const written = await workspace.commitMission(files.branch, files.files, start_commitMessage(files, bound.originLinkId));
        if (written === null)
            whereIs(await workspace.findMission(claimed), claimed, 'branch');
        commitSha = written;
    }
    const mission = {
        missionId: input.missionId,
        missionDir: files.missionDir,
        missionSlug: files.missionSlug,
        branch: files.branch,
        commitSha,
        originTicket: bound.originTicket,
        originLinkId: bound.originLinkId,
        boundAt: bound.boundAt,
        alreadyBound: bound.alreadyBound,
        eventEmitted: false
    };
    const [pullRequest, eventEmitted] = await settleAll([
        ports.publish({ ...mission }, { branchCreated: commitSha !== null, merged: where === 'base' }),
        ports.emitEvent({ ...mission }, input.binding.project)
    ]);
    if (pullRequest !== null)
        mission.pullRequest = pullRequest;
    mission.eventEmitted = eventEmitted;
    return { kind: 'started', mission, files, committedNow: commitSha !== null };
}
/**
 * Where the mission already is: on its branch, merged into the base, or nowhere yet. A branch
 * of that name holding anything else is refused, never written over. `expect` demands a place.
 */
function whereIs(sighting, mission, expect) {
    if (sighting.onBranch === mission.id)
        return 'branch';
    if (sighting.onBranch !== null) {
        throw new errors/* KittyError */.si('mission-exists', `The branch ${mission.branch} already holds something other than mission ${mission.id}; run start-from again for a new one.`);
    }
    if (expect === undefined && sighting.onBase === mission.id)
        return 'base';
    if (expect === undefined)
        return null;
    throw new errors/* KittyError */.si('github-error', `The branch ${mission.branch} was created and is gone again; re-run the job.`);
}
/**
 * The commit message: the mission's, then the SaaS's link id when it gave one. Every line goes
 * through the shared one-line sanitiser, since keys, URLs and the link id came from outside.
 */
function start_commitMessage(files, originLinkId) {
    const lines = files.commitMessage.split('\n');
    if (originLinkId !== null)
        lines.push(`Origin link: ${originLinkId}`);
    return `${lines.map(line => oneLine(line)).join('\n')}\n`;
}

;// CONCATENATED MODULE: ./src/flows/pull-request.ts



/** `Start mission from <KEY>: <title>`, one line, at most 256 characters. */
function pullRequestTitle(candidate) {
    return oneLine(`Start mission from ${candidate.external_issue_key}: ${candidate.title}`, 256);
}
/** A value of the SaaS's bind answer, or a plain note when the answer did not carry it. */
function answered(value) {
    return value === null ? '_not reported by the Spec Kitty SaaS_' : (0,chatops_escape/* escapeCodeSpan */.Hs)(value);
}
function row(label, value) {
    return `| ${label} | ${value} |`;
}
/**
 * How a team works with the mission (docs/mission-shape.md): the pull request's branch is the
 * mission's branch, where spec-kitty plans, implements and merges; the pull request lands it in
 * the base at the end. A team that merged early recreates the branch from the base.
 */
function howToWork(mission, baseBranch) {
    const branch = (0,chatops_escape/* escapeCodeSpan */.Hs)(mission.branch);
    const base = (0,chatops_escape/* escapeCodeSpan */.Hs)(baseBranch);
    const recreate = (0,chatops_escape/* escapeCodeSpan */.Hs)(`git fetch --prune && git switch -c ${mission.branch} origin/${baseBranch}`);
    return [
        `This pull request's branch ${branch} is the mission's branch (its \`target_branch\` in ` +
            '`meta.json`): spec-kitty plans, implements and merges on it, and this pull request lands ' +
            `the finished mission in ${base}.`,
        '',
        `1. Check out ${branch} and run spec-kitty there: \`/spec-kitty.specify\` writes ` +
            `${(0,chatops_escape/* escapeCodeSpan */.Hs)(`${mission.missionDir}/spec.md`)}, then \`/spec-kitty.plan\`, ` +
            '`/spec-kitty.tasks`, `/spec-kitty.implement` and `/spec-kitty.review`. Push as you go.',
        `2. \`spec-kitty merge\` lands the finished work packages into ${branch}, not into ${base}.`,
        `3. Merge this pull request into ${base} when the mission is done.`,
        '',
        `Merged it early? Go on from the base with ${recreate}, run spec-kitty there as above, and ` +
            'open a second pull request from that branch.'
    ].join('\n');
}
/**
 * The PR body: a provenance card reviewers can trust (every value from the SaaS re-fetch and the
 * bind, escaped), then how the team works with the mission.
 */
function pullRequestBody(mission, ticket, provenance) {
    const origin = mission.originTicket;
    // The ticket is the card's header row (an empty one renders as a bare bar), aligned left
    // like the rows below it.
    const card = [
        row('Ticket', (0,chatops_escape/* markdownLink */.iQ)(origin.external_issue_key, origin.external_issue_url, 64)),
        '|:--|:--|',
        row('Title', (0,chatops_escape/* escapeInline */.VV)(origin.title, 200)),
        row('Status', (0,chatops_escape/* escapeInline */.VV)(ticket.status, 60)),
        row('Provider', (0,models/* providerName */.pX)(origin.provider)),
        row('Resource', `${(0,chatops_escape/* escapeCodeSpan */.Hs)(origin.resource_type)} ${(0,chatops_escape/* escapeCodeSpan */.Hs)(origin.resource_id)}`),
        row('Mission', `${(0,chatops_escape/* escapeCodeSpan */.Hs)(mission.missionSlug)} (id ${(0,chatops_escape/* escapeCodeSpan */.Hs)(mission.missionId)})`),
        row('Origin link', answered(mission.originLinkId)),
        row('Bound at', answered(mission.boundAt)),
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
        '### How to work on this mission',
        howToWork(mission, provenance.baseBranch),
        '<sub>Opened by kitty-origin. The provenance above was re-read from the tracker at confirmation.</sub>'
    ].join('\n\n'));
}

;// CONCATENATED MODULE: ./src/flows/workspace.ts



const OVERRIDES_DIR = '.kittify/overrides';
/**
 * The service layer's MissionWorkspace over the GitHub repository: reads at the base commit,
 * the claim `claimName`, and a mission commit written before its branch is created at it.
 */
function repositoryWorkspace(repository, baseSha, claimName) {
    let baseTreeRead;
    let overridesExist;
    const baseTree = () => (baseTreeRead ??= repository.commitTree(baseSha));
    return {
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
        async claim(claim) {
            if ((await repository.createClaim(claimName, claimText(claim))) === 'created')
                return 'created';
            const text = await repository.readClaim(claimName);
            const existing = text === null ? null : parseClaim(text);
            if (existing !== null)
                return existing;
            throw new errors/* KittyError */.si('github-error', `The claim ${claimName} of this confirmation cannot be read; re-run the job.`);
        },
        releaseClaim: () => repository.deleteClaim(claimName),
        async findMission({ branch, dir }) {
            // The base tree is read here, before the bind, for the commit that may follow it.
            const [head, onBase] = await settleAll([
                repository.branchHead(branch),
                repository.readFile(`${dir}/meta.json`, baseSha),
                baseTree()
            ]);
            const onBranch = head === null ? null : missionIdOf(await repository.readFile(`${dir}/meta.json`, head));
            return { onBranch, onBase: missionIdOf(onBase) ?? null };
        },
        async commitMission(branch, files, message) {
            const sha = await repository.createCommit({
                parentSha: baseSha,
                files,
                message,
                baseTreeSha: await baseTree()
            });
            return (await repository.createBranch(branch, sha)) === 'created' ? sha : null;
        }
    };
}
function missionIdOf(metaText) {
    if (metaText === null)
        return undefined;
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
 * Starts the mission of a confirmed ticket through the service layer's one order of writes
 * (startMissionFromTicket), then reports it. Publishing opens the PR; marking the list consumed
 * and replying are courtesy: when they fail after the PR exists, the run still reports the
 * mission, with a warning. A dry run is the same walk over recording ports.
 */
async function startConfirmedMission(context, confirmed, target) {
    const { inputs, source } = context;
    const { list, ticket, baseHead } = confirmed;
    const baseBranch = baseBranchOf(context);
    if (baseHead === null) {
        throw new errors/* KittyError */.si('github-error', `The base branch ${baseBranch} does not exist; set the base-branch input.`);
    }
    const { issueNumber, listComment: posted } = target;
    const warnings = [];
    const published = { existed: false };
    const publish = async (mission, hints) => {
        if (hints.merged) {
            published.existed = true;
            return context.repository.findPullRequest(mission.branch);
        }
        // A branch this run created has no pull request yet: skip the lookup.
        const found = hints.branchCreated
            ? null
            : await context.repository.findPullRequest(mission.branch);
        // Earlier missions from the same ticket share the branch prefix (all but the mid8).
        const others = found === null
            ? context.repository.openPullRequestsFrom(mission.branch.slice(0, -8)).catch(() => [])
            : Promise.resolve([]);
        const pull = found === null
            ? await context.repository.openPullRequest({
                head: mission.branch,
                base: baseBranch,
                title: pullRequestTitle(ticket),
                body: pullRequestBody(mission, ticket, {
                    requestedBy: list.requester,
                    confirmedBy: source.actor,
                    sourceIssue: issueNumber === undefined ? undefined : { number: issueNumber },
                    runUrl: context.runUrl,
                    baseBranch
                }),
                draft: inputs.prDraft,
                labels: inputs.prLabels
            })
            : { ...found, existed: true };
        published.existed = pull.existed;
        const otherMissions = (await others).filter(other => other.number !== pull.number);
        const link = { number: pull.number, url: pull.url };
        const courtesies = await settleAll([
            posted === undefined
                ? undefined
                : courtesy(context, 'mark the candidate list consumed', () => markConsumed(context, posted, { mission, pull: link, ticket })),
            issueNumber === undefined
                ? undefined
                : courtesy(context, 'reply on the issue', () => context.conversation.createComment(issueNumber, renderMissionStarted({
                    missionSlug: mission.missionSlug,
                    key: ticket.external_issue_key,
                    prUrl: pull.url,
                    prNumber: pull.number,
                    existing: published.existed,
                    otherMissions
                })))
        ]);
        warnings.push(...courtesies.filter(warning => warning !== undefined));
        return link;
    };
    const input = {
        binding: confirmed.binding,
        candidate: ticket,
        resource: confirmed.resource,
        missionId: missionIdFor(context.stateKey, list, ticket),
        repo: `${source.owner}/${source.repo}`,
        missionType: inputs.missionType,
        nowMs: context.nowMs(),
        eventIds: [context.newUlid(), context.newUlid()],
        confirmedBy: source.actor
    };
    const outcome = await startMissionFromTicket(input, {
        saas: context.saas,
        workspace: repositoryWorkspace(context.repository, baseHead, confirmed.claimName),
        publish,
        emitEvent: (bound, project) => context.emitEvent(bound, project)
    });
    if (outcome.kind === 'closed') {
        return answerClaim(context, outcome.claim, issueNumber, list.query, ticket.external_issue_key);
    }
    const { mission } = outcome;
    // A dry run's pull request is not opened: show only one that really exists.
    const showPull = !inputs.dryRun || published.existed;
    return {
        state: published.existed ? 'mission-exists' : 'mission-created',
        dryRun: inputs.dryRun,
        ...(issueNumber === undefined ? {} : { issueNumber }),
        query: list.query,
        mission: missionRef(mission),
        originTicket: inputs.dryRun
            ? mission.originTicket
            : {
                ...mission.originTicket,
                ...(mission.originLinkId === null ? {} : { origin_link_id: mission.originLinkId }),
                ...(mission.boundAt === null ? {} : { bound_at: mission.boundAt })
            },
        ...(mission.pullRequest === undefined || !showPull ? {} : { pullRequest: mission.pullRequest }),
        ...(warnings.length === 0 ? {} : { warnings })
    };
}
function missionRef(mission) {
    return {
        id: mission.missionId,
        slug: mission.missionSlug,
        dir: mission.missionDir,
        branch: mission.branch
    };
}
/** Re-signs the list as consumed, recording the mission, its pull request and the chosen ticket. */
async function markConsumed(context, posted, outcome) {
    const consumed = {
        ...posted.state,
        status: 'consumed',
        mission_slug: outcome.mission.missionSlug,
        pull_request: outcome.pull,
        chosen_issue_id: outcome.ticket.external_issue_id
    };
    await context.conversation.updateComment(posted.id, listComment(context, consumed));
}
/** What to do to start a mission from the ticket asked for, when the list gave another. */
function anotherTicket(context, started, wanted) {
    const start = commandSpan(context.inputs.commandPrefix, `start-from ${wanted}`);
    return (0,chatops_message/* messageMarkdown */.zv)(`This candidate list started its mission from ${(0,chatops_message/* asWords */.kk)(started)}, and a list starts one ` +
        `mission. To start one from ${(0,chatops_message/* asWords */.kk)(wanted)} too, run ${start}.`, 1000);
}
/** Answers with what a claim's text says (see answerClaim); a closed list without one is refused. */
async function answerClaimText(context, text, issueNumber, query, asked) {
    const claim = text === null ? null : parseClaim(text);
    if (claim === null) {
        throw new errors/* KittyError */.si('list-consumed', `The newest candidate list was already used; search again with ${startAgainCommand(context.inputs.commandPrefix)}.`);
    }
    return answerClaim(context, claim, issueNumber, query, asked);
}
/**
 * The answer to a confirm of a list that is closed: refused when it was cancelled; otherwise
 * the list's one mission, whatever row was asked and whoever asks, with its pull request (open
 * or merged) and an "already exists" reply.
 */
async function answerClaim(context, claim, issueNumber, query, asked) {
    if (claim.status === 'cancelled') {
        throw new errors/* KittyError */.si('list-cancelled', `The newest candidate list was cancelled, so there is nothing to confirm; search again with ${startAgainCommand(context.inputs.commandPrefix)}.`);
    }
    const { mission } = claim;
    const pull = await context.repository.findPullRequest(mission.branch);
    if (pull === null) {
        throw new errors/* KittyError */.si('list-consumed', `The candidate list was already confirmed for ${(0,chatops_message/* asWords */.kk)(mission.external_issue_key)} ` +
            `(mission ${(0,chatops_escape/* escapeCodeSpan */.Hs)(mission.slug)}), whose pull request is not open yet; ` +
            're-run the job of that confirm.');
    }
    const warning = issueNumber === undefined
        ? undefined
        : await courtesy(context, 'reply on the issue', () => context.conversation.createComment(issueNumber, [
            renderMissionStarted({
                missionSlug: mission.slug,
                key: mission.external_issue_key,
                prUrl: pull.url,
                prNumber: pull.number,
                existing: true
            }),
            ...(asked === undefined || asked === mission.external_issue_key
                ? []
                : [anotherTicket(context, mission.external_issue_key, asked)])
        ].join('\n\n')));
    return {
        state: 'mission-exists',
        dryRun: context.inputs.dryRun,
        ...(issueNumber === undefined ? {} : { issueNumber }),
        query,
        mission: { id: mission.id, slug: mission.slug, dir: mission.dir, branch: mission.branch },
        pullRequest: pull,
        reason: `The candidate list was already confirmed as ${(0,chatops_escape/* escapeCodeSpan */.Hs)(mission.slug)}.`,
        ...(warning === undefined ? {} : { warnings: [warning] })
    };
}

;// CONCATENATED MODULE: ./src/flows/start-from.ts






const configReads = new WeakMap();
/**
 * Reads `.kittify/config.yaml` on the base branch; null when there is none. Read once a run: the
 * flow and the outbox drain (which must honour the config's egress refusal) share the answer.
 */
function readTrackerConfig(context) {
    let read = configReads.get(context);
    if (read === undefined) {
        read = context.repository.readFile(TRACKER_CONFIG_PATH, baseBranchOf(context));
        configReads.set(context, read);
    }
    return read;
}
/** Searches the SaaS for a query under the repository's tracker binding (read on the base branch). */
function searchForQuery(context, query) {
    return searchOriginCandidates({
        query: query.kind === 'key' ? { kind: 'key', key: query.key } : query,
        provider: query.kind === 'key' ? query.provider : undefined,
        limit: context.inputs.candidateLimit
    }, {
        readTrackerConfig: () => readTrackerConfig(context),
        saas: context.saas,
        overrides: (0,src_inputs/* bindingOverrides */.ZL)(context.inputs)
    });
}
/** The signed state of a new candidate list: its nonce is the list's own id. */
function newCandidateState(context, target, outcome) {
    const { result, binding } = outcome;
    const now = context.nowMs();
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
        nonce: createNonce(),
        created_at: now,
        expires_at: now + context.inputs.stateTtlHours * 3_600_000,
        status: 'open'
    };
}
/** One sentence per ticket the SaaS sent that cannot be an origin, for the log and summary. */
function leftOutNotes(leftOut) {
    return leftOut.map(left => `${left.key} was left out of the candidates: ${left.reason}; it cannot be bound.`);
}
/**
 * `start-from`: search the SaaS (after the permission gate) and post the candidates with their
 * signed state, so the conversation continues with `confirm`.
 */
async function startFromFlow(context, query, where) {
    const outcome = await searchForQuery(context, query);
    const state = newCandidateState(context, where, outcome);
    const { leftOut } = outcome.result;
    await context.conversation.createComment(where.issueNumber, listComment(context, state, leftOut));
    const notes = leftOutNotes(leftOut);
    for (const note of notes)
        context.log.warning(note);
    context.log.info(`Posted ${state.candidates.length} candidate(s) for "${state.query}" on #${where.issueNumber}.`);
    return {
        state: 'candidates-posted',
        dryRun: context.inputs.dryRun,
        query: outcome.result.query_used,
        candidates: outcome.result.candidates,
        issueNumber: where.issueNumber,
        ...(notes.length === 0 ? {} : { notes })
    };
}

;// CONCATENATED MODULE: ./src/flows/confirm.ts














/** `<prefix> <rest>` as a code span of a sentence. */
/** Picks the chosen candidate from the list, by row number or ticket key; refuses anything else. */
function chooseCandidate(state, choice, prefix) {
    const count = state.candidates.length;
    const again = startAgainCommand(prefix);
    if ('index' in choice) {
        const chosen = state.candidates[choice.index - 1];
        if (chosen !== undefined)
            return chosen;
        throw new errors/* KittyError */.si('candidate-not-listed', count === 0
            ? `The candidate list is empty, so there is nothing to confirm; search again with ${again}.`
            : `There is no row ${choice.index} in the candidate list; ` +
                (count === 1
                    ? `confirm it with ${commandSpan(prefix, 'confirm 1')}.`
                    : `choose a row from 1 to ${count}, for example ${commandSpan(prefix, 'confirm 1')}.`));
    }
    const chosen = candidateByKey(state.candidates, choice.key);
    if (chosen !== undefined)
        return chosen;
    throw new errors/* KittyError */.si('candidate-not-listed', `${(0,chatops_message/* asWords */.kk)(choice.key)} is not in the candidate list; confirm one of the listed tickets, ` +
        `or search for it with ${commandSpan(prefix, `start-from ${choice.key}`)}.`);
}
/** The key of the ticket a choice names in the list, if it names one. */
function askedKey(state, choice) {
    const chosen = 'index' in choice
        ? state.candidates[choice.index - 1]
        : candidateByKey(state.candidates, choice.key);
    return chosen?.external_issue_key;
}
/** The newest list, or a refusal saying why there is nothing to confirm and what to do. */
function newestList(lookup, prefix) {
    const again = startAgainCommand(prefix);
    if (!lookup.found) {
        if (lookup.reason === 'expired') {
            throw new errors/* KittyError */.si('list-expired', `The candidate list has expired, so it can no longer be confirmed; search again with ${again}.`);
        }
        throw new errors/* KittyError */.si('list-not-found', `There is no candidate list in this issue to confirm; start with ${again}.`);
    }
    if (lookup.state.status === 'cancelled') {
        throw new errors/* KittyError */.si('list-cancelled', `The newest candidate list was cancelled, so there is nothing to confirm; search again with ${again}.`);
    }
    return lookup;
}
/**
 * `confirm`: after the gate, read the newest list, the tracker binding and the base head
 * together; a list that already gave its mission answers with it (any row, any writer).
 * Otherwise re-fetch the chosen ticket and start its mission (see startConfirmedMission).
 */
async function confirmFlow(context, choice, event) {
    const { inputs } = context;
    const { issueNumber } = event;
    const [lookup, config, baseHead] = await settleAll([
        findNewestCandidateList(context, issueNumber, event.issueCommentCount),
        readTrackerConfig(context),
        context.repository.branchHead(baseBranchOf(context))
    ]);
    const { commentId, state } = newestList(lookup, inputs.commandPrefix);
    const claimName = listClaimName(state.nonce);
    const asked = askedKey(state, choice);
    if (state.status === 'consumed') {
        const claim = await context.repository.readClaim(claimName);
        return answerClaimText(context, claim, issueNumber, state.query, asked);
    }
    let chosen;
    try {
        requireRequester(context, state, 'confirm');
        chosen = chooseCandidate(state, choice, inputs.commandPrefix);
    }
    catch (refusal) {
        // A list whose comment still reads open may have given its mission already (the edit
        // failed, or this is a re-posted copy): that mission is the answer, whoever asks.
        const claim = await context.repository.readClaim(claimName);
        if (claim === null)
            throw refusal;
        return answerClaimText(context, claim, issueNumber, state.query, asked);
    }
    const binding = resolveTrackerBinding(config, (0,src_inputs/* bindingOverrides */.ZL)(inputs));
    if (binding.provider !== state.provider) {
        throw new errors/* KittyError */.si('tracker-provider-unsupported', `The repository is now bound to ${(0,models/* providerName */.pX)(binding.provider)}, not ${(0,models/* providerName */.pX)(state.provider)}; start a new search.`);
    }
    const fresh = await refetchCandidate(binding, chosen, context.saas);
    return startConfirmedMission(context, {
        list: state,
        claimName,
        binding,
        ticket: fresh.candidate,
        resource: fresh.resource,
        baseHead
    }, { issueNumber, listComment: { id: commentId, state } });
}

// EXTERNAL MODULE: ./src/chatops/permission.ts
var permission = __webpack_require__(7643);
;// CONCATENATED MODULE: ./src/flows/gate.ts





/**
 * The permission gate every command and dispatch passes first, before any other read: one
 * request. Any API error counts as no permission (fail closed). Returns the `denied` report
 * after telling the actor (👎 on their comment and a reply on the issue, each where there is
 * one), or null when they may go on.
 */
async function gateActor(context, where) {
    const actor = context.source.actor;
    const actual = await context.repository.permissionOf(actor).catch(() => 'none');
    const needed = context.inputs.minPermission;
    if ((0,permission/* permissionAtLeast */.ew)(actual, needed))
        return null;
    const { issueNumber, commentId } = where;
    context.log.info(`@${actor} has ${actual} permission; ${needed} is needed.`);
    await settleAll([
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
/**
 * Delivers what earlier runs left in the outbox alongside `work`, which runs once the gate is
 * passed; the run ends when both have. Events are opt-in, and a config that refuses hosted
 * tracker calls (`tracker.egress`) keeps them parked: no event goes out then.
 */
async function afterGate(context, work) {
    const drained = context.inputs.emitEvents
        ? readTrackerConfig(context).then(config => (egressRefusalOf(config) === null ? context.drainEvents() : undefined), () => undefined)
        : Promise.resolve();
    try {
        return await work();
    }
    finally {
        await drained;
    }
}

;// CONCATENATED MODULE: ./src/flows/command.ts








async function runVerb(context, event) {
    const { command, issueNumber } = event;
    switch (command.verb) {
        case 'start-from':
            return startFromFlow(context, command.query, {
                issueNumber,
                requester: context.source.actor
            });
        case 'confirm':
            return confirmFlow(context, command.choice, event);
        case 'cancel':
            return cancelFlow(context, event);
        case 'help':
            if (command.misusedVerb !== undefined) {
                throw new errors/* KittyError */.si('command-invalid', command.problem ?? 'The command is incomplete.');
            }
            await context.conversation.createComment(issueNumber, renderHelp(context.inputs.commandPrefix, command.problem));
            return {
                state: 'help',
                dryRun: context.inputs.dryRun,
                issueNumber,
                ...(command.problem === undefined ? {} : { reason: command.problem })
            };
    }
}
/**
 * Runs one command as DESIGN §2 orders it: the permission gate first (a denied commenter costs
 * one request), then 👀 alongside the command's own reads and writes, and 🚀 on success. Any
 * failure becomes 😕 and one short reply. Reactions are courtesy: a failed one is a warning.
 */
async function handleCommand(context, event) {
    const { issueNumber, commentId } = event;
    const denied = await gateActor(context, { issueNumber, commentId });
    if (denied !== null)
        return denied;
    return afterGate(context, () => runCommand(context, event));
}
async function runCommand(context, event) {
    const { issueNumber, commentId } = event;
    const seen = react(context, commentId, 'eyes');
    try {
        const report = await runVerb(context, event);
        const succeeded = report.state === 'mission-created' || report.state === 'mission-exists';
        const warnings = await settleAll([
            seen,
            succeeded ? react(context, commentId, 'rocket') : undefined
        ]);
        return withWarnings(report, warnings);
    }
    catch (thrown) {
        const [, , failed] = await settleAll([
            seen,
            react(context, commentId, 'confused'),
            failureReport(context, thrown, { issueNumber, usage: true })
        ]);
        return failed;
    }
}
/** The report with the courtesy warnings that came up, if any. */
function withWarnings(report, warnings) {
    const all = [...(report.warnings ?? []), ...warnings.filter(w => w !== undefined)];
    return all.length === 0 ? report : { ...report, warnings: all };
}

// EXTERNAL MODULE: ./node_modules/ulid/dist/node/index.js
var node = __webpack_require__(4125);
;// CONCATENATED MODULE: ./src/flows/dispatch.ts














/**
 * The `query` and `confirm` inputs through the same validators as comment commands.
 * Throws KittyError `input-invalid` when `query` is missing (the workflow does not pass it) and
 * `command-invalid` when either input is unusable (the person typed it wrong).
 */
function dispatchRequest(inputs) {
    if (inputs.query === undefined) {
        throw new errors/* KittyError */.si('input-invalid', 'Input `query` is required for workflow_dispatch.');
    }
    return {
        query: (0,grammar/* validateQuery */.B4)(inputs.query),
        confirm: inputs.confirm === undefined ? undefined : (0,grammar/* validateConfirmKey */.eC)(inputs.confirm)
    };
}
/**
 * Runs a workflow_dispatch: the dispatching actor passes the permission gate first, then the
 * query is searched. Without `confirm` the candidates go to the job summary (and, with
 * `issue-number`, a signed candidate list is posted there so the conversation goes on in
 * comments). With `confirm` the key must be among the fresh results; that explicit choice is
 * the confirmation, and the mission starts as a comment confirm starts it. There is no comment,
 * so there are no reactions; denials and failures are answered on `issue-number` when given.
 */
async function handleDispatch(context) {
    const denied = await gateActor(context, { issueNumber: context.inputs.issueNumber });
    if (denied !== null)
        return denied;
    return afterGate(context, () => answerDispatch(context));
}
async function answerDispatch(context) {
    const { inputs, source } = context;
    const issueNumber = inputs.issueNumber;
    try {
        const request = dispatchRequest(inputs);
        if (request.confirm !== undefined) {
            return await confirmFromDispatch(context, request.query, request.confirm);
        }
        if (issueNumber !== undefined) {
            return await startFromFlow(context, request.query, { issueNumber, requester: source.actor });
        }
        const { result } = await searchForQuery(context, request.query);
        context.log.info(`Found ${result.candidates.length} candidate(s) for "${result.query_used}".`);
        const count = result.candidates.length;
        return {
            state: 'candidates-posted',
            dryRun: inputs.dryRun,
            query: result.query_used,
            candidates: result.candidates,
            ...(count >= inputs.candidateLimit
                ? {
                    details: `These are the first ${count} matches; there may be more. To narrow the search, ` +
                        'run again with more words or the ticket key as `query`.'
                }
                : {})
        };
    }
    catch (thrown) {
        return failureReport(context, thrown, { issueNumber });
    }
}
/**
 * Searches again and starts the mission of `key`, which must be among the results. The run is
 * the list: its claim is named from `GITHUB_RUN_ID`, which a re-run attempt keeps, and the
 * mission's id from the run id and the ticket, its time from the first attempt's claim. So
 * every attempt of one run converges on one mission, branch and PR.
 */
async function confirmFromDispatch(context, query, key) {
    const runId = context.runId === '' ? `local-${createNonce()}` : context.runId;
    const claimName = runClaimName(runId);
    const [{ result, binding }, baseHead, claimText] = await settleAll([
        searchForQuery(context, query),
        context.repository.branchHead(baseBranchOf(context)),
        context.repository.readClaim(claimName)
    ]);
    const ticket = candidateByKey(result.candidates, key);
    if (ticket === undefined) {
        throw new errors/* KittyError */.si('candidate-not-listed', `${key} is not among the results for ${(0,chatops_message/* asWords */.kk)(result.query_used)}; run without ` +
            '`confirm` to see them, or search for the key itself.');
    }
    const claim = claimText === null ? null : parseClaim(claimText);
    const issueNumber = context.inputs.issueNumber;
    if (claim !== null &&
        (claim.status !== 'consumed' || claim.mission.external_issue_id !== ticket.external_issue_id)) {
        return answerClaim(context, claim, issueNumber, result.query_used);
    }
    return startConfirmedMission(context, {
        list: {
            requester: context.source.actor,
            query: result.query_used,
            provider: result.provider,
            nonce: `run:${runId}`,
            created_at: claim === null ? context.nowMs() : (0,node/* decodeTime */.A4)(claim.mission.id)
        },
        claimName,
        binding,
        ticket,
        resource: { resource_type: result.resource_type, resource_id: result.resource_id },
        baseHead
    }, { issueNumber });
}

;// CONCATENATED MODULE: ./src/saas/types.ts
/**
 * The domain-level arguments and answers of the SaaS client: what its callers hand it and get
 * back. The wire shapes (request bodies, paths, headers, response schemas) stay inside `saas/`.
 */
/** The outcomes the SaaS gives an event. */
const EVENT_STATUSES = [
    'success',
    'accepted',
    'duplicate',
    'warning',
    'pending',
    'queued',
    'rejected'
];

;// CONCATENATED MODULE: ./src/saas/wire.ts
/**
 * The wire shapes of the Spec Kitty SaaS (`contract/saas-api.md`), read as leniently as
 * spec-kitty's own client reads them. Only `saas/` imports this module.
 */


/** A JSON object, or undefined for anything else (null, an array, a scalar). */
function wire_objectOf(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value)
        ? value
        : undefined;
}
/** 202 body of an asynchronous bind: the operation to poll is required. */
const AcceptedOperation = schemas/* looseObject */._H3({
    operation_id: schemas/* union */.KCZ([schemas/* string */.YjP().min(1), schemas/* number */.aig()]).transform(String)
});
/** The SaaS error envelope of any non-2xx answer (all keys optional, wrong types ignored). */
const ErrorEnvelope = schemas/* object */.Ikc({
    error_code: schemas/* string */.YjP().nullish().catch(undefined),
    error_category: schemas/* string */.YjP().nullish().catch(undefined),
    message: schemas/* string */.YjP().nullish().catch(undefined),
    retryable: schemas/* boolean */.zMY().nullish().catch(undefined),
    user_action_required: schemas/* boolean */.zMY().nullish().catch(undefined),
    retry_after_seconds: schemas/* number */.aig().nullish().catch(undefined),
    operation_id: schemas/* string */.YjP().nullish().catch(undefined)
});
const wire_optionalText = schemas/* string */.YjP().nullish().catch(undefined);
/** One per-event outcome of the events batch. */
const WireEventResult = schemas/* looseObject */._H3({
    event_id: schemas/* string */.YjP(),
    status: schemas/* enum */.k5n(EVENT_STATUSES),
    error: wire_optionalText,
    error_category: wire_optionalText,
    category: wire_optionalText,
    code: wire_optionalText
});
/** 200 (or 400 with per-event rejections) body of the events batch. */
const EventBatchResponse = schemas/* looseObject */._H3({ results: schemas/* array */.YOg(WireEventResult) });
/** `GET /api/v1/me`: the teams of the token's user (a missing list is an empty one). */
const MeResponse = schemas/* looseObject */._H3({
    teams: schemas/* array */.YOg(schemas/* looseObject */._H3({
        id: schemas/* union */.KCZ([schemas/* string */.YjP(), schemas/* number */.aig()]).transform(String),
        name: schemas/* string */.YjP().nullish().catch(undefined),
        is_private_teamspace: schemas/* boolean */.zMY().nullish().catch(undefined)
    }))
        .nullish()
});

;// CONCATENATED MODULE: ./src/saas/errors.ts


const LABEL = {
    search: 'the issue search',
    bind: 'the mission bind',
    events: 'the event delivery',
    team: 'the team lookup'
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
function sentence(text) {
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
function protocolMessage(code, guidance) {
    const base = protocolSentence(code);
    return guidance === '' ? base : `${base} The SaaS says: ${sentence(guidance)}`;
}
function protocolSentence(code) {
    if (code === 'client-too-old') {
        return 'The Spec Kitty SaaS needs a newer event protocol than this kitty-origin sends (client-too-old); upgrade kitty-origin.';
    }
    if (code === 'client-too-new') {
        return 'The Spec Kitty SaaS does not accept this kitty-origin’s event protocol yet (client-too-new); pin an older kitty-origin until the SaaS is updated.';
    }
    return `The Spec Kitty SaaS refused the event protocol (${code ?? 'HTTP 412'}).`;
}
function classify(status, envelope, headers, operation, saasCode) {
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
            message: 'The Spec Kitty SaaS rejected the token: it is missing, expired or revoked. Rotate it: put a new long-lived Spec Kitty API credential in the `saas-token` secret (a `spec-kitty auth login` token expires within about an hour) and run again.',
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
        return {
            code: 'saas-protocol-mismatch',
            message: protocolMessage(saasCode, sanitiseServerText(envelope?.message ?? '')),
            transient: false
        };
    }
    if (status === 422) {
        return {
            code: 'saas-invalid-query',
            message: sentence(`The Spec Kitty SaaS rejected ${label}: ${serverMessage}`),
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
        message: sentence(`The Spec Kitty SaaS refused ${label}: ${serverMessage}`),
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
    const { code, message, transient } = classify(status, envelope, headers, operation, saasCode);
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
    return new errors/* KittyError */.si(code, message, detail, { retryable });
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
        return new errors/* KittyError */.si('saas-timeout', `The Spec Kitty SaaS did not answer ${LABEL[operation]} within ${seconds(deadlineMs)}; ${nextStep(operation)}.`, `operation=${operation} timeout`, { retryable: true });
    }
    return new errors/* KittyError */.si('saas-unavailable', `Could not reach the Spec Kitty SaaS for ${LABEL[operation]}; check the network and ${nextStep(operation)}.`, `operation=${operation} network: ${failure.detail}`, { retryable: true });
}
/** The KittyError for a 2xx answer whose body does not have the contract's shape. */
function badResponse(operation, detail) {
    return new errors/* KittyError */.si('saas-bad-response', `The Spec Kitty SaaS sent an answer to ${LABEL[operation]} that kitty-origin cannot read; try again later or report it.`, `operation=${operation} ${detail}`);
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

;// CONCATENATED MODULE: ./src/saas/routing.ts

/** The routing key on the wire: `binding_ref` when the route has one, else `project_slug`. */
function routingKey(route) {
    if (route.bindingRef !== undefined && route.bindingRef !== '') {
        return { binding_ref: route.bindingRef };
    }
    if (route.projectSlug !== undefined && route.projectSlug !== '') {
        return { project_slug: route.projectSlug };
    }
    throw new errors/* KittyError */.si('tracker-not-bound', 'No tracker bound. Run `spec-kitty tracker bind` first.');
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
function isTimeout(error, signal) {
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
        if (isTimeout(error, signal))
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
/** Polling waits 1 s after the first poll, doubling up to 30 s, each wait jittered ×0.8–1.2. */
const POLL_BACKOFF = { baseMs: 1_000, capMs: 30_000 };
/** No single request may use more than a third of the bind deadline, so a hang leaves room. */
const ATTEMPT_SHARE = 3;
/** The longest link id or time kept from a bind answer; they are only shown. */
const MAX_ANSWER_TEXT = 200;
/** The bind body (`external_title` / `external_status`, routing as for search). */
function bindRequestBody(route, mission, ticket) {
    return {
        provider: route.provider,
        mission_id: mission.missionId,
        external_issue_id: ticket.external_issue_id,
        external_issue_key: ticket.external_issue_key,
        external_issue_url: ticket.url,
        external_title: ticket.title,
        external_status: ticket.status,
        mission_slug: mission.missionSlug,
        ...routingKey(route)
    };
}
function answerText(value) {
    const text = typeof value === 'string' || typeof value === 'number'
        ? oneLine(String(value), MAX_ANSWER_TEXT)
        : '';
    return text === '' ? null : text;
}
/**
 * A successful bind's answer as spec-kitty reads it: any body, JSON or not, is a success; the
 * link id and time are taken when present (one clean line each), else null.
 */
function readBindAnswer(json) {
    const body = wire_objectOf(json);
    return {
        originLinkId: answerText(body?.origin_link_id),
        boundAt: answerText(body?.bound_at),
        alreadyBound: body?.already_bound === true
    };
}
function jsonOrNull(bodyText) {
    try {
        return JSON.parse(bodyText);
    }
    catch {
        return null;
    }
}
function sent(response) {
    if (response.status === 202) {
        return { operationId: parseBody(AcceptedOperation, response.bodyText, 'bind').operation_id };
    }
    return { answer: readBindAnswer(jsonOrNull(response.bodyText)) };
}
function timedOut(deadlineMs) {
    return transportError({ kind: 'timeout' }, 'bind', deadlineMs);
}
function operationFailed(message, detail) {
    return new errors/* KittyError */.si('saas-operation-failed', sentence(`The Spec Kitty SaaS could not bind the mission: ${sanitiseServerText(message) || 'Operation failed'}`), `operation=bind ${detail}`);
}
/** The reason of a failed operation: a string, an object's `message`, else "Operation failed". */
function operationError(error) {
    if (typeof error === 'string' && error.trim() !== '')
        return error;
    const message = wire_objectOf(error)?.message;
    return typeof message === 'string' && message.trim() !== '' ? message : 'Operation failed';
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
    const operation = wire_objectOf(jsonOrNull(outcome.bodyText)) ?? {};
    const status = operation.status;
    if (status === 'completed') {
        return readBindAnswer('result' in operation ? operation.result : operation);
    }
    if (status === 'failed') {
        throw operationFailed(operationError(operation.error), `operation_id=${operationId} failed`);
    }
    if (status === 'pending' || status === 'running')
        return undefined;
    throw badResponse('bind', `operation ${operationId} has no known status`);
}
/**
 * Polls `GET /api/v1/tracker/operations/{id}/` once at once, then after 1 s, 2 s, 4 s … (at most
 * 30 s, jittered ×0.8–1.2) until done. A wait that would end past the deadline is not begun: the
 * bind fails as timed out instead, and is safe to run again.
 */
async function pollOperation(transport, clock, deadline, operationId) {
    for (let poll = 0;; poll += 1) {
        if (deadline.remainingMs() <= 0)
            throw timedOut(deadline.totalMs);
        const done = await pollOnce(transport, deadline, operationId);
        if (done !== undefined)
            return done;
        const base = Math.min(POLL_BACKOFF.capMs, POLL_BACKOFF.baseMs * 2 ** poll);
        const wait = Math.round(base * (0.8 + 0.4 * clock.random()));
        if (wait >= deadline.remainingMs())
            throw timedOut(deadline.totalMs);
        await clock.sleep(wait);
    }
}
/**
 * `POST /api/v1/tracker/mission-origin/bind/` with the Idempotency-Key. An uncertain attempt
 * (5xx, reset, timeout, 429) is re-sent with the same key inside the deadline; 202 is polled.
 * Any other 2xx is a success whatever its body; 401/403/404/409/422 fail at once.
 */
async function bind_bindMissionOrigin(transport, clock, deadlineMs, body, idempotencyKey) {
    const deadline = new Deadline(clock, deadlineMs);
    const attemptCapMs = deadlineMs / ATTEMPT_SHARE;
    const result = await retryWithinDeadline(deadline, clock, BIND_RETRY, async (timeoutMs) => {
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
        return { ok: true, value: sent(outcome) };
    });
    if ('answer' in result)
        return result.answer;
    return pollOperation(transport, clock, deadline, result.operationId);
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
/** Refusal categories that are final for the project: such events leave the outbox. */
const PROJECT_REFUSALS = new Set([
    'project_not_admitted',
    'project_not_consented',
    'project_refused'
]);
/** Why an event the SaaS sent no result for stays queued. */
const NO_RESULT_REASON = 'the Spec Kitty SaaS sent no result for this event';
/** An error as one log line: the user sentence, then the detail in brackets when there is one. */
function describeError(thrown) {
    const error = (0,errors/* toKittyError */.Vr)(thrown);
    return error.detail === undefined ? error.message : `${error.message} (${error.detail})`;
}
function emptyOutcome() {
    return { delivered: [], rejected: [], dropped: [], pending: [], pendingReason: '' };
}
function refusalReason(result) {
    const reason = oneLine(result.error ?? '', 200) || 'rejected by the Spec Kitty SaaS';
    return result.category === undefined ? reason : `${reason} (${oneLine(result.category, 64)})`;
}
function delivery_classify(events, results) {
    const byId = new Map();
    for (const result of results) {
        if (!byId.has(result.event_id))
            byId.set(result.event_id, result);
    }
    const outcome = emptyOutcome();
    for (const event of events) {
        const result = byId.get(event.event_id);
        if (result === undefined)
            outcome.pending.push(event);
        else if (DELIVERED.has(result.status))
            outcome.delivered.push(event);
        else if (result.category !== undefined && PROJECT_REFUSALS.has(result.category)) {
            outcome.dropped.push({ event, reason: refusalReason(result) });
        }
        else
            outcome.rejected.push({ event, reason: refusalReason(result) });
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
        return emptyOutcome();
    let results;
    try {
        results = await saas.sendEvents([...events]);
    }
    catch (thrown) {
        const error = (0,errors/* toKittyError */.Vr)(thrown);
        const reason = describeError(error);
        if (error.retryable || KEEP_QUEUED.has(error.code)) {
            return { ...emptyOutcome(), pending: [...events], pendingReason: reason };
        }
        return { ...emptyOutcome(), rejected: events.map(event => ({ event, reason })) };
    }
    return delivery_classify(events, results);
}

;// CONCATENATED MODULE: ./src/events/uuid5.ts

/** RFC 4122 `NAMESPACE_URL` (Python's `uuid.NAMESPACE_URL`). */
const NAMESPACE_URL = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';
/** A lower-case hyphenated UUID. */
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** The name-based UUID (version 5, SHA-1) of `name` in `namespace`, as Python's `uuid.uuid5`. */
function uuid5(namespace, name) {
    const bytes = (0,external_node_crypto_.createHash)('sha1')
        .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
        .update(name, 'utf8')
        .digest()
        .subarray(0, 16);
    bytes.writeUInt8((bytes.readUInt8(6) & 0x0f) | 0x50, 6);
    bytes.writeUInt8((bytes.readUInt8(8) & 0x3f) | 0x80, 8);
    const hex = bytes.toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
/** spec-kitty's namespace for build ids: `uuid5(NAMESPACE_URL, "spec-kitty:identity:build_id")`. */
const BUILD_ID_NAMESPACE = uuid5(NAMESPACE_URL, 'spec-kitty:identity:build_id');
/**
 * spec-kitty's derived build id (`identity/project.py` `derive_build_id`): the same project and
 * node always give the same id.
 */
function deriveBuildId(projectUuid, nodeId) {
    return uuid5(BUILD_ID_NAMESPACE, `${projectUuid}:${nodeId}`);
}

;// CONCATENATED MODULE: ./src/events/envelope.ts









/** The label hashed with the repository into its node id, so ids are ours and stable. */
const NODE_ID_LABEL = 'kitty-origin/node-id/v1';
/** `owner/repo`: two non-empty parts without slashes or whitespace. */
const REPO_SLUG_PATTERN = /^[^/\s]+\/[^/\s]+$/;
/** The label spec-kitty's dispatcher gives a self-admitted delivery target. */
const LOCAL_AUDIENCE_PREFIX = 'local-nonstrict:';
/** The admission generation of spec-kitty's local self-admission. */
const LOCAL_ADMISSION_GENERATION = 1;
const nonEmpty = schemas/* string */.YjP().min(1);
const ulid = schemas/* string */.YjP().regex(ULID_PATTERN, 'is not a ULID');
/** The payload of `MissionOriginBound` (spec-kitty-events' `MissionOriginBoundPayload`). */
const MissionOriginBoundPayload = schemas/* strictObject */.rej({
    mission_slug: schemas/* string */.YjP().regex(MISSION_SLUG_PATTERN, 'is neither NNN-<slug> nor <slug>-<mid8>'),
    mission_id: ulid,
    provider: models/* Provider */.Kq,
    external_issue_id: nonEmpty,
    external_issue_key: nonEmpty,
    external_issue_url: nonEmpty,
    title: nonEmpty
});
/**
 * A whole `MissionOriginBound` envelope as kitty-origin sends it and the outbox stores it: the
 * keys of spec-kitty's emitter, then the four its delivery dispatcher adds. The one definition
 * of the shape; the type and the outbox's key order are derived from it.
 */
const MissionOriginBoundEnvelope = schemas/* strictObject */.rej({
    event_id: ulid,
    event_type: schemas/* literal */.euz('MissionOriginBound'),
    aggregate_type: schemas/* literal */.euz('Mission'),
    aggregate_id: ulid,
    schema_version: schemas/* literal */.euz('3.0.0'),
    build_id: nonEmpty,
    payload: MissionOriginBoundPayload,
    node_id: schemas/* string */.YjP().regex(/^[0-9a-f]{12}$/, 'is not 12 lowercase hex digits'),
    lamport_clock: schemas/* number */.aig().int().min(1),
    causation_id: schemas/* null */.chJ(),
    correlation_id: ulid,
    timestamp: schemas/* string */.YjP()
        .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{6})?\+00:00$/, 'is not ISO 8601 UTC'),
    team_slug: schemas/* string */.YjP().min(1).nullable(),
    project_uuid: schemas/* string */.YjP().regex(UUID_PATTERN, 'is not a lower-case UUID'),
    project_slug: schemas/* string */.YjP().min(1).nullable(),
    git_branch: nonEmpty,
    head_commit_sha: nonEmpty,
    repo_slug: schemas/* string */.YjP().regex(REPO_SLUG_PATTERN, 'is not owner/repo'),
    type: schemas/* literal */.euz('event'),
    spec_kitty_delivery_identity: ulid,
    admission_generation: schemas/* literal */.euz(LOCAL_ADMISSION_GENERATION),
    binding_audience: schemas/* string */.YjP()
        .regex(/^local-nonstrict:https?:\/\/[^/\s]+$/, 'is not local-nonstrict:<saas origin>')
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
 * Why the SaaS would refuse this envelope, or null when it is fine: the schema, and the ties
 * between its fields (`correlation_id` and `spec_kitty_delivery_identity` are the event id,
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
    if (envelope.spec_kitty_delivery_identity !== envelope.event_id) {
        return 'spec_kitty_delivery_identity is not the event_id';
    }
    if (envelope.aggregate_id !== envelope.payload.mission_id) {
        return 'aggregate_id is not the payload mission_id';
    }
    return null;
}
/** The `MissionOriginBound` envelope of the contract; throws when it would be refused. */
function missionOriginBoundEvent(input) {
    const { mission, eventId, project } = input;
    const ticket = mission.originTicket;
    const projectUuid = project.uuid.toLowerCase();
    const envelope = {
        event_id: eventId,
        event_type: 'MissionOriginBound',
        aggregate_type: 'Mission',
        aggregate_id: mission.missionId,
        schema_version: '3.0.0',
        build_id: project.buildId ?? deriveBuildId(projectUuid, input.nodeId),
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
        team_slug: input.teamSlug,
        project_uuid: projectUuid,
        project_slug: project.slug,
        git_branch: input.gitBranch,
        head_commit_sha: input.headCommitSha,
        repo_slug: input.repoSlug,
        type: 'event',
        spec_kitty_delivery_identity: eventId,
        admission_generation: LOCAL_ADMISSION_GENERATION,
        binding_audience: `${LOCAL_AUDIENCE_PREFIX}${input.saasOrigin}`
    };
    const problem = validateEnvelopePayload(envelope);
    if (problem !== null) {
        throw new errors/* KittyError */.si('mission-invalid', `The MissionOriginBound event of mission ${mission.missionSlug} is not valid; see the run log.`, problem);
    }
    return envelope;
}

// EXTERNAL MODULE: ./node_modules/zod/v4/core/errors.js
var core_errors = __webpack_require__(7428);
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
 * envelope's and its payload's, each in its schema's order. As a JSON.stringify replacer it
 * fixes the key order at every level, so the same entry is always the same bytes.
 */
const KEY_ORDER = [
    ...Object.keys(OutboxEntry.shape),
    ...Object.keys(MissionOriginBoundEnvelope.shape),
    ...Object.keys(MissionOriginBoundPayload.shape)
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

;// CONCATENATED MODULE: ./src/events/outbox.ts



/** Logs and notes the events the SaaS refused for the project; they leave the outbox. */
function reportDropped(dropped, deps) {
    return dropped.map(({ event, reason }) => {
        const text = `The Spec Kitty SaaS refused event ${event.event_id} for this project (${reason}); it was dropped, not queued. Ask the project's owners to admit the project and consent to sync in Spec Kitty.`;
        deps.log.warning(text);
        deps.note?.(text);
        return { eventId: event.event_id, reason };
    });
}
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
        lost: [],
        dropped: reportDropped(outcome.dropped, deps)
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
    // Delivered and dropped events both leave the outbox.
    const gone = new Set([
        ...outcome.delivered.map(event => event.event_id),
        ...outcome.dropped.map(({ event }) => event.event_id)
    ]);
    const refusals = new Map(outcome.rejected.map(({ event, reason }) => [event.event_id, reason]));
    const put = [];
    for (const entry of live) {
        const id = entry.event.event_id;
        const reason = refusals.get(id);
        if (gone.has(id))
            continue;
        if (reason === undefined)
            put.push(retried(entry, outcome.pendingReason));
        else
            put.push({ ...retried(entry, reason), rejected: true, rejection_reason: reason });
    }
    return { put, remove: [...gone] };
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
    const empty = { delivered: 0, stillQueued: 0, rejected: [], parked: 0, dropped: [] };
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
    const dropped = reportDropped(outcome.dropped, deps);
    log.info(`Outbox: ${outcome.delivered.length} delivered, ${outcome.pending.length} still queued, ${rejected.length} refused, ${dropped.length} dropped.`);
    return {
        delivered: outcome.delivered.length,
        stillQueued: outcome.pending.length,
        rejected,
        parked,
        dropped
    };
}

;// CONCATENATED MODULE: ./src/events/emitter.ts





/** The note when the config names no project uuid, saying what to run. */
function noProjectNote(missionSlug) {
    return `No MissionOriginBound event was sent for ${missionSlug}: \`.kittify/config.yaml\` names no \`project.uuid\`. Run \`spec-kitty init\` (or \`spec-kitty tracker bind\`) in the repository and commit \`.kittify/config.yaml\`; the bind itself is recorded at the Spec Kitty SaaS either way.`;
}
/** The project uuid an event is sent for; null when the config names none (no event is sent). */
function eventProjectUuid(project) {
    const uuid = project.uuid?.trim() ?? '';
    return UUID_PATTERN.test(uuid.toLowerCase()) ? uuid : null;
}
/** The emitter of one run (only built when the `emit-events` input is on). */
function createMissionEventEmitter(deps) {
    const { log, repoSlug } = deps;
    const outbox = {
        saas: deps.saas,
        store: deps.store,
        log,
        now: () => deps.nowMs(),
        note: (text) => {
            deps.note(text);
        }
    };
    return {
        async drain() {
            await drainOutbox(outbox);
        },
        async emit(mission, project) {
            const uuid = eventProjectUuid(project);
            if (uuid === null) {
                const note = noProjectNote(mission.missionSlug);
                log.warning(note);
                deps.note(note);
                return false;
            }
            try {
                const [headCommitSha, teamSlug] = await settleAll([
                    mission.commitSha ?? deps.branchHead(mission.branch),
                    deps.saas.privateTeamspaceId()
                ]);
                const event = missionOriginBoundEvent({
                    mission,
                    eventId: missionOriginBoundEventId(mission.missionId),
                    nowMs: deps.nowMs(),
                    nodeId: nodeIdFor(repoSlug),
                    repoSlug,
                    gitBranch: mission.branch,
                    headCommitSha: headCommitSha ?? '',
                    project: { uuid, slug: project.slug, buildId: project.buildId ?? null },
                    teamSlug,
                    saasOrigin: deps.saasOrigin
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
/** An empty record of planned writes. */
function createPlannedWrites() {
    const writes = [];
    return {
        writes,
        record(title, ...texts) {
            writes.push({ title, texts });
        }
    };
}
/** The conversation of a dry run: reads go to `real`; comments and reactions are only recorded. */
function dryRunConversation(real, planned) {
    return {
        newestComments: (issueNumber, totalComments) => real.newestComments(issueNumber, totalComments),
        addReaction(commentId, reaction) {
            planned.record(`${REACTIONS[reaction]} reaction on comment ${commentId}`);
            return Promise.resolve();
        },
        createComment(issueNumber, body) {
            planned.record(`Comment on #${issueNumber}`, { text: body, language: 'markdown' });
            return Promise.resolve({ id: 0, url: '' });
        },
        updateComment(commentId, body) {
            planned.record(`Edit comment ${commentId} to read`, { text: body, language: 'markdown' });
            return Promise.resolve();
        }
    };
}
/** The repository of a dry run: reads go to `real`; refs, commits and pull requests are only recorded. */
function dryRunRepository(real, planned) {
    return {
        permissionOf: login => real.permissionOf(login),
        readFile: (path, ref) => real.readFile(path, ref),
        listDirectory: (path, ref) => real.listDirectory(path, ref),
        branchHead: branch => real.branchHead(branch),
        commitTree: sha => real.commitTree(sha),
        readClaim: name => real.readClaim(name),
        findPullRequest: head => real.findPullRequest(head),
        openPullRequestsFrom: prefix => real.openPullRequestsFrom(prefix),
        createBranch(branch, sha) {
            planned.record(`Create branch ${(0,chatops_escape/* escapeCodeSpan */.Hs)(branch)} at ${(0,chatops_escape/* escapeCodeSpan */.Hs)(sha)}`);
            return Promise.resolve('created');
        },
        createClaim(name, text) {
            planned.record(`Claim ${(0,chatops_escape/* escapeCodeSpan */.Hs)(name)}`, { text, language: 'json' });
            return Promise.resolve('created');
        },
        deleteClaim(name) {
            planned.record(`Release the claim ${(0,chatops_escape/* escapeCodeSpan */.Hs)(name)}`);
            return Promise.resolve();
        },
        createCommit({ files, message }) {
            planned.record(`Commit ${files.length} files`, { label: 'Commit message', text: message, language: 'text' }, ...files.map(file => ({
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
            planned.record(`Open ${extras.length === 0 ? '' : `(${extras.join('; ')}) `}pull request from ` +
                `${(0,chatops_escape/* escapeCodeSpan */.Hs)(head)} into ${(0,chatops_escape/* escapeCodeSpan */.Hs)(base)}: ${(0,chatops_escape/* escapeInline */.VV)(title, 300)}`, { text: body, language: 'markdown' });
            return Promise.resolve({ number: DRY_RUN_PULL_NUMBER, url: '', existed: false });
        }
    };
}
/** Stands in for the SaaS's answer in a dry run, where nothing is bound. */
const dry_run_NOT_BOUND = '(assigned by the SaaS at the bind)';
/** The SaaS of a dry run: searches go to `real`; the bind is recorded with its body, never sent. */
function dryRunSaas(real, planned) {
    return {
        searchIssues: (route, query, limit) => real.searchIssues(route, query, limit),
        bindMissionOrigin(route, mission, ticket) {
            planned.record(`Bind ${(0,chatops_escape/* escapeInline */.VV)(ticket.external_issue_key, 64)} as the origin of mission ` +
                `${(0,chatops_escape/* escapeCodeSpan */.Hs)(mission.missionId)} at the Spec Kitty SaaS`, {
                text: `${JSON.stringify(bindRequestBody(route, mission, ticket), null, 2)}\n`,
                language: 'json'
            });
            return Promise.resolve({ originLinkId: dry_run_NOT_BOUND, boundAt: dry_run_NOT_BOUND, alreadyBound: false });
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
    const planned = createPlannedWrites();
    return {
        context: {
            ...context,
            conversation: dryRunConversation(context.conversation, planned),
            repository: dryRunRepository(context.repository, planned),
            saas: dryRunSaas(context.saas, planned),
            // The outbox is a real run's business: a dry run delivers nothing.
            drainEvents: () => Promise.resolve(),
            emitEvent(mission, project) {
                // Planned only where a real run sends one: events on, and a project to send it for.
                if (!context.inputs.emitEvents || eventProjectUuid(project) === null) {
                    return Promise.resolve(false);
                }
                planned.record(`Report the MissionOriginBound event of ${(0,chatops_escape/* escapeCodeSpan */.Hs)(mission.missionSlug)} to the Spec Kitty SaaS`);
                return Promise.resolve(false);
            }
        },
        finish: report => ({
            ...report,
            details: [report.details, renderPlannedWrites(planned.writes)]
                .filter(part => part !== undefined)
                .join('\n\n')
        })
    };
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
 * The names of entries directly in `kitty-specs/` that the pull request adds or changes, sorted:
 * where a mission directory would stand, a symlink or submodule may stand instead.
 */
function changedTopEntries(files) {
    const names = new Set();
    for (const file of files) {
        const [root, name, ...rest] = file.path.split('/');
        if (root === MISSIONS_ROOT && name !== undefined && rest.length === 0) {
            if (file.status !== 'removed')
                names.add(name);
        }
    }
    return [...names].sort();
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

;// CONCATENATED MODULE: ./src/verify/problem.ts
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

;// CONCATENATED MODULE: ./src/verify/structure.ts


/**
 * The problem of a mission in kitty-origin's old shape, whose `coordination_branch` is the pull
 * request's own branch: spec-kitty fails on it (`COORDINATION_BRANCH_DELETED`) once that branch
 * is deleted after the merge. Checked with spec-kitty 3.2.6: `doctor coordination --fix` repairs
 * it only once the branch is gone and refuses while it exists, so the fix on the branch is by hand.
 */
function oldShapeProblem(meta, text, headRef) {
    if (meta.coordination_branch !== headRef)
        return null;
    return {
        message: `meta.json is in kitty-origin's old shape: its coordination_branch is this pull request's own branch ${headRef}, ` +
            'so spec-kitty fails on the mission (COORDINATION_BRANCH_DELETED) once the branch is deleted after the merge. ' +
            'On this branch, remove the coordination_branch key and set topology to single_branch in meta.json ' +
            '(after the merge, `spec-kitty doctor coordination --fix` on the base branch does the same; it refuses while this branch exists).',
        line: lineOfKey(text, 'coordination_branch')
    };
}
/**
 * The structure every mission's meta.json must have, with or without `origin_ticket`: spec-kitty's
 * own rules (`brokenMetaRule`) and what the pull request check adds: the
 * bytes spec-kitty's writer produces, `mission_slug` naming its own directory, and no
 * `coordination_branch` naming the pull request's own branch. Only the first field rule broken
 * is reported (the others often follow from it).
 */
function structureProblems(name, meta, text, headRef) {
    const problems = [];
    const broken = brokenMetaRule(meta);
    if (broken !== null) {
        problems.push({ message: `meta.json ${broken.problem}.`, line: lineOfKey(text, broken.key) });
    }
    const expected = pythonJsonPretty(meta) + '\n';
    if (expected !== text) {
        const line = firstDifferentLine(text, expected);
        problems.push({
            message: "meta.json is not in spec-kitty's canonical form (keys sorted, two-space indent, " +
                `non-ASCII kept, one newline at the end); the first difference is on line ${line}.`,
            line
        });
    }
    const oldShape = oldShapeProblem(meta, text, headRef);
    if (oldShape !== null)
        problems.push(oldShape);
    if (typeof meta.mission_slug === 'string' && meta.mission_slug !== name) {
        problems.push({
            message: `meta.json has mission_slug ${meta.mission_slug}, but it lives in kitty-specs/${name}/.`,
            line: lineOfKey(text, 'mission_slug')
        });
    }
    return problems;
}

;// CONCATENATED MODULE: ./src/verify/check.ts



function check_parseJson(text) {
    try {
        return JSON.parse(text);
    }
    catch {
        return undefined;
    }
}
function asObject(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value)
        ? value
        : null;
}
/** The origin_ticket of a parsed meta.json as written; null when absent. */
function originOf(raw) {
    return (asObject(raw)?.origin_ticket ?? null);
}
/**
 * Checks the text of `kitty-specs/<name>/meta.json`. Every mission is held to the structure
 * `structureProblems` states; one with an `origin_ticket` must also pass `parseMeta` (the keys
 * spec-kitty writes for a PR-bound mission, and the seven origin keys), the only rules excused
 * when it has none. A mission the base branch already holds without a `mission_id`
 * (`legacyOnBase`) that still has neither an id nor an origin predates spec-kitty's mission ids
 * (3.1.1; spec-kitty calls it legacy and reads it as it is): it is reported, not checked.
 * Whether a mission may lack an origin is the caller's decision.
 */
function checkMeta(name, text, headRef, legacyOnBase = false) {
    const raw = check_parseJson(text);
    const object = asObject(raw);
    const origin = originOf(raw);
    const missionId = typeof object?.mission_id === 'string' ? object.mission_id : null;
    const found = { missionId, origin, legacy: false };
    if (object === null) {
        const message = raw === undefined ? 'meta.json is not valid JSON.' : 'meta.json is not a JSON object.';
        return { ...found, hasOrigin: true, meta: null, problems: [{ message, line: 1 }] };
    }
    if (origin === null) {
        if (legacyOnBase && (object.mission_id ?? null) === null) {
            return { ...found, hasOrigin: false, meta: null, problems: [], legacy: true };
        }
        return {
            ...found,
            hasOrigin: false,
            meta: null,
            problems: structureProblems(name, object, text, headRef)
        };
    }
    const parsed = parseMeta(text);
    if (parsed instanceof errors/* KittyError */.si) {
        return {
            ...found,
            hasOrigin: true,
            meta: null,
            problems: [{ message: parsed.message, line: 1 }]
        };
    }
    return {
        ...found,
        hasOrigin: true,
        meta: parsed.meta,
        problems: structureProblems(name, object, text, headRef)
    };
}

;// CONCATENATED MODULE: ./src/verify/base.ts





/** A directory named `<slug>-<mid8>`: its mission_id starts with those eight characters. */
const CURRENT_SHAPE = /^[a-z0-9]+(?:-[a-z0-9]+)*-([0-9A-HJKMNP-TV-Z]{8})$/;
/** A directory of the older numbered layout (`NNN-<slug>`): its name says nothing of its id. */
const NUMBERED = /^\d{3}-/;
function sameJson(a, b) {
    return pythonJsonPretty(a) === pythonJsonPretty(b);
}
function parsedIdentity(text) {
    if (text === null)
        return null;
    let raw;
    try {
        raw = JSON.parse(text);
    }
    catch {
        return { missionId: null, origin: null, legacy: false };
    }
    const object = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? raw : null;
    const id = object?.mission_id;
    const origin = originOf(raw);
    return {
        missionId: typeof id === 'string' ? id : null,
        origin,
        legacy: object !== null && (id ?? null) === null && origin === null
    };
}
/** A BaseReader of `kitty-specs/<name>/meta.json` at `baseRef`, each file read at most once. */
function baseReader(ports, baseRef) {
    const reads = new Map();
    return name => {
        let read = reads.get(name);
        if (read === undefined) {
            read = ports.readFile(`${MISSIONS_ROOT}/${name}/meta.json`, baseRef).then(parsedIdentity);
            reads.set(name, read);
        }
        return read;
    };
}
/**
 * Base missions that could hold `missionId`: those named `<slug>-<mid8>` with its mid8 (the
 * structural check ties a name of that shape to its id), and those whose name does not say
 * (the numbered layout, or any other), which are read once per run.
 */
function candidatesFor(base, missionId, own) {
    const mid8 = missionId.slice(0, 8);
    return [...base.entries.values()]
        .filter(entry => entry.kind === 'dir' && entry.path !== own)
        .map(entry => entry.path)
        .filter(name => {
        const shaped = CURRENT_SHAPE.exec(name);
        return shaped === null || NUMBERED.test(name) || shaped[1] === mid8;
    });
}
/**
 * Compares every changed mission's identity with the base branch: a mission the base already
 * holds keeps its mission_id (one the base holds without an id may gain one, as `spec-kitty
 * migrate backfill-identity` gives it) and its origin_ticket (present or absent, byte for byte), a new
 * mission may not take the mission_id of another mission on the base (unless the pull request
 * moves that mission here, when its origin_ticket must stay), and no two missions of the pull
 * request share one. Reads one meta.json per changed mission the base holds, plus the base
 * missions whose name could carry the same id. Returns the problems by mission name.
 */
async function compareWithBase(heads, views, onBase) {
    const problems = new Map();
    const add = (name, problem) => {
        problems.set(name, [...(problems.get(name) ?? []), problem]);
    };
    for (const head of heads) {
        const where = `${MISSIONS_ROOT}/${head.name}/`;
        const same = views.base.entries.get(head.name)?.kind === 'dir' ? await onBase(head.name) : null;
        if (same !== null) {
            if (same.missionId !== null && same.missionId !== head.missionId) {
                add(head.name, {
                    message: `meta.json changes the mission_id of ${where} from ${same.missionId} on the base branch to ${head.missionId ?? 'none'}; a mission keeps the id it was created with.`,
                    line: lineOfKey(head.text, 'mission_id')
                });
            }
            if (!sameJson(same.origin, head.origin)) {
                add(head.name, {
                    message: `meta.json changes the origin_ticket of ${where}, which the base branch holds with another; a mission keeps the ticket it was started from.`,
                    line: lineOfKey(head.text, 'origin_ticket')
                });
            }
        }
        if (head.missionId === null || same?.missionId === head.missionId)
            continue;
        const others = candidatesFor(views.base, head.missionId, head.name);
        const found = await settleAll(others.map(async (name) => ({ name, base: await onBase(name) })));
        for (const { name: other, base } of found) {
            if (base?.missionId !== head.missionId)
                continue;
            const stays = views.head.entries.get(other)?.kind === 'dir';
            if (stays) {
                add(head.name, {
                    message: `meta.json reuses the mission_id ${head.missionId} of ${MISSIONS_ROOT}/${other}/ on the base branch; every mission needs its own id.`,
                    line: lineOfKey(head.text, 'mission_id')
                });
            }
            else if (!sameJson(base.origin, head.origin)) {
                add(head.name, {
                    message: `meta.json changes the origin_ticket of the mission moved here from ${MISSIONS_ROOT}/${other}/; a mission keeps the ticket it was started from.`,
                    line: lineOfKey(head.text, 'origin_ticket')
                });
            }
        }
    }
    for (const head of heads) {
        const twins = heads.filter(other => other !== head && other.missionId === head.missionId);
        if (head.missionId === null || twins.length === 0)
            continue;
        add(head.name, {
            message: `meta.json has the mission_id ${head.missionId} of ${twins.map(twin => `${MISSIONS_ROOT}/${twin.name}/`).join(', ')} in this pull request too; every mission needs its own id.`,
            line: lineOfKey(head.text, 'mission_id')
        });
    }
    return problems;
}

;// CONCATENATED MODULE: ./src/verify/paths.ts

/** The largest file GitHub's contents API serves with its content (1 MB). */
const MAX_META_BYTES = 1_048_576;
const KIND_WORDS = {
    symlink: 'a symlink',
    submodule: 'a submodule'
};
/** Reads `kitty-specs/` at `ref`, one level deep: two tree requests however many missions. */
async function missionsAt(ports, ref) {
    const root = await ports.entryAt(ref, MISSIONS_ROOT);
    const listed = root?.kind === 'dir' ? await ports.listTree(root.sha, false) : null;
    return {
        kind: root?.kind ?? null,
        entries: new Map((listed ?? []).map(entry => [entry.path, entry]))
    };
}
function refusedPath(path, kind, what) {
    const word = kind === 'dir' ? 'a directory' : KIND_WORDS[kind];
    return {
        message: `${path} is ${word}; ${what}`,
        line: 1,
        file: path
    };
}
/**
 * Checks what a mission directory is at the head commit before anything in it is read: it must
 * be a directory (not a symlink or submodule standing in its place, nor below a `kitty-specs`
 * that is one), hold no symlink or submodule at any depth, and its meta.json must be a regular
 * file small enough for GitHub to serve. A symlink is refused rather than followed: GitHub
 * serves the file it points at, so a symlinked meta.json could show another mission's.
 */
async function checkMissionPaths(ports, head, name) {
    const dir = `${MISSIONS_ROOT}/${name}`;
    if (head.kind !== null && head.kind !== 'dir') {
        return {
            kind: 'refused',
            problems: [refusedPath(MISSIONS_ROOT, head.kind, 'missions must live in a real directory.')]
        };
    }
    const entry = head.entries.get(name);
    if (entry === undefined)
        return { kind: 'no-meta' };
    if (entry.kind === 'file')
        return { kind: 'not-a-mission' };
    if (entry.kind !== 'dir') {
        return {
            kind: 'refused',
            problems: [
                refusedPath(dir, entry.kind, 'a mission must be a directory of files in this repository.')
            ]
        };
    }
    const paths = (await ports.listTree(entry.sha, true)) ?? [];
    const problems = paths
        .filter(path => path.kind === 'symlink' || path.kind === 'submodule')
        .map(path => refusedPath(`${dir}/${path.path}`, path.kind, 'a mission holds only files of this repository.'));
    const meta = paths.find(path => path.path === 'meta.json');
    if (meta?.kind === 'dir') {
        problems.push(refusedPath(`${dir}/meta.json`, 'dir', 'meta.json must be a file.'));
    }
    else if (meta?.kind === 'file' && (meta.size ?? 0) > MAX_META_BYTES) {
        problems.push({
            message: `${dir}/meta.json is ${meta.size} bytes, more than GitHub serves through its API (1 MB), so its provenance cannot be checked.`,
            line: 1,
            file: `${dir}/meta.json`
        });
    }
    if (problems.length > 0)
        return { kind: 'refused', problems };
    return meta === undefined ? { kind: 'no-meta' } : { kind: 'readable' };
}

;// CONCATENATED MODULE: ./src/verify/result.ts
/** The verdict of one mission; a missing origin is a problem only when the caller made it one. */
function statusOf(result) {
    if (result.mission.removed)
        return 'removed';
    if (result.problems.length > 0)
        return 'failed';
    if (result.hasOrigin)
        return 'verified';
    return result.legacy ? 'legacy' : 'no-origin';
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
    if (of('legacy') > 0)
        parts.push(`${count(of('legacy'), 'legacy mission')} without mission_id`);
    if (of('removed') > 0)
        parts.push(`${count(of('removed'), 'mission directory', 'mission directories')} removed`);
    return `Pull request #${pullNumber}: ${parts.join(', ')}.`;
}

;// CONCATENATED MODULE: ./src/verify/render.ts



/** The title every verification annotation carries. */
const ANNOTATION_TITLE = 'kitty-origin: mission provenance';
/**
 * The run's annotations: an error per problem of a failed mission, on its line of the file, and
 * a notice on the meta.json of each mission without origin_ticket (when that is allowed) or from
 * before spec-kitty's mission ids.
 */
function annotationsOf(results) {
    return results.flatMap((result) => {
        const status = statusOf(result);
        if (status === 'failed') {
            return result.problems.map(problem => ({
                level: 'error',
                message: `${result.mission.dir}/: ${problem.message}`,
                properties: {
                    title: ANNOTATION_TITLE,
                    file: problem.file ?? result.annotatedPath,
                    startLine: problem.line
                }
            }));
        }
        const notice = NOTICES[status];
        if (notice === undefined)
            return [];
        return [
            {
                level: 'notice',
                message: `${result.mission.dir}/ ${notice}`,
                properties: { title: ANNOTATION_TITLE, file: result.metaPath, startLine: 1 }
            }
        ];
    });
}
/** What the notice on a mission that is not checked says after its directory. */
const NOTICES = {
    'no-origin': 'has no origin_ticket in meta.json, so its provenance is not checked; set require-origin: true to require one.',
    legacy: "predates spec-kitty's mission ids (the base branch holds it without a mission_id too), so it is not checked; `spec-kitty migrate backfill-identity` gives it one."
};
const HEADINGS = {
    verified: '✅ Verified',
    failed: '❌ Failed',
    'no-origin': '➖ No origin ticket',
    legacy: '➖ Legacy mission',
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
        `- Provider: ${(0,models/* providerName */.pX)(origin.provider)}, ${(0,chatops_escape/* escapeInline */.VV)(origin.resource_type, 40)} ${(0,chatops_escape/* escapeCodeSpan */.Hs)(origin.resource_id, 80)}`,
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
    if (status === 'legacy')
        lines.push('- meta.json has no mission_id, on the base branch either (spec-kitty before 3.1.1); not checked.');
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
    const bound = (0,models/* providerName */.pX)(binding.provider);
    if (origin.provider !== binding.provider) {
        return refused(`origin_ticket names a ${(0,models/* providerName */.pX)(origin.provider)} ticket, but this repository is bound to ${bound}, so the Spec Kitty SaaS cannot confirm ${key}.`, lineOfKey(metaText, 'provider'));
    }
    try {
        const { candidate } = await refetchCandidate(binding, origin, saas);
        return { confirmed: true, status: candidate.status };
    }
    catch (error) {
        if (!(error instanceof errors/* KittyError */.si))
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









/** The missions a pull request touches, with what stands directly in `kitty-specs/` in their place. */
function touchedMissions(files) {
    const missions = new Map(changedMissions(files).map(mission => [mission.name, mission]));
    for (const name of changedTopEntries(files)) {
        const dir = `${MISSIONS_ROOT}/${name}`;
        const known = missions.get(name);
        missions.set(name, {
            dir,
            name,
            paths: [...(known?.paths ?? []), dir].sort(),
            removed: false
        });
    }
    if (files.some(file => file.path === MISSIONS_ROOT && file.status !== 'removed')) {
        // kitty-specs itself changed kind (e.g. became a symlink): it stands for every mission.
        missions.set('', { dir: MISSIONS_ROOT, name: '', paths: [MISSIONS_ROOT], removed: false });
    }
    return [...missions.values()].sort((a, b) => (a.dir < b.dir ? -1 : 1));
}
/** The view of a commit that is never read: the pull request touches no mission. */
const NO_MISSIONS = { kind: null, entries: new Map() };
/** True when the base branch holds this mission directory from before spec-kitty's mission ids. */
async function legacyOnBase(name, base, onBase) {
    if (base.entries.get(name)?.kind !== 'dir')
        return false;
    return (await onBase(name))?.legacy === true;
}
/** What the head commit says about one mission; null when the path is no mission at all. */
async function checkLocally(mission, request, ports, views) {
    const { head } = views;
    const metaPath = `${mission.dir}/meta.json`;
    const base = {
        mission,
        metaPath,
        annotatedPath: metaPath,
        hasOrigin: false,
        legacy: false,
        meta: null,
        problems: [],
        saas: { kind: 'not-checked' }
    };
    const [firstPath] = mission.paths;
    if (firstPath === undefined)
        return { result: base, text: null };
    const paths = await checkMissionPaths(ports, head, mission.name);
    if (paths.kind === 'not-a-mission' || (mission.name === '' && paths.kind !== 'refused')) {
        return null;
    }
    if (paths.kind === 'refused') {
        const annotatedPath = paths.problems[0]?.file ?? firstPath;
        return {
            result: { ...base, annotatedPath, hasOrigin: true, problems: paths.problems },
            text: null
        };
    }
    const text = paths.kind === 'no-meta' ? null : await ports.readFile(metaPath, request.headSha);
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
    const check = checkMeta(mission.name, text, request.headRef, await legacyOnBase(mission.name, views.base, views.onBase));
    const problems = [...check.problems];
    if (!check.hasOrigin && request.requireOrigin) {
        problems.unshift({
            message: 'meta.json has no origin_ticket, and this workflow requires one.',
            line: 1
        });
    }
    return {
        result: {
            ...base,
            hasOrigin: check.hasOrigin,
            legacy: check.legacy,
            meta: check.meta,
            problems
        },
        text,
        identity: { name: mission.name, missionId: check.missionId, origin: check.origin, text }
    };
}
/**
 * Verifies the provenance of every mission directory a pull request adds or changes: each must
 * be a real directory of files (no symlink or submodule) whose meta.json at the head commit is
 * canonical and valid (with a complete origin_ticket, or none where that is allowed); it keeps
 * the mission_id and origin_ticket the base branch holds for it and takes no other mission's
 * id; and, when the SaaS is configured, the ticket must still exist there with the same id and
 * key. Everything but the SaaS re-check holds without secrets too (pull requests from forks). Findings
 * become annotations and a summary card per mission; `verify-failed` when any mission failed.
 * SaaS or GitHub failures that say nothing about the pull request are thrown.
 */
async function verifyPullRequest(request, ports) {
    const changed = await ports.listChangedFiles(request.pullNumber);
    if (!changed.complete) {
        ports.log.warning(`Pull request #${request.pullNumber} changes more files than GitHub lists (${changed.files.length}); missions changed beyond them are not verified.`);
    }
    const touched = touchedMissions(changed.files);
    const [head, baseView] = touched.length === 0
        ? [NO_MISSIONS, NO_MISSIONS]
        : await settleAll([missionsAt(ports, request.headSha), missionsAt(ports, request.baseRef)]);
    const onBase = baseReader(ports, request.baseRef);
    const checks = [];
    for (const mission of touched) {
        const check = await checkLocally(mission, request, ports, { head, base: baseView, onBase });
        if (check !== null)
            checks.push(check);
    }
    const identities = checks.flatMap(check => (check.identity === undefined ? [] : [check.identity]));
    const fromBase = await compareWithBase(identities, { base: baseView, head }, onBase);
    const results = [];
    let binding;
    for (const { result, text } of checks) {
        result.problems.push(...(fromBase.get(result.mission.name) ?? []));
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
        ports.log.info(`${result.mission.dir}/: ${statusOf(result)}`);
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


/** Verifies the provenance of the missions a pull request adds or changes (see verifyPullRequest). */
async function runVerify(inputs, trigger, ports) {
    return verifyPullRequest({
        pullNumber: trigger.pullNumber,
        headSha: trigger.headSha,
        headRef: trigger.headRef,
        baseRef: trigger.baseRef,
        requireOrigin: inputs.requireOrigin,
        overrides: (0,src_inputs/* bindingOverrides */.ZL)(inputs),
        dryRun: inputs.dryRun
    }, ports);
}

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 20 modules
var core = __webpack_require__(3218);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-retry/dist-bundle/index.js
var dist_bundle = __webpack_require__(9735);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-throttling/dist-bundle/index.js
var plugin_throttling_dist_bundle = __webpack_require__(6856);
// EXTERNAL MODULE: ./node_modules/@octokit/rest/dist-src/index.js + 21 modules
var dist_src = __webpack_require__(9988);
// EXTERNAL MODULE: ./node_modules/bottleneck/light.js
var light = __webpack_require__(3251);
var light_default = /*#__PURE__*/__webpack_require__.n(light);
;// CONCATENATED MODULE: ./src/github/client.ts




/**
 * Octokit's REST client (endpoint methods and `paginate`) with the retry and throttling plugins.
 * Not `@actions/github`'s `getOctokit`: that one reads the event file and the proxy variables when
 * it is imported, and `@github/local-action` swaps it for an Octokit whose `RequestError` is
 * another class, so a 404 would no longer be recognised as one.
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
/**
 * Octokit's four log levels on the logger's two. Octokit warns of deprecations; its `error` level
 * only carries the request log's line for a failed request, which is debug detail: the caller
 * either expects the failure (a 404 for "absent") or turns it into the run's own error.
 */
function octokitLog(logger) {
    const debug = (message) => {
        logger.debug(message);
    };
    const warning = (message) => {
        logger.warning(message);
    };
    return { debug, info: debug, warn: warning, error: debug };
}
/**
 * The Octokit client: the token as `authorization: token …`, the given API root and fetch, a
 * timeout on every request, and retries and rate-limit waits reported to `logger`.
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

// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(8500);
// EXTERNAL MODULE: ./node_modules/@octokit/request-error/dist-src/index.js
var request_error_dist_src = __webpack_require__(1015);
;// CONCATENATED MODULE: ./src/github/errors.ts



/** The repository setting that lets the Actions token open pull requests. */
const ACTIONS_PR_SETTING = 'Settings → Actions → General → Workflow permissions → Allow GitHub Actions to create and approve pull requests';
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
/** True when GitHub answered `status` with an error message matching `pattern`. */
function isGitHubFailure(error, status, pattern) {
    if (!(error instanceof request_error_dist_src/* RequestError */.G) || error.response === undefined)
        return false;
    if (error.status !== status)
        return false;
    return pattern === undefined || pattern.test(githubMessage(error) ?? '');
}
function errors_isTimeout(failure) {
    const { cause } = failure;
    return cause instanceof Error && (cause.name === 'TimeoutError' || cause.name === 'AbortError');
}
function errors_sentence(failure, call) {
    const { status } = failure;
    const message = githubMessage(failure) ?? '';
    const when = `when kitty-origin tried to ${call.action}`;
    if (failure.response === undefined) {
        const what = errors_isTimeout(failure)
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
    if (error instanceof errors/* KittyError */.si)
        return error;
    if (!(error instanceof request_error_dist_src/* RequestError */.G)) {
        const detail = error instanceof Error ? error.message : String(error);
        return new errors/* KittyError */.si('github-error', `kitty-origin could not ${call.action} on GitHub; see the run log.`, detail, { cause: error });
    }
    const { text, retryable } = errors_sentence(error, call);
    const detail = error.response === undefined
        ? `No answer from GitHub: ${error.message}`
        : `GitHub answered ${error.status}: ${(githubMessage(error) ?? 'a body without a JSON message').slice(0, 300)}`;
    return new errors/* KittyError */.si('github-error', text, detail, { cause: error, retryable });
}
/**
 * Runs one GitHub call, turning its failure into a KittyError — unless `recover` turns that
 * failure into a value (e.g. a 404 into null).
 */
async function attempt(call, run, recover) {
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
/** A git object id as GitHub writes it: 40 lowercase hex digits. */
const Sha = schemas/* string */.YjP().regex(/^[0-9a-f]{40}$/);
/** Parses a GitHub answer at the edge; a shape kitty-origin does not expect is a KittyError. */
function parseAnswer(schema, data, call) {
    const parsed = schema.safeParse(data);
    if (parsed.success)
        return parsed.data;
    throw new errors/* KittyError */.si('github-error', `GitHub's answer when kitty-origin tried to ${call.action} was not what it expected; see the run log.`, core_errors/* prettifyError */.S1(parsed.error));
}

;// CONCATENATED MODULE: ./src/github/settle.ts


/**
 * GitHub's answers that mean "a write you just made is not visible here yet": its Git data is
 * eventually consistent, so right after a write these come back once or twice and then stop.
 */
const NOT_YET_VISIBLE = {
    'no-commits': { status: 422, pattern: /no commits between/i },
    tree: { status: 422, pattern: /tree sha does not exist|base.?tree .*not found|badobjectstate/i },
    object: { status: 422, pattern: /object does not exist|parent sha does not exist/i },
    ref: { status: 422, pattern: /reference does not exist/i },
    'not-found': { status: 404 }
};
/** Pauses before each retry of a not-yet-visible answer: two retries, 1.5 s at most in all. */
const SETTLE_DELAYS_MS = [300, 1_200];
/** True when `error` is one of these not-yet-visible answers. */
function isNotYetVisible(error, kinds) {
    return kinds.some(kind => {
        const { status, pattern } = NOT_YET_VISIBLE[kind];
        return isGitHubFailure(error, status, pattern);
    });
}
/**
 * Runs one step that follows a write, retrying it briefly and boundedly (`delaysMs`) while
 * GitHub answers that the write is not visible yet; any other failure, or the same answer after
 * the last retry, is thrown as it came.
 */
async function settled(kinds, run, delaysMs = SETTLE_DELAYS_MS) {
    for (let retry = 0;; retry += 1) {
        try {
            return await run();
        }
        catch (error) {
            const pause = delaysMs[retry];
            if (pause === undefined || !isNotYetVisible(error, kinds))
                throw error;
            await (0,promises_.setTimeout)(pause);
        }
    }
}

;// CONCATENATED MODULE: ./src/github/refs.ts




const RefAnswer = schemas/* object */.Ikc({ object: schemas/* object */.Ikc({ sha: Sha }) });
const ALREADY_EXISTS = /reference already exists/i;
const DOES_NOT_EXIST = /reference does not exist/i;
const NOT_FAST_FORWARD = /not a fast.?forward/i;
/** The commit `ref` points at; null when the ref does not exist. */
async function readRef(api, repo, ref, call) {
    const data = await attempt(call, async () => (await api.request('GET /repos/{owner}/{repo}/git/ref/{ref}', { ...repoOf(repo), ref })).data, error => (isGitHubFailure(error, 404) ? null : undefined));
    return data === null ? null : parseAnswer(RefAnswer, data, call).object.sha;
}
/**
 * Creates `ref` at `sha`. Creating a ref is atomic on GitHub, so of two concurrent callers
 * exactly one gets `'created'`; the other (and a re-run) gets `'exists'`.
 */
async function createRef(api, repo, ref, sha, call) {
    return attempt(call, async () => {
        await api.request('POST /repos/{owner}/{repo}/git/refs', {
            ...repoOf(repo),
            ref: `refs/${ref}`,
            sha
        });
        return 'created';
    }, error => (isGitHubFailure(error, 422, ALREADY_EXISTS) ? 'exists' : undefined));
}
/** Deletes `ref`; `'missing'` when it was already gone (so a retry is harmless). */
async function deleteRef(api, repo, ref, call) {
    return attempt(call, async () => {
        await api.request('DELETE /repos/{owner}/{repo}/git/refs/{ref}', { ...repoOf(repo), ref });
        return 'deleted';
    }, error => (isGitHubFailure(error, 422, DOES_NOT_EXIST) ? 'missing' : undefined));
}
function repoOf(repo) {
    return { owner: repo.owner, repo: repo.repo };
}
/** The commit a branch points at; null when the branch does not exist. */
function getBranchHead(api, repo, branch) {
    const call = { action: `read the branch ${branch}`, permission: 'contents: read' };
    return readRef(api, repo, `heads/${branch}`, call);
}
/** Creates a branch at `sha`; atomic, so of two concurrent callers exactly one gets `'created'`. */
function createBranch(api, repo, branch, sha) {
    const call = { action: `create the branch ${branch}`, permission: 'contents: write' };
    return createRef(api, repo, `heads/${branch}`, sha, call);
}
/** Deletes a branch; `'missing'` when it was already gone (so a retry is harmless). */
function deleteBranch(api, repo, branch) {
    const call = { action: `delete the branch ${branch}`, permission: 'contents: write' };
    return deleteRef(api, repo, `heads/${branch}`, call);
}
/**
 * Moves a branch forward to `sha`, never by force: when someone pushed to the branch in the
 * meantime (so `sha` does not descend from its head), nothing changes and this is an error.
 * A branch or commit just created that GitHub does not show yet is tried again briefly.
 */
async function moveBranch(api, repo, branch, sha) {
    const call = { action: `update the branch ${branch}`, permission: 'contents: write' };
    try {
        await settled(['ref', 'object'], () => api.request('PATCH /repos/{owner}/{repo}/git/refs/{ref}', {
            owner: repo.owner,
            repo: repo.repo,
            ref: `heads/${branch}`,
            sha,
            force: false
        }));
    }
    catch (error) {
        if (!isGitHubFailure(error, 422, NOT_FAST_FORWARD))
            throw toGitHubError(error, call);
        throw new errors/* KittyError */.si('github-error', `The branch ${branch} changed while kitty-origin was writing to it, so kitty-origin left it alone; re-run the job to continue from its new state.`, `GitHub answered 422: Update is not a fast forward (to ${sha})`, { cause: error });
    }
}

;// CONCATENATED MODULE: ./src/github/commit.ts




const CommitAnswer = schemas/* object */.Ikc({ sha: Sha, tree: schemas/* object */.Ikc({ sha: Sha }) });
const TreeAnswer = schemas/* object */.Ikc({ sha: Sha });
/** The tree a commit points at. */
async function getCommitTree(api, repo, sha) {
    const call = { action: `read the commit ${sha.slice(0, 12)}`, permission: 'contents: read' };
    const commit = await attempt(call, () => settled(['not-found'], () => api.request('GET /repos/{owner}/{repo}/git/commits/{commit_sha}', {
        owner: repo.owner,
        repo: repo.repo,
        commit_sha: sha
    })));
    return parseAnswer(CommitAnswer, commit.data, call).tree.sha;
}
/**
 * Writes `files` as one commit object on top of `parentSha`: a tree on top of the parent
 * commit's tree (inline contents, mode 100644), then the commit. No branch or ref moves; returns
 * the new commit's id, for a ref to be created at (so a branch is never seen without its files).
 * Each step retries GitHub's brief "not visible yet" answers about what the step before wrote.
 * `call` names the write in errors.
 */
async function createCommit(api, repo, request, call = { action: 'write a commit', permission: 'contents: write' }) {
    const owner = { owner: repo.owner, repo: repo.repo };
    const { parentSha } = request;
    const baseTree = parentSha === null
        ? undefined
        : (request.baseTreeSha ?? (await getCommitTree(api, repo, parentSha)));
    const tree = await attempt(call, () => settled(['tree'], () => api.request('POST /repos/{owner}/{repo}/git/trees', {
        ...owner,
        ...(baseTree === undefined ? {} : { base_tree: baseTree }),
        tree: request.files.map(file => file.content === null
            ? { path: file.path, mode: '100644', type: 'blob', sha: null }
            : {
                path: file.path,
                mode: '100644',
                type: 'blob',
                content: file.content
            })
    })));
    const treeSha = parseAnswer(TreeAnswer, tree.data, call).sha;
    const commit = await attempt(call, () => settled(['tree', 'object'], () => api.request('POST /repos/{owner}/{repo}/git/commits', {
        ...owner,
        message: request.message,
        tree: treeSha,
        parents: parentSha === null ? [] : [parentSha]
    })));
    return parseAnswer(CommitAnswer, commit.data, call).sha;
}
/**
 * Commits `files` on `branch` in one commit (see createCommit), then moves the branch without
 * force. A branch someone else moved since `parentSha` is never reset: that is an error.
 * Returns the new commit's id.
 */
async function commitFiles(api, repo, request) {
    const sha = await createCommit(api, repo, request);
    await moveBranch(api, repo, request.branch, sha);
    return sha;
}

// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
;// CONCATENATED MODULE: ./src/github/tar-gz.ts


const BLOCK = 512;
const CHECKSUM = { start: 148, end: 156 };
/** A byte count in MiB for a sentence, to a tenth: `64 MiB`, `1.5 MiB`. */
function mebibytes(bytes) {
    return `${Math.round((bytes / 1_048_576) * 10) / 10} MiB`;
}
/** A NUL-terminated header field as text. */
function field(header, start, end) {
    const bytes = header.subarray(start, end);
    const nul = bytes.indexOf(0);
    return bytes.subarray(0, nul === -1 ? bytes.length : nul).toString('utf8');
}
/** An octal number field; null when it is not one. */
function octal(header, start, end) {
    const text = field(header, start, end).trim();
    return /^[0-7]*$/.test(text) ? Number.parseInt(text || '0', 8) : null;
}
/** True when the header's checksum (its bytes, the checksum field counted as spaces) holds. */
function checksumHolds(header) {
    let sum = (CHECKSUM.end - CHECKSUM.start) * 0x20;
    for (let at = 0; at < BLOCK; at += 1) {
        if (at < CHECKSUM.start || at >= CHECKSUM.end)
            sum += header.readUInt8(at);
    }
    return octal(header, CHECKSUM.start, CHECKSUM.end) === sum;
}
/** The `<length> <key>=<value>\n` records of a pax header; null when they are malformed. */
function paxRecords(body) {
    const records = new Map();
    let at = 0;
    while (at < body.length) {
        const space = body.indexOf(0x20, at);
        if (space === -1)
            return null;
        const end = at + Number(body.subarray(at, space).toString('latin1'));
        if (!Number.isInteger(end) || end > body.length || body[end - 1] !== 0x0a)
            return null;
        const record = body.subarray(space + 1, end - 1);
        const equals = record.indexOf(0x3d);
        if (equals === -1)
            return null;
        records.set(record.subarray(0, equals).toString('utf8'), record.subarray(equals + 1).toString('utf8'));
        at = end;
    }
    return records;
}
/** The header's path: the ustar prefix (when there is one), a slash, and the name. */
function ustarPath(header) {
    const name = field(header, 0, 100);
    const prefix = field(header, 257, 263) === 'ustar' ? field(header, 345, 500) : '';
    return prefix === '' ? name : `${prefix}/${name}`;
}
/**
 * Reads a `.tar.gz` archive as `git archive` writes it (ustar headers, the prefix field and pax
 * `path` records for long paths, a pax global header with the commit id) into its regular files.
 * Memory is bounded: an archive that holds more than `maxBytes`, compressed or unpacked, is
 * refused; so is an archive that is damaged or cut short. Both are KittyErrors that name it.
 */
function unpackTarGz(archive, limits) {
    const tooLarge = new errors/* KittyError */.si('github-error', `${limits.what} holds more than the ${mebibytes(limits.maxBytes)} kitty-origin reads at once.`, `archive of ${archive.byteLength} bytes compressed`);
    const damaged = (detail) => new errors/* KittyError */.si('github-error', `${limits.what} arrived damaged or incomplete; re-run the job.`, detail, { retryable: true });
    if (archive.byteLength > limits.maxBytes)
        throw tooLarge;
    let tar;
    try {
        tar = (0,external_node_zlib_.gunzipSync)(archive, { maxOutputLength: limits.maxBytes });
    }
    catch (error) {
        // zlib's errors, checked by their code: they may come from another realm than this module's.
        const { code, message } = error;
        if (code === 'ERR_BUFFER_TOO_LARGE')
            throw tooLarge;
        throw damaged(`gzip: ${String(message)}`);
    }
    const files = new Map();
    let comment;
    let extended;
    for (let offset = 0;;) {
        const header = tar.subarray(offset, offset + BLOCK);
        if (header.length < BLOCK)
            throw damaged(`the archive ends at byte ${offset} without its end`);
        if (header.every(byte => byte === 0))
            break;
        const size = octal(header, 124, 136);
        if (!checksumHolds(header) || size === null) {
            throw damaged(`the header at byte ${offset} is corrupt`);
        }
        const start = offset + BLOCK;
        const body = tar.subarray(start, start + size);
        if (body.length < size)
            throw damaged(`the entry at byte ${offset} is cut short`);
        offset = start + Math.ceil(size / BLOCK) * BLOCK;
        const type = String.fromCharCode(header.readUInt8(156));
        if (type === 'g' || type === 'x') {
            const records = paxRecords(body);
            if (records === null)
                throw damaged(`the pax header at byte ${start - BLOCK} is malformed`);
            if (type === 'g')
                comment = records.get('comment') ?? comment;
            else
                extended = records;
            continue;
        }
        const path = extended?.get('path') ?? ustarPath(header);
        extended = undefined;
        if (type === '0' || type === '\0')
            files.set(path, body);
    }
    return { comment, files };
}

;// CONCATENATED MODULE: ./src/github/archive.ts





const archive_BLOCK = 512;
/** Per entry at most: its header and a pax header for a path or link too long for it. */
const ENTRY_OVERHEAD = 3 * archive_BLOCK;
/** The pax global header, the top directory and the end of the archive with its padding. */
const ARCHIVE_OVERHEAD = 24 * archive_BLOCK;
/**
 * An upper bound on the unpacked size of GitHub's archive of a commit, from the commit's
 * complete tree listing: every entry's headers plus its bytes, padded as tar pads them.
 */
function archiveSizeOf(items) {
    return items.reduce((sum, item) => sum + ENTRY_OVERHEAD + Math.ceil((item.size ?? 0) / archive_BLOCK) * archive_BLOCK, ARCHIVE_OVERHEAD);
}
/**
 * Every regular file of a commit by its path from the root, read from GitHub's archive of that
 * exact commit: one request, which GitHub answers with a redirect to codeload that fetch
 * follows. The archive must name the commit asked for (the pax comment `git archive` writes);
 * its top directory (`<owner>-<repo>-<sha7>/`) is taken off every path.
 */
async function readCommitArchive(api, repo, request) {
    const call = { action: `download ${request.what}`, permission: 'contents: read' };
    const data = await attempt(call, async () => (await api.request('GET /repos/{owner}/{repo}/tarball/{ref}', {
        owner: repo.owner,
        repo: repo.repo,
        ref: request.commit
    })).data);
    if (!(0,types_.isArrayBuffer)(data)) {
        throw new errors/* KittyError */.si('github-error', `GitHub's answer when kitty-origin tried to ${call.action} was not an archive; see the run log.`, `a ${typeof data} body`);
    }
    const { comment, files } = unpackTarGz(new Uint8Array(data), {
        what: `GitHub's archive of ${request.what}`,
        maxBytes: request.maxBytes
    });
    if (comment !== request.commit) {
        throw new errors/* KittyError */.si('github-error', `GitHub's archive of ${request.what} is not of the commit kitty-origin asked for; re-run the job.`, `asked for ${request.commit}, the archive names ${comment ?? 'no commit'}`, { retryable: true });
    }
    return new Map([...files].map(([path, bytes]) => [path.slice(path.indexOf('/') + 1), bytes]));
}
/**
 * The bytes of a file of the listing as the archive holds them, or why they cannot stand for
 * it: missing from the archive, or not the blob the tree names (`.gitattributes` can make
 * `git archive` rewrite a file: `export-subst`, end-of-line conversion, `export-ignore`).
 */
function archivedBlob(files, item) {
    const bytes = files.get(item.path);
    if (bytes === undefined)
        return "missing from GitHub's archive of the branch";
    const sha = (0,external_node_crypto_.createHash)('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
    return sha === item.sha ? bytes : "GitHub's archive holds other bytes than the branch's blob";
}

;// CONCATENATED MODULE: ./src/github/trees.ts




const trees_TreeAnswer = schemas/* object */.Ikc({
    sha: Sha,
    truncated: schemas/* boolean */.zMY(),
    tree: schemas/* array */.YOg(schemas/* object */.Ikc({
        path: schemas/* string */.YjP().min(1),
        mode: schemas/* string */.YjP(),
        type: schemas/* string */.YjP(),
        sha: Sha,
        size: schemas/* number */.aig().int().nonnegative().optional()
    }))
});
/** How many subtrees a cut listing reads at once while it walks them one at a time. */
const WALK_CONCURRENCY = 8;
function kindOf(mode, type) {
    if (type === 'tree' || mode === '040000')
        return 'dir';
    if (type === 'commit' || mode === '160000')
        return 'submodule';
    return mode === '120000' ? 'symlink' : 'file';
}
/** One listing of a tree; null when GitHub has no such tree (404). */
async function getTree(api, repo, treeish, recursive) {
    const call = { action: `read the tree ${treeish.slice(0, 40)}`, permission: 'contents: read' };
    const data = await attempt(call, async () => (await api.request('GET /repos/{owner}/{repo}/git/trees/{tree_sha}', {
        owner: repo.owner,
        repo: repo.repo,
        tree_sha: treeish,
        ...(recursive ? { recursive: '1' } : {})
    })).data, error => (isGitHubFailure(error, 404) ? null : undefined));
    return data === null ? null : parseAnswer(trees_TreeAnswer, data, call);
}
function itemsOf(answer, prefix) {
    return answer.tree.map(entry => ({
        path: `${prefix}${entry.path}`,
        kind: kindOf(entry.mode, entry.type),
        sha: entry.sha,
        ...(entry.size === undefined ? {} : { size: entry.size })
    }));
}
/**
 * The entries of one tree (a tree or commit id, or a branch name), not descending into
 * directories; null when there is no such tree. A single directory too large for GitHub to
 * list whole is an error, never a silently shorter list.
 */
async function listTreeEntries(api, repo, treeish) {
    const answer = await getTree(api, repo, treeish, false);
    if (answer === null)
        return null;
    if (answer.truncated) {
        throw new errors/* KittyError */.si('github-error', `A directory of the repository has more entries than GitHub lists in one tree (${answer.tree.length}); kitty-origin cannot read it whole.`, `tree ${treeish} truncated`);
    }
    return itemsOf(answer, '');
}
/**
 * Every entry below a tree (a tree or commit id, or a branch name), with paths relative to it,
 * in one request while GitHub lists it whole. When GitHub cuts the recursive listing
 * (`truncated: true`, past 100,000 entries or 7 MB), the tree is walked directory by directory
 * instead, so the result is always complete. Null when there is no such tree. With the entries
 * comes the tree's own id (a commit's root tree, when a commit was named).
 */
async function listTreeRecursive(api, repo, treeish) {
    const answer = await getTree(api, repo, treeish, true);
    if (answer === null)
        return null;
    if (!answer.truncated)
        return { sha: answer.sha, items: itemsOf(answer, '') };
    const items = [];
    let pending = [{ sha: treeish, prefix: '' }];
    while (pending.length > 0) {
        const batch = pending.slice(0, WALK_CONCURRENCY);
        pending = pending.slice(WALK_CONCURRENCY);
        const listed = await settleAll(batch.map(async ({ sha, prefix }) => ({
            prefix,
            entries: (await listTreeEntries(api, repo, sha)) ?? []
        })));
        for (const { prefix, entries } of listed) {
            for (const entry of entries) {
                const item = { ...entry, path: `${prefix}${entry.path}` };
                items.push(item);
                if (item.kind === 'dir')
                    pending.push({ sha: item.sha, prefix: `${item.path}/` });
            }
        }
    }
    return { sha: answer.sha, items };
}
/**
 * The entry at `path` below a commit (or branch), found by walking its directories one tree at
 * a time; null when nothing is there. `''` is the commit's root tree.
 */
async function treeEntryAt(api, repo, commitish, path) {
    let current = { path: '', kind: 'dir', sha: commitish };
    for (const part of path.split('/').filter(segment => segment !== '')) {
        if (current.kind !== 'dir')
            return null;
        const entries = await listTreeEntries(api, repo, current.sha);
        const next = entries?.find(entry => entry.path === part);
        if (next === undefined)
            return null;
        current = { ...next, path: current.path === '' ? part : `${current.path}/${part}` };
    }
    return current;
}

;// CONCATENATED MODULE: ./src/github/outbox-store.ts









/** The note at the root of the outbox branch, for whoever finds it in the branch list. */
const OUTBOX_README_PATH = 'README.md';
/** The text of the branch's README. */
const OUTBOX_README = `# kitty-origin outbox

Events that kitty-origin could not deliver to the Spec Kitty SaaS yet, one file per event in
\`events/\`. Every run of the kitty-origin action sends them first and deletes this branch once
it is empty. Entries marked \`"rejected": true\` were refused by the SaaS and are kept for
inspection: delete their files once handled. The branch shares no history with the others.
`;
/** An entry file larger than this is left in place unread (an entry takes about 2 kB). */
const MAX_ENTRY_BYTES = 1_048_576;
/** The most the outbox's archive may unpack to by default: some 20,000 entries. */
const MAX_ARCHIVE_BYTES = 64 * 1_048_576;
const RETRY_BASE_MS = 250;
/** A write that lost a race: the branch moved or vanished after it was read. */
function lostRace(error) {
    return (error instanceof errors/* KittyError */.si &&
        isGitHubFailure(error.cause, 422, /not a fast.?forward|reference does not exist/i));
}
const outbox_store_KIND_WORDS = {
    dir: 'a directory',
    symlink: 'a symlink',
    submodule: 'a submodule'
};
/**
 * The outbox on the `kitty-origin/outbox` branch, written with the Git Data API and listed with
 * the Git trees API (complete however many events wait: the contents API would stop at 1,000,
 * and an event left out of a listing would be lost to the drain). The entries are read from one
 * archive of the listed commit (`tarball`), so a drain costs the same few requests however many
 * events wait; an entry that archive does not hold as its blob is left in place with a warning.
 * The branch is an orphan (its first commit has no parent and holds only this README and
 * `events/`), so it never shows a diff against the default branch and carries no workflow files.
 * Writes are commits on the head just read, moved without force; a write that loses a race
 * re-reads and tries again. Removing the last entry first commits an emptied tree on the head
 * just read (so a concurrent write makes it fail and retry), then deletes the branch; a write
 * that lands on such an emptied head waits `settleMs` and writes again if the branch was
 * deleted under it.
 */
function createGitHubOutboxStore(github, repo, options) {
    const sleep = options.sleep ?? (ms => (0,promises_.setTimeout)(ms));
    const maxAttempts = options.maxAttempts ?? 5;
    const settleMs = options.settleMs ?? 3_000;
    const maxArchiveBytes = options.maxArchiveBytes ?? MAX_ARCHIVE_BYTES;
    /** The snapshot `list()` read last, until a removal takes it. */
    let listed;
    function takeListed() {
        const taken = listed;
        listed = undefined;
        return taken;
    }
    async function snapshot() {
        const head = await getBranchHead(github, repo, OUTBOX_BRANCH);
        if (head === null)
            return null;
        const prefix = `${OUTBOX_EVENTS_DIR}/`;
        const tree = await listTreeRecursive(github, repo, head);
        const items = tree?.items ?? [];
        const entries = items
            .map(item => ({ name: item.path.slice(prefix.length), item }))
            .filter(({ name, item }) => item.path.startsWith(prefix) && !name.includes('/'))
            .sort((a, b) => (a.name < b.name ? -1 : 1));
        return { head, tree: tree?.sha, names: entries.map(entry => entry.name), entries, items };
    }
    /** Why an entry of `events/` is not read, or null when it is read from the archive. */
    function unread({ name, item }) {
        if (eventIdOfFile(name) === null)
            return 'not an event file';
        if (item.kind !== 'file')
            return `${outbox_store_KIND_WORDS[item.kind]}, not a file`;
        return (item.size ?? 0) > MAX_ENTRY_BYTES ? `larger than ${mebibytes(MAX_ENTRY_BYTES)}` : null;
    }
    /**
     * The files of the snapshot's head, from one archive of it; none are fetched when no entry is
     * to be read. An archive larger than `maxArchiveBytes` (told by the listing) is refused unread.
     */
    async function archivedFiles(current) {
        if (current.entries.every(entry => unread(entry) !== null))
            return new Map();
        const size = archiveSizeOf(current.items);
        if (size > maxArchiveBytes) {
            throw new errors/* KittyError */.si('github-error', `The ${OUTBOX_BRANCH} branch is too large for kitty-origin to read (it reads up to ${mebibytes(maxArchiveBytes)}); its events stay there. Delete the files of events the SaaS refused (\`"rejected": true\`) once handled, and any file that is not an outbox entry.`, `archive of up to ${size} bytes`);
        }
        const what = `the ${OUTBOX_BRANCH} branch`;
        return readCommitArchive(github, repo, {
            commit: current.head,
            what,
            maxBytes: maxArchiveBytes
        });
    }
    /** The entry in a file of `events/`, or why it is not one. */
    function readEntry(entry, files) {
        const problem = unread(entry);
        if (problem !== null)
            return problem;
        const bytes = archivedBlob(files, entry.item);
        if (typeof bytes === 'string')
            return bytes;
        const parsed = parseOutboxEntry(bytes.toString('utf8'));
        if (!parsed.ok)
            return parsed.problem;
        const id = eventIdOfFile(entry.name);
        return parsed.entry.event.event_id === id
            ? parsed.entry
            : `holds event ${parsed.entry.event.event_id}`;
    }
    async function retryAfterRace(round) {
        await sleep(RETRY_BASE_MS * round);
    }
    function gaveUp(what) {
        return new errors/* KittyError */.si('github-error', `The ${OUTBOX_BRANCH} branch kept changing while kitty-origin tried to ${what}; re-run the job.`, `gave up after ${maxAttempts} attempts`);
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
                        baseTreeSha: current.tree,
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
            // The drain removes right after it listed: its first try writes on that listing (a branch
            // moved since makes the commit lose the race, and the next try reads it afresh).
            const current = (round === 1 ? takeListed() : undefined) ?? (await snapshot());
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
                    baseTreeSha: current.tree,
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
            listed = current ?? undefined;
            if (current === null)
                return null;
            const files = await archivedFiles(current);
            const entries = [];
            for (const file of current.entries) {
                const entry = readEntry(file, files);
                if (typeof entry !== 'string') {
                    entries.push(entry);
                    continue;
                }
                options.log.warning(`${OUTBOX_BRANCH}: ${OUTBOX_EVENTS_DIR}/${file.name} is not an outbox entry kitty-origin can read (${entry}); it is left in place.`);
            }
            return entries;
        },
        put,
        remove
    };
}
/** The first commit of the outbox: no parent, the README and these files. */
function createRootCommit(github, repo, files, message) {
    return createCommit(github, repo, {
        parentSha: null,
        files: [{ path: OUTBOX_README_PATH, content: OUTBOX_README }, ...files],
        message
    }, { action: `create the branch ${OUTBOX_BRANCH}`, permission: 'contents: write' });
}

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
/** The most pages a listing reads: GitHub's cap in pages, also a bound on a `Link` that loops. */
const MAX_PAGES = Math.ceil(MAX_LISTED_PULL_FILES / PULL_FILES_PER_PAGE);
/**
 * Every file a pull request changes (at most GitHub's 3,000), page by page with Octokit's
 * `paginate`. Renamed files name their previous path.
 */
async function listPullRequestFiles(api, repo, pullNumber) {
    const call = {
        action: `list the files of pull request #${pullNumber}`,
        permission: 'pull-requests: read'
    };
    return attempt(call, async () => {
        const files = [];
        const pages = api.paginate.iterator('GET /repos/{owner}/{repo}/pulls/{pull_number}/files', {
            owner: repo.owner,
            repo: repo.repo,
            pull_number: pullNumber,
            per_page: PULL_FILES_PER_PAGE
        });
        let read = 0;
        for await (const page of pages) {
            for (const file of parseAnswer(schemas/* array */.YOg(FileAnswer), page.data, call)) {
                files.push({
                    path: file.filename,
                    status: file.status,
                    ...(file.previous_filename === undefined ? {} : { previousPath: file.previous_filename })
                });
            }
            read += 1;
            if (read === MAX_PAGES)
                break;
        }
        return files;
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
    const { data } = await attempt(call, () => api.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
        owner: repo.owner,
        repo: repo.repo,
        issue_number: issueNumber,
        body
    }));
    return toComment(parseAnswer(CommentAnswer, data, call));
}
/** Replaces the body of a comment. */
async function updateComment(api, repo, commentId, body) {
    const call = commentCall(`update comment ${commentId}`);
    const { data } = await attempt(call, () => api.request('PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}', {
        owner: repo.owner,
        repo: repo.repo,
        comment_id: commentId,
        body
    }));
    return toComment(parseAnswer(CommentAnswer, data, call));
}
/** Reacts to a comment; reacting twice the same way is harmless (GitHub keeps one). */
async function addReaction(api, repo, commentId, content) {
    await attempt(commentCall(`react to comment ${commentId}`), () => api.request('POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions', {
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
    const answer = await attempt(call, () => api.request('GET /repos/{owner}/{repo}/issues/{issue_number}/comments', {
        owner: repo.owner,
        repo: repo.repo,
        issue_number: issueNumber,
        per_page: COMMENTS_PER_PAGE,
        page
    }));
    const comments = parseAnswer(schemas/* array */.YOg(CommentAnswer), answer.data, call).map(toComment);
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

;// CONCATENATED MODULE: ./src/github/repo.ts




/** The contents API lists at most this many entries of a directory (GitHub's limit). */
const CONTENTS_LIST_LIMIT = 1_000;
const ContentsAnswer = schemas/* union */.KCZ([
    schemas/* array */.YOg(schemas/* object */.Ikc({ name: schemas/* string */.YjP(), type: schemas/* string */.YjP() })),
    schemas/* object */.Ikc({ type: schemas/* string */.YjP(), encoding: schemas/* string */.YjP().optional(), content: schemas/* string */.YjP().optional() })
]);
/** GitHub's 404 when the ref itself (not the path) does not exist. */
const NO_SUCH_REF = /no commit found for the ref/i;
/**
 * A file (object) or directory (array) at `ref`; null when GitHub has nothing at that path
 * (404). A ref that does not exist is an error that names it: "nothing there" would be wrong.
 */
async function getContents(api, repo, path, ref, action) {
    const call = { action, permission: 'contents: read' };
    const data = await attempt(call, async () => (await api.request('GET /repos/{owner}/{repo}/contents/{path}', {
        owner: repo.owner,
        repo: repo.repo,
        path,
        ref
    })).data, error => {
        if (isGitHubFailure(error, 404, NO_SUCH_REF)) {
            throw new errors/* KittyError */.si('github-error', Sha.safeParse(ref).success
                ? `The commit ${ref.slice(0, 12)} does not exist in this repository, so kitty-origin could not ${action}; re-run the job.`
                : `The branch ${ref} does not exist in this repository, so kitty-origin could not ${action}; create it or check the base-branch input.`, `GitHub answered 404: No commit found for the ref ${ref}`, { cause: error });
        }
        return isGitHubFailure(error, 404) ? null : undefined;
    });
    return data === null ? null : parseAnswer(ContentsAnswer, data, call);
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
        throw new errors/* KittyError */.si('github-error', `${path} is too large for kitty-origin to read through the GitHub API.`, `encoding ${contents.encoding ?? 'missing'}`);
    }
    return Buffer.from(contents.content, 'base64').toString('utf8');
}
/**
 * The names of a directory's entries at `ref`, sorted; with `only`, just the entries of that
 * kind (e.g. `'dir'`). Null when there is no directory at that path. One contents request while
 * the directory is small; when it has as many entries as the contents API lists at most
 * (1,000, so it may have been cut), the directory is read whole with the Git trees API.
 */
async function listDirectory(api, repo, path, ref, only) {
    const action = `list ${path === '' ? 'the repository' : path}`;
    const contents = await getContents(api, repo, path, ref, action);
    if (!Array.isArray(contents))
        return null;
    let entries = contents.map(entry => ({ name: entry.name, kind: entry.type }));
    if (contents.length >= CONTENTS_LIST_LIMIT) {
        const directory = await treeEntryAt(api, repo, ref, path);
        const whole = directory?.kind === 'dir' ? await listTreeEntries(api, repo, directory.sha) : null;
        entries = (whole ?? []).map(entry => ({ name: entry.path, kind: entry.kind }));
    }
    return entries
        .filter(entry => only === undefined || entry.kind === only)
        .map(entry => entry.name)
        .sort();
}

;// CONCATENATED MODULE: ./src/github/claims.ts



/** Where claims live: hidden refs, outside branches and tags, so no one sees or clones them. */
const CLAIMS_NAMESPACE = 'kitty-origin/claims';
/** The file a claim's commit holds. */
const CLAIM_FILE = 'claim.json';
function claimRef(name) {
    return `${CLAIMS_NAMESPACE}/${name}`;
}
/**
 * Records `text` under the claim `name`, once: a root commit holding `claim.json`, then the ref
 * `refs/kitty-origin/claims/<name>` created at it. Creating a ref is atomic, so of two racing
 * claims exactly one gets `'created'`; the other gets `'exists'` and reads the winner's text.
 */
async function createClaim(api, repo, name, text) {
    const call = { action: `claim ${name}`, permission: 'contents: write' };
    const sha = await createCommit(api, repo, {
        parentSha: null,
        files: [{ path: CLAIM_FILE, content: text }],
        message: `kitty-origin claim ${name}\n`
    }, call);
    return createRef(api, repo, claimRef(name), sha, call);
}
/** The text of the claim `name`, or null when there is none. */
async function readClaim(api, repo, name) {
    const call = { action: `read the claim ${name}`, permission: 'contents: read' };
    const sha = await readRef(api, repo, claimRef(name), call);
    return sha === null ? null : readTextFile(api, repo, CLAIM_FILE, sha);
}
/** Removes the claim `name`; a claim already gone is no error. */
async function deleteClaim(api, repo, name) {
    const call = { action: `release the claim ${name}`, permission: 'contents: write' };
    await deleteRef(api, repo, claimRef(name), call);
}

;// CONCATENATED MODULE: ./src/github/permission.ts



const PermissionAnswer = schemas/* object */.Ikc({
    permission: schemas/* string */.YjP(),
    role_name: schemas/* string */.YjP().optional()
});
/**
 * The access `login` has to the repository. Fails closed: any error (unknown user, network,
 * rate limit, a malformed answer) means `'none'`; `onError` hears why, for the log.
 */
async function getPermission(api, repo, login, onError) {
    const call = { action: `read the permission of ${login}`, permission: 'contents: read' };
    try {
        const { data } = await api.request('GET /repos/{owner}/{repo}/collaborators/{username}/permission', { owner: repo.owner, repo: repo.repo, username: login });
        return (0,permission/* levelOf */.In)(parseAnswer(PermissionAnswer, data, call));
    }
    catch (error) {
        onError?.(toGitHubError(error, call));
        return 'none';
    }
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
    const { data } = await attempt(call, () => api.request('GET /repos/{owner}/{repo}/pulls', {
        owner: repo.owner,
        repo: repo.repo,
        head: `${repo.owner}:${head}`,
        state: 'all',
        per_page: 100
    }));
    const pulls = parseAnswer(schemas/* array */.YOg(PullAnswer), data, call).map(toRef);
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
    const { data } = await attempt(call, () => api.request('GET /repos/{owner}/{repo}/pulls', {
        owner: repo.owner,
        repo: repo.repo,
        state: 'open',
        sort: 'created',
        direction: 'desc',
        per_page: 100
    }));
    return parseAnswer(schemas/* array */.YOg(OpenPullAnswer), data, call)
        .filter(pull => pull.head.ref.startsWith(prefix))
        .map(toRef);
}
const sleep = (ms) => new Promise(resolve => setTimeout(resolve, ms));
/** Adds labels, retrying GitHub's 422s right after creation; false when they never took. */
async function addLabels(api, repo, issueNumber, labels, delaysMs) {
    const call = { action: `label #${issueNumber}`, permission: 'pull-requests: write' };
    for (let attemptIndex = 0;; attemptIndex += 1) {
        const added = await attempt(call, async () => {
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
 * exists for the branch (a re-run) is found and returned instead. GitHub's brief "No commits
 * between" right after the branch's commit is tried again. GitHub refusing the Actions
 * token (repository setting) or a missing `pull-requests: write` is a KittyError naming the fix.
 */
async function openPullRequest(api, repo, request, labelRetryDelaysMs = LABEL_RETRY_DELAYS_MS) {
    const call = { action: 'open the pull request', permission: 'pull-requests: write' };
    const created = await attempt(call, async () => (await settled(['no-commits'], () => api.request('POST /repos/{owner}/{repo}/pulls', {
        owner: repo.owner,
        repo: repo.repo,
        head: request.head,
        base: request.base,
        title: request.title,
        body: request.body,
        draft: request.draft
    }))).data, error => (isGitHubFailure(error, 422, /already exists/i) ? null : undefined));
    const pull = created === null
        ? await findPullRequestForBranch(api, repo, request.head)
        : toRef(parseAnswer(PullAnswer, created, call));
    if (pull === null) {
        throw new errors/* KittyError */.si('github-error', `GitHub said a pull request for ${request.head} already exists but did not list it; re-run the job.`, undefined, { retryable: true });
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
                    },
                    createdAtMs: Date.parse(comment.createdAt)
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
        createCommit: request => createCommit(api, repo, request),
        createClaim: (name, text) => createClaim(api, repo, name, text),
        readClaim: name => readClaim(api, repo, name),
        deleteClaim: name => deleteClaim(api, repo, name),
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
            return { number: pull.number, url: pull.url, existed: pull.existed };
        }
    };
}

// EXTERNAL MODULE: ./node_modules/undici/index.js
var undici = __webpack_require__(6752);
;// CONCATENATED MODULE: ./src/net/proxy.ts
/**
 * The run's outgoing network behind a proxy: one fetch over one undici `EnvHttpProxyAgent` built
 * from the proxy variables of the environment, shared by the SaaS client and by Octokit, so both
 * honour `HTTPS_PROXY`, `HTTP_PROXY` and `NO_PROXY` the same way. Without a proxy the clients use
 * Node's global fetch.
 */


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
        throw new errors/* KittyError */.si('input-invalid', `The ${found.name} variable must be a proxy URL such as http://proxy.example.com:3128.`, `${found.name} does not start with http:// or https://`);
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
/**
 * A fetch through the proxies of `env`, every request over one `EnvHttpProxyAgent`; undefined
 * when no proxy is set, so the clients keep their direct defaults. The settings are passed
 * explicitly (empty for unset), so the agent never falls back to `process.env`.
 */
function proxyNetwork(env) {
    const settings = proxySettings(env);
    if (settings === undefined)
        return undefined;
    const agent = new undici/* EnvHttpProxyAgent */.J2(settings);
    const send = (...[input, init]) => (0,undici/* fetch */.hd)(input, { ...init, dispatcher: agent });
    return { fetch: send };
}

;// CONCATENATED MODULE: ./src/saas/events.ts





/** Path of the events batch (the trailing slash is required). */
const EVENTS_BATCH_PATH = '/api/v1/events/batch/';
/** The sync protocol version kitty-origin speaks. */
const SYNC_PROTOCOL = '2.0';
function resultsOf(batch) {
    return batch.results.map(result => {
        const category = result.error_category ?? result.category ?? result.code ?? undefined;
        return {
            event_id: result.event_id,
            status: result.status,
            error: result.error,
            ...(category === undefined ? {} : { category })
        };
    });
}
function rejectionsIn(bodyText) {
    try {
        return resultsOf(EventBatchResponse.parse(JSON.parse(bodyText)));
    }
    catch {
        return undefined;
    }
}
/**
 * `POST /api/v1/events/batch/`, gzip-compressed, one attempt, without X-Team-Slug. Returns the
 * per-event results (a 400 with results is per-event rejections). Throws a retryable KittyError
 * when the events should stay queued (401/403/408/429/5xx, network, timeout), a final one
 * otherwise (a 412 names the server's guidance).
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
    if (isSuccess(outcome.status)) {
        return resultsOf(parseBody(EventBatchResponse, outcome.bodyText, 'events'));
    }
    const rejected = outcome.status === 400 ? rejectionsIn(outcome.bodyText) : undefined;
    if (rejected !== undefined)
        return rejected;
    throw saasErrorFrom(outcome.status, outcome.headers, outcome.bodyText, 'events');
}

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

;// CONCATENATED MODULE: ./src/saas/candidates.ts


/** The longest ticket key accepted; real Jira and Linear keys are far shorter. */
const MAX_KEY_LENGTH = 100;
/** The longest provider id accepted. */
const MAX_ID_LENGTH = 256;
/** The longest ticket title accepted (Jira allows 255, Linear a little more). */
const MAX_TITLE_LENGTH = 1_000;
/** The longest ticket URL accepted. */
const MAX_URL_LENGTH = 2_048;
/** The longest status kept; a longer one is shortened, it is only shown. */
const MAX_STATUS_LENGTH = 100;
/** The longest resource type or id kept from a search answer. */
const MAX_RESOURCE_LENGTH = 256;
/** A string, or a number as a string (ids may come as JSON numbers); else undefined. */
function textOf(value) {
    if (typeof value === 'string')
        return value;
    if (typeof value === 'number' && Number.isFinite(value))
        return String(value);
    return undefined;
}
/** True for an absolute `https:` or `http:` URL without spaces or invisible characters. */
function isWebUrl(url) {
    if (/\s/.test(url) || hasInvisible(url))
        return false;
    try {
        const parsed = new URL(url);
        return parsed.protocol === 'https:' || parsed.protocol === 'http:';
    }
    catch {
        return false;
    }
}
function shownKey(raw) {
    const key = oneLine(raw ?? '', MAX_KEY_LENGTH);
    return key === '' ? '(no key)' : key;
}
function refuse(key, reason) {
    return { ok: false, leftOut: { key: shownKey(key), reason } };
}
/**
 * One candidate of a search answer, read as leniently as spec-kitty reads it (null or missing
 * status is empty, an unknown `match_type` is `text`, a null body is none), refused only when it
 * could not be a correct origin: no id or key, a key or id with invisible characters, an
 * over-long key, id, title or URL, or a URL that is not `https:`/`http:`.
 */
function checkCandidate(raw) {
    const item = wire_objectOf(raw);
    if (item === undefined)
        return refuse(undefined, 'the Spec Kitty SaaS sent it without its fields');
    const key = textOf(item.external_issue_key)?.trim();
    const id = textOf(item.external_issue_id)?.trim();
    if (key === undefined || key === '')
        return refuse(key, 'it has no ticket key');
    if (key.length > MAX_KEY_LENGTH) {
        return refuse(key, `its key is longer than ${MAX_KEY_LENGTH} characters`);
    }
    if (hasInvisible(key) || /\s/.test(key)) {
        return refuse(key, 'its key contains spaces, control or invisible characters');
    }
    if (id === undefined || id === '')
        return refuse(key, 'it has no ticket id');
    if (id.length > MAX_ID_LENGTH || hasInvisible(id)) {
        return refuse(key, 'its ticket id is over-long or contains invisible characters');
    }
    const rawTitle = textOf(item.title) ?? '';
    if (rawTitle.length > MAX_TITLE_LENGTH) {
        return refuse(key, `its title is longer than ${MAX_TITLE_LENGTH} characters`);
    }
    const url = textOf(item.url)?.trim() ?? '';
    if (url.length > MAX_URL_LENGTH) {
        return refuse(key, `its URL is longer than ${MAX_URL_LENGTH} characters`);
    }
    if (!isWebUrl(url))
        return refuse(key, 'its URL is not an https: or http: address');
    const body = typeof item.body === 'string' ? item.body : undefined;
    return {
        ok: true,
        ticket: {
            external_issue_id: id,
            external_issue_key: key,
            title: oneLine(rawTitle),
            status: oneLine(textOf(item.status) ?? '', MAX_STATUS_LENGTH),
            url,
            match_type: item.match_type === 'exact' ? 'exact' : 'text',
            ...(body === undefined ? {} : { body })
        }
    };
}
function resourceText(value) {
    const text = oneLine(textOf(value) ?? '', MAX_RESOURCE_LENGTH);
    return text === '' ? null : text;
}
/**
 * A 200 search answer as spec-kitty reads it: a missing or null `candidates` is an empty list;
 * each candidate is checked by {@link checkCandidate}, and the refused ones are named in
 * `leftOut` with the reason. Returns undefined when the body is not a JSON object or its
 * `candidates` is neither a list nor null.
 */
function readSearchAnswer(json) {
    const body = wire_objectOf(json);
    if (body === undefined)
        return undefined;
    const listed = body.candidates;
    if (listed !== undefined && listed !== null && !Array.isArray(listed))
        return undefined;
    const raw = Array.isArray(listed) ? listed : [];
    const candidates = [];
    const leftOut = [];
    for (const item of raw) {
        const checked = checkCandidate(item);
        if (checked.ok)
            candidates.push(checked.ticket);
        else
            leftOut.push(checked.leftOut);
    }
    return {
        candidates,
        leftOut,
        resourceType: resourceText(body.resource_type),
        resourceId: resourceText(body.resource_id)
    };
}

;// CONCATENATED MODULE: ./src/saas/search.ts





/** Path of the issue search (the trailing slash is required). */
const ISSUE_SEARCH_PATH = '/api/v1/tracker/issue-search/';
/** Search backs off from 0.5 s, doubling, at most 4 s, all inside its deadline. */
const SEARCH_RETRY = { baseMs: 500, capMs: 4_000 };
/**
 * The search body: a key query sends `query_key` and the key as `query_text` (as spec-kitty's
 * `--from-ticket` does); free text sends `query_text` only, whatever it looks like.
 */
function issueSearchBody(route, query, limit) {
    const text = (query.kind === 'key' ? query.key : query.text).trim();
    return {
        provider: route.provider,
        limit,
        ...routingKey(route),
        ...(query.kind === 'key' ? { query_key: text } : {}),
        query_text: text
    };
}
/** The answer of a 200, read leniently; a body that is no JSON object cannot be read. */
function answerOf(bodyText) {
    let json;
    try {
        json = JSON.parse(bodyText);
    }
    catch {
        throw badResponse('search', 'body is not JSON');
    }
    const answer = readSearchAnswer(json);
    if (answer === undefined)
        throw badResponse('search', 'body is not an object with candidates');
    return answer;
}
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
        return { ok: true, value: answerOf(outcome.bodyText) };
    });
}

;// CONCATENATED MODULE: ./src/saas/team.ts






/** The one path without a trailing slash: the token's user and teams. */
const ME_PATH = '/api/v1/me';
/** The teams of the token's user, from `GET /api/v1/me` (names and ids one clean line each). */
async function fetchTeams(transport, deadlineMs) {
    const outcome = await exchange(transport, { method: 'GET', path: ME_PATH, timeoutMs: deadlineMs });
    if (outcome.kind !== 'response')
        throw transportError(outcome, 'team', deadlineMs);
    if (!isSuccess(outcome.status)) {
        throw saasErrorFrom(outcome.status, outcome.headers, outcome.bodyText, 'team');
    }
    const me = parseBody(MeResponse, outcome.bodyText, 'team');
    return (me.teams ?? []).map(team => ({
        id: team.id,
        name: oneLine(team.name ?? '', 100),
        isPrivateTeamspace: team.is_private_teamspace === true
    }));
}
function team_listed(teams) {
    if (teams.length === 0)
        return 'none';
    return teams
        .map(team => {
        const kind = team.isPrivateTeamspace ? ', private' : '';
        return `${team.name || '(unnamed)'} (id ${oneLine(team.id, 100)}${kind})`;
    })
        .join('; ');
}
/**
 * The team the tracker calls act for when `team-slug` is empty: the id of the only team that is
 * not a private teamspace. None or several is an error that lists the teams and asks for
 * `team-slug`.
 */
function collaborativeTeam(teams) {
    const shared = teams.filter(team => !team.isPrivateTeamspace && team.id.trim() !== '');
    const only = shared.length === 1 ? shared[0] : undefined;
    if (only !== undefined)
        return only.id.trim();
    const problem = shared.length === 0
        ? 'The Spec Kitty SaaS token belongs to no team other than a private teamspace'
        : 'The Spec Kitty SaaS token belongs to several teams';
    throw new errors/* KittyError */.si('saas-team-unresolved', `${problem}, so kitty-origin cannot tell which team to act for; set the \`team-slug\` input to the id of one team. Teams: ${team_listed(teams)}.`);
}
/** The id of the token user's private teamspace, when `GET /api/v1/me` lists exactly one. */
function privateTeamspace(teams) {
    const own = teams.filter(team => team.isPrivateTeamspace && team.id.trim() !== '');
    const only = own.length === 1 ? own[0] : undefined;
    return only === undefined ? null : only.id.trim();
}

;// CONCATENATED MODULE: ./src/saas/url.ts

function invalid(detail) {
    return new errors/* KittyError */.si('input-invalid', 'The Spec Kitty SaaS URL must be an http(s) address such as https://spec-kitty.example.com.', detail);
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
        throw new errors/* KittyError */.si('input-invalid', 'The `saas-token` input is empty; set it to a Spec Kitty SaaS token.');
    }
    if (/[\s\p{Cc}]/u.test(token)) {
        throw new errors/* KittyError */.si('input-invalid', 'The `saas-token` input contains spaces or line breaks; paste the token alone.');
    }
    return token;
}
/** Where and as whom: auth and User-Agent on every call; X-Team-Slug is added per tracker call. */
function baseTransport(options) {
    const token = checkedToken(options.token);
    return {
        baseUrl: normaliseBaseUrl(options.baseUrl),
        headers: { Authorization: `Bearer ${token}`, 'User-Agent': options.userAgent },
        fetch: options.fetch,
        secret: token
    };
}
/** Runs `load` once, on first use; a failure is remembered too (one lookup per run). */
function once(load) {
    let result;
    return () => (result ??= load());
}
/** A SaaS client over fetch; the options are checked once, here. */
function createSaasClient(options) {
    const base = baseTransport(options);
    const clock = {
        now: options.now ?? Date.now,
        sleep: options.sleep ?? (ms => (0,promises_.setTimeout)(ms)),
        random: options.random ?? Math.random
    };
    const searchMs = options.searchDeadlineMs ?? DEFAULT_DEADLINES.searchMs;
    const bindMs = options.bindDeadlineMs ?? DEFAULT_DEADLINES.bindMs;
    const eventsMs = options.eventsDeadlineMs ?? DEFAULT_DEADLINES.eventsMs;
    const teams = once(() => fetchTeams(base, searchMs));
    const given = options.teamSlug?.trim() ?? '';
    const team = once(async () => (given !== '' ? given : collaborativeTeam(await teams())));
    const tracker = async () => ({
        ...base,
        headers: { ...base.headers, 'X-Team-Slug': await team() }
    });
    return {
        searchIssues: async (route, query, limit) => searchIssues(await tracker(), clock, searchMs, issueSearchBody(route, query, limit)),
        bindMissionOrigin: async (route, mission, ticket) => bind_bindMissionOrigin(await tracker(), clock, bindMs, bindRequestBody(route, mission, ticket), bindIdempotencyKey({
            repo: mission.repo,
            missionId: mission.missionId,
            externalIssueId: ticket.external_issue_id
        })),
        sendEvents: events => sendEvents(base, eventsMs, events),
        privateTeamspaceId: async () => {
            try {
                return privateTeamspace(await teams());
            }
            catch {
                return null;
            }
        }
    };
}

;// CONCATENATED MODULE: ./src/version.ts
/** kitty-origin's version, as package.json states it (a test keeps the two equal). */
const VERSION = '0.1.0';
/** The User-Agent kitty-origin sends to GitHub and the SaaS. */
const USER_AGENT = `kitty-origin/${VERSION}`;

;// CONCATENATED MODULE: ./src/wiring.ts
/**
 * The composition root: the one place that reads the runner's environment for the clients, binds
 * the `Log` port to the runner, and builds the proxy, the GitHub client, the SaaS client and the
 * ports of every flow. Nothing else builds a client or touches `@actions/core` (except main.ts,
 * which owns the step's inputs and outputs).
 */















/** The runner's log, as every module that takes the `Log` port receives it. */
const runnerLog = {
    debug: core.debug,
    info: core.info,
    warning: core.warning,
    error: core.error
};
function network(inputs, env, options) {
    const proxy = proxyNetwork(env);
    const github = createGitHubClient({
        token: inputs.githubToken,
        baseUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
        userAgent: USER_AGENT,
        logger: runnerLog,
        // No pause between writes: with the throttling plugin's default spacing (1 s between writes,
        // 3 s between writes that notify people) a confirm's reply came after 9.4 s instead of
        // 1.1 to 2.4 s in `npm run bench` (Node 24). A run makes about ten writes, far below GitHub's
        // secondary limits, and a secondary limit GitHub does report is still waited out and retried.
        writeIntervalMs: 0,
        fetch: options.fetch ?? proxy?.fetch
    });
    return { proxy, github };
}
function saasClient(saas, proxy) {
    return createSaasClient({
        baseUrl: saas.saasUrl,
        token: saas.saasToken,
        ...(saas.teamSlug === undefined ? {} : { teamSlug: saas.teamSlug }),
        userAgent: USER_AGENT,
        fetch: proxy?.fetch
    });
}
/**
 * The flows' context for a comment command or a dispatch: GitHub, the SaaS, events, clock. Notes
 * for the job summary (an event dropped or not sent) are pushed to `notes`.
 */
function botContext(inputs, trigger, env, options, notes) {
    const repo = { owner: trigger.source.owner, repo: trigger.source.repo };
    const { saasUrl, saasToken } = (0,src_inputs/* requireSaasInputs */.Rq)(inputs);
    const { proxy, github } = network(inputs, env, options);
    const saas = saasClient({ saasUrl, saasToken, teamSlug: inputs.teamSlug }, proxy);
    const serverUrl = env.GITHUB_SERVER_URL ?? 'https://github.com';
    const nowMs = options.nowMs ?? Date.now;
    // Events are opt-in, as in spec-kitty: without `emit-events` nothing is sent or drained.
    const events = inputs.emitEvents
        ? createMissionEventEmitter({
            repoSlug: `${repo.owner}/${repo.repo}`,
            store: createGitHubOutboxStore(github, repo, { log: runnerLog }),
            branchHead: branch => getBranchHead(github, repo, branch),
            saas,
            saasOrigin: normaliseBaseUrl(saasUrl),
            log: runnerLog,
            note: text => notes.push(text),
            nowMs
        })
        : undefined;
    return {
        inputs,
        source: trigger.source,
        conversation: gitHubConversation(github, repo),
        repository: gitHubRepository(github, repo, message => {
            runnerLog.warning(`Permission check failed, so access is denied: ${message}`);
        }),
        saas,
        stateKey: deriveStateKey({
            saasToken,
            ...(inputs.stateSecret === undefined ? {} : { stateSecret: inputs.stateSecret })
        }),
        nowMs,
        newUlid: () => (0,node/* ulid */.Z0)(),
        runId: env.GITHUB_RUN_ID ?? '',
        runUrl: `${serverUrl}/${repo.owner}/${repo.repo}/actions/runs/${env.GITHUB_RUN_ID ?? ''}`,
        log: runnerLog,
        emitEvent: async (mission, project) => (await events?.emit(mission, project)) ?? false,
        drainEvents: async () => events?.drain()
    };
}
/**
 * The pull request check's ports: GitHub, the runner's annotations, and the SaaS when both of its
 * inputs are set (with a warning when only one is: GitHub gives no secrets to pull requests from
 * forks, so typically the token is missing).
 */
function verifyPorts(inputs, trigger, env, options = {}) {
    const repo = { owner: trigger.source.owner, repo: trigger.source.repo };
    const { proxy, github } = network(inputs, env, options);
    const { saasUrl, saasToken, teamSlug } = inputs;
    if ((saasUrl === undefined) !== (saasToken === undefined)) {
        const empty = saasUrl === undefined ? 'saas-url' : 'saas-token';
        runnerLog.warning(`Input \`${empty}\` is empty, so origin tickets are not re-checked at the Spec Kitty SaaS (GitHub gives no secrets to pull requests from forks).`);
    }
    const saas = saasUrl === undefined || saasToken === undefined
        ? undefined
        : saasClient({ saasUrl, saasToken, teamSlug }, proxy);
    return {
        async listChangedFiles(pullNumber) {
            const files = await listPullRequestFiles(github, repo, pullNumber);
            return { files, complete: files.length < MAX_LISTED_PULL_FILES };
        },
        readFile: (path, ref) => readTextFile(github, repo, path, ref),
        entryAt: (ref, path) => treeEntryAt(github, repo, ref, path),
        listTree: (sha, recursive) => recursive
            ? listTreeRecursive(github, repo, sha).then(tree => tree?.items ?? null)
            : listTreeEntries(github, repo, sha),
        ...(saas === undefined ? {} : { saas }),
        annotations: options.annotations ?? { error: core.error, notice: core.notice },
        log: runnerLog
    };
}

;// CONCATENATED MODULE: ./src/bot.ts





/** The report with the run's notes added after its own. */
function withNotes(report, notes) {
    if (notes.length === 0)
        return report;
    return { ...report, notes: [...(report.notes ?? []), ...notes] };
}
/** Runs the flow the trigger asks for, over the ports the composition root builds. */
async function runBot(inputs, trigger, env, options = {}) {
    if (trigger.kind === 'verify') {
        return runVerify(inputs, trigger, verifyPorts(inputs, trigger, env, options));
    }
    const notes = [];
    const real = botContext(inputs, trigger, env, options, notes);
    // A dry run runs the same flows over ports that read for real and only record their writes.
    const dry = inputs.dryRun ? dryRunContext(real) : undefined;
    const context = dry?.context ?? real;
    const finish = (report) => withNotes(dry?.finish(report) ?? report, notes);
    if (trigger.kind === 'command')
        return finish(await handleCommand(context, trigger));
    return finish(await handleDispatch(context));
}


/***/ })

};
