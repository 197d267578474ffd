/**
 * The screenshots' HTML: GitHub-flavoured markdown rendered the way GitHub renders a comment
 * (marked for GFM, GitHub's HTML allow-list, mentions and issue references as links) inside
 * frames shaped like GitHub's: a timeline comment with its author and reactions, a pull request,
 * a job summary. Pure: the stylesheet is passed in.
 */
import { Marked } from 'marked'
import type { TokenizerAndRendererExtension, Tokens } from 'marked'

/** Tags GitHub keeps in user markdown (a subset of its sanitiser's allow-list); others are shown as text. */
const ALLOWED_TAGS = new Set([
  'a',
  'b',
  'blockquote',
  'br',
  'code',
  'del',
  'details',
  'div',
  'em',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'i',
  'img',
  'ins',
  'kbd',
  'li',
  'ol',
  'p',
  'pre',
  's',
  'span',
  'strong',
  'sub',
  'summary',
  'sup',
  'table',
  'tbody',
  'td',
  'th',
  'thead',
  'tr',
  'ul'
])

/** `text` with `&`, `<`, `>` and `"` as entities, safe inside HTML text and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
}

/** Raw HTML as GitHub shows it: comments hidden, allowed tags kept, anything else as text. */
function sanitiseHtml(html: string): string {
  return html.replace(
    /<!--[\s\S]*?(?:-->|$)|<\/?([A-Za-z][A-Za-z0-9]*)\b[^>]*>|[<>]/g,
    (match, tag?: string) => {
      if (match.startsWith('<!--')) return ''
      if (tag !== undefined && ALLOWED_TAGS.has(tag.toLowerCase()) && !/\son\w+\s*=/i.test(match)) {
        return match
      }
      return escapeHtml(match)
    }
  )
}

