import { describe, expect, it } from '@jest/globals'
import { renderCandidateComment, renderRefusal } from '../../src/chatops/render.js'
import { escapeHtml, markdownToHtml, pageHtml } from '../../scripts/screenshots/html.js'

describe('markdownToHtml', () => {
  it('renders a GFM table with a header row and a code span', () => {
    const html = markdownToHtml('| # | ticket |\n|--:|---|\n| 1 | `WEB-1` |')
    expect(html).toContain('<th align="right">#</th>')
    expect(html).toContain('<td><code>WEB-1</code></td>')
  })

  it('shows code as code: angle brackets inside a code span are text, not tags or entities', () => {
    expect(markdownToHtml('run `/kitty start-from <ticket>` again')).toBe(
      '<p>run <code>/kitty start-from &lt;ticket&gt;</code> again</p>\n'
    )
  })

  it('links a mention and an issue reference as GitHub does', () => {
    const html = markdownToHtml('@ana see #42')
    expect(html).toContain('<a class="user-mention" href="https://github.com/ana">@ana</a>')
    expect(html).toContain('<a class="issue-link" href="#">#42</a>')
  })

  it('does not link what a zero-width space breaks, nor an address or a heading', () => {
    const html = markdownToHtml('@&#8203;ana #&#8203;42 ana@example.com')
    expect(html).not.toContain('user-mention')
    expect(html).not.toContain('issue-link')
  })

  it('does not link a reference inside a link', () => {
    const html = markdownToHtml('[PR #43](https://github.com/acme/web/pull/43)')
    expect(html).toBe('<p><a href="https://github.com/acme/web/pull/43">PR #43</a></p>\n')
  })

  it('hides HTML comments, keeps allowed tags and shows other tags as text', () => {
    const html = markdownToHtml(
      'a <sub>small</sub> <script>x()</script> <b onclick="x()">b</b>\n\n<!-- kitty-origin:state v1 x.y -->'
    )
    expect(html).toContain('<sub>small</sub>')
    expect(html).toContain('&lt;script&gt;x()&lt;/script&gt;')
    expect(html).toContain('&lt;b onclick=&quot;x()&quot;&gt;')
    expect(html).not.toContain('kitty-origin:state')
  })

  it('breaks lines in a comment but not in a document', () => {
    expect(markdownToHtml('a\nb')).toBe('<p>a<br>b</p>\n')
    expect(markdownToHtml('a\nb', 'document')).toBe('<p>a\nb</p>\n')
  })

  it('renders a real candidate list: the table, the commands as code, the marker hidden', () => {
    const body = renderCandidateComment({
      state: {
        v: 1,
        repo: 'acme/web',
        issue: 42,
        requester: 'ana',
        query: 'Clerk @ana',
        provider: 'linear',
        routing: { project_slug: 'acme-web' },
        resource_type: 'linear_team',
        resource_id: 'team',
        candidates: [
          {
            external_issue_id: '1',
            external_issue_key: 'WEB-1',
            title: 'Add <b>Clerk</b> | auth',
            status: 'Todo',
            url: 'https://linear.app/acme/issue/WEB-1',
            match_type: 'text'
          }
        ],
        nonce: 'AAECAwQFBgcICQoLDA0ODw',
        created_at: 0,
        expires_at: 86_400_000,
        status: 'open'
      },
      marker: '<!-- kitty-origin:state v1 cGF5bG9hZA.c2ln -->',
      prefix: '/kitty',
      scopeLabel: 'team acme-web'
    })
    const html = markdownToHtml(body)
    expect(html).toContain('<td>Add &lt;b&gt;Clerk&lt;/b&gt; | auth</td>')
    expect(html).toContain('<code>/kitty confirm 1</code>')
    expect(html).not.toContain('user-mention')
    expect(html).not.toContain('kitty-origin:state')
  })

  it('renders a refusal with its code span, not literal backticks', () => {
    const html = markdownToHtml(renderRefusal('Run `/kitty start-from <ticket>` again.'))
    expect(html).toBe('<p>😕 Run <code>/kitty start-from &lt;ticket&gt;</code> again.</p>\n')
  })
})

describe('pageHtml', () => {
  it('frames a comment with its author, the bot label and counted reactions', () => {
    const page = pageHtml(
      [
        {
          kind: 'comment',
          author: 'ana',
          bot: false,
          markdown: 'hi',
          reactions: ['👀', '👀', '🚀']
        },
        { kind: 'comment', author: 'github-actions[bot]', bot: true, markdown: '**ok**' }
      ],
      '.markdown-body{}',
      800
    )
    expect(page).toContain('.shot { width: 800px; }')
    expect(page).toContain('<strong>ana</strong> commented')
    expect(page).toContain('<strong>github-actions[bot]</strong> <span class="label">bot</span>')
    expect(page).toContain('👀 <span>2</span>')
    expect(page).toContain('🚀 <span>1</span>')
    expect(page).toContain('<p><strong>ok</strong></p>')
  })

  it('frames a pull request and a job summary, escaping their titles', () => {
    const page = pageHtml(
      [
        {
          kind: 'pull-request',
          number: 43,
          title: 'Start <mission>',
          author: 'github-actions[bot]',
          head: 'kitty-origin/x',
          base: 'main',
          markdown: 'body'
        },
        { kind: 'summary', title: 'kitty-origin summary', markdown: '## Done\nnext' }
      ],
      '',
      800
    )
    expect(page).toContain('Start &lt;mission&gt; <span class="pr-number">#43</span>')
    expect(page).toContain('into <code>main</code> from <code>kitty-origin/x</code>')
    expect(page).toContain('<h2>Done</h2>\n<p>next</p>')
  })

  it('escapes HTML text and attribute characters', () => {
    expect(escapeHtml('<a href="x">&</a>')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;')
  })
})