/** `@login` as GitHub links it (not inside a link, not after a word character). */
const mention: TokenizerAndRendererExtension = {
  name: 'mention',
  level: 'inline',
  start: src => /(?:^|[^\w`])@[A-Za-z0-9]/.exec(src)?.index,
  tokenizer(src) {
    if (this.lexer.state.inLink) return undefined
    const found = /^@([A-Za-z0-9](?:-?[A-Za-z0-9]){0,38})(?![A-Za-z0-9-])/.exec(src)
    return found === null ? undefined : { type: 'mention', raw: found[0], login: found[1] ?? '' }
  },
  renderer: token =>
    `<a class="user-mention" href="https://github.com/${escapeHtml(String(token.login))}">` +
    `${escapeHtml(token.raw)}</a>`
}

/** `#123` as GitHub links it to the issue or pull request. */
const issueReference: TokenizerAndRendererExtension = {
  name: 'issueReference',
  level: 'inline',
  start: src => /(?:^|[^\w&`])#\d/.exec(src)?.index,
  tokenizer(src) {
    if (this.lexer.state.inLink) return undefined
    const found = /^#(\d+)(?![\w-])/.exec(src)
    return found === null
      ? undefined
      : { type: 'issueReference', raw: found[0], number: found[1] ?? '' }
  },
  renderer: token => `<a class="issue-link" href="#">${escapeHtml(token.raw)}</a>`
}

function createMarked(breaks: boolean): Marked {
  const marked = new Marked({ gfm: true, breaks, async: false })
  marked.use({
    extensions: [mention, issueReference],
    renderer: {
      html: ({ text }: Tokens.HTML | Tokens.Tag) => sanitiseHtml(text)
    }
  })
  return marked
}

const renderers = { comment: createMarked(true), document: createMarked(false) }

/**
 * GitHub-flavoured markdown as the HTML GitHub would show: tables, task lists, code spans and
 * autolinks; HTML comments hidden and tags off GitHub's allow-list escaped; `@login` and `#123`
 * linked unless something (such as a zero-width space) breaks them. In a `comment` (issue and
 * pull request comments and descriptions) a line break is a line break, as on GitHub; in a
 * `document` (a job summary) it is a space.
 */
export function markdownToHtml(markdown: string, kind: 'comment' | 'document' = 'comment'): string {
  return renderers[kind].parse(markdown, { async: false })
}

/** A comment in an issue's timeline. */
export interface CommentFrame {
  kind: 'comment'
  author: string
  /** A bot's comment gets GitHub's "bot" label. */
  bot: boolean
  markdown: string
  /** Reactions on the comment, as emoji, in order. */
  reactions?: readonly string[]
}

/** A pull request's title and description. */
export interface PullRequestFrame {
  kind: 'pull-request'
  number: number
  title: string
  author: string
  head: string
  base: string
  markdown: string
}

/** A workflow run's job summary. */
export interface SummaryFrame {
  kind: 'summary'
  title: string
  markdown: string
}

/** One piece of a screenshot. */
export type Frame = CommentFrame | PullRequestFrame | SummaryFrame

const AVATAR_COLOURS = ['#0969da', '#8250df', '#bf3989', '#1a7f37', '#9a6700', '#cf222e']

function avatar(login: string, bot: boolean): string {
  const colour = bot
    ? '#24292f'
    : (AVATAR_COLOURS[login.charCodeAt(0) % AVATAR_COLOURS.length] ?? '#0969da')
  const letter = bot ? '⚙' : login.charAt(0).toUpperCase()
  return `<div class="avatar" style="background:${colour}">${escapeHtml(letter)}</div>`
}

/** Counts repeated reactions as GitHub does: `👀 1`, `🚀 1`. */
function reactionsHtml(reactions: readonly string[]): string {
  if (reactions.length === 0) return ''
  const counts = new Map<string, number>()
  for (const reaction of reactions) counts.set(reaction, (counts.get(reaction) ?? 0) + 1)
  const chips = [...counts].map(
    ([emoji, count]) => `<span class="reaction">${escapeHtml(emoji)} <span>${count}</span></span>`
  )
  return `<div class="reactions">${chips.join('')}</div>`
}

function frameHtml(frame: Frame): string {
  switch (frame.kind) {
    case 'comment':
      return (
        `<div class="timeline-item">${avatar(frame.author, frame.bot)}<div class="comment">` +
        `<div class="comment-header"><strong>${escapeHtml(frame.author)}</strong>` +
        `${frame.bot ? ' <span class="label">bot</span>' : ''} commented</div>` +
        `<div class="markdown-body comment-body">${markdownToHtml(frame.markdown)}</div>` +
        `${reactionsHtml(frame.reactions ?? [])}</div></div>`
      )
    case 'pull-request':
      return (
        `<div class="pr-header"><h1 class="pr-title">${escapeHtml(frame.title)} ` +
        `<span class="pr-number">#${frame.number}</span></h1>` +
        `<div class="pr-meta"><span class="state">Open</span> <strong>${escapeHtml(frame.author)}</strong> ` +
        `wants to merge 1 commit into <code>${escapeHtml(frame.base)}</code> from ` +
        `<code>${escapeHtml(frame.head)}</code></div></div>` +
        `<div class="timeline-item">${avatar(frame.author, true)}<div class="comment">` +
        `<div class="comment-header"><strong>${escapeHtml(frame.author)}</strong> ` +
        '<span class="label">bot</span> commented</div>' +
        `<div class="markdown-body comment-body">${markdownToHtml(frame.markdown)}</div></div></div>`
      )
    case 'summary':
      return (
        `<div class="summary"><div class="summary-header">${escapeHtml(frame.title)}</div>` +
        `<div class="markdown-body comment-body">${markdownToHtml(frame.markdown, 'document')}</div></div>`
      )
  }
}

const FRAME_CSS = `
body { margin: 0; background: #ffffff; }
.shot { box-sizing: border-box; padding: 16px 24px 8px 16px; font-family: -apple-system,
  BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif, "Apple Color Emoji",
  "Segoe UI Emoji", "Noto Color Emoji"; font-size: 14px; color: #1f2328; }
.timeline-item { display: flex; gap: 16px; margin-bottom: 16px; }
.avatar { flex: none; width: 40px; height: 40px; border-radius: 50%; color: #fff; font-weight: 600;
  font-size: 18px; line-height: 40px; text-align: center; }
.comment { flex: auto; min-width: 0; border: 1px solid #d1d9e0; border-radius: 6px; }
.comment-header { background: #f6f8fa; border-bottom: 1px solid #d1d9e0; border-radius: 6px 6px 0 0;
  padding: 8px 16px; color: #59636e; }
.comment-header strong { color: #1f2328; }
.label { border: 1px solid #d1d9e0; border-radius: 2em; padding: 0 7px; font-size: 12px;
  line-height: 18px; font-weight: 500; }
.comment-body { padding: 16px; font-size: 14px; }
.reactions { display: flex; gap: 6px; padding: 0 16px 16px; }
.reaction { border: 1px solid #d1d9e0; border-radius: 100px; padding: 0 10px; font-size: 12px;
  line-height: 26px; background: #f6f8fa; color: #59636e; }
.pr-header { margin: 0 0 16px; padding-bottom: 12px; border-bottom: 1px solid #d1d9e0; }
.pr-title { font-size: 26px; font-weight: 400; margin: 0 0 8px; line-height: 1.25; }
.pr-number { color: #59636e; font-weight: 300; }
.pr-meta { color: #59636e; }
.pr-meta code { font-size: 12px; background: #ddf4ff; color: #0969da; padding: 2px 6px;
  border-radius: 6px; }
.state { display: inline-block; background: #1f883d; color: #fff; border-radius: 2em;
  padding: 4px 12px; font-weight: 500; margin-right: 6px; }
.summary { border: 1px solid #d1d9e0; border-radius: 6px; margin-bottom: 16px; }
.summary-header { background: #f6f8fa; border-bottom: 1px solid #d1d9e0; border-radius: 6px 6px 0 0;
  padding: 10px 16px; font-weight: 600; }
.markdown-body { background: transparent; }
.markdown-body a.user-mention { font-weight: 600; color: #1f2328; }
.markdown-body a.issue-link { color: #0969da; }
`

/**
 * A whole page of frames, `width` pixels wide, styled with `markdownCss` (github-markdown-css's
 * light theme) and the frames' own rules. The frames sit in `#shot`, the element to capture.
 */
export function pageHtml(frames: readonly Frame[], markdownCss: string, width: number): string {
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<style>${markdownCss}\n${FRAME_CSS}\n.shot { width: ${width}px; }</style>`,
    '</head><body>',
    `<div class="shot" id="shot">${frames.map(frameHtml).join('\n')}</div>`,
    '</body></html>'
  ].join('\n')
}
