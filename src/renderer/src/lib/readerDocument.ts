import type { Theme } from '../stores/settings'

/** The reading frame allows nothing but inline styles and local images. */
export const READER_CSP = "default-src 'none'; img-src data: blob:; style-src 'unsafe-inline'"

const READER_STYLES = `
:root {
  color-scheme: light;
  --paper: #fbf8f1;
  --ink: #23201b;
  --ink-soft: #554e44;
  --rule: #ddd3c2;
  --link: #2f5a7e;
  --quote: #c4b7a2;
  --code-bg: #efe8da;
}
:root[data-theme='night'] {
  color-scheme: dark;
  --paper: #232d3c;
  --ink: #e4e8ee;
  --ink-soft: #b5beca;
  --rule: #324053;
  --link: #9cc2ea;
  --quote: #46566d;
  --code-bg: #1c2431;
}
html {
  overflow: hidden;
  background: var(--paper);
  color: var(--ink);
}
body {
  margin: 0;
  padding: 0.5rem 2.5rem 4rem;
  font-family: 'Iowan Old Style', 'Palatino Linotype', Palatino, 'PT Serif', 'Noto Serif', Georgia, 'DejaVu Serif', serif;
  line-height: 1.6;
  font-kerning: normal;
  text-rendering: optimizeLegibility;
  -webkit-font-smoothing: antialiased;
  overflow-wrap: break-word;
  hyphens: auto;
}
article {
  max-width: 68ch;
  margin: 0 auto;
}
p, ul, ol, dl, blockquote, figure, pre, table {
  margin: 0 0 1.05em;
}
h1, h2, h3, h4, h5, h6 {
  margin: 1.6em 0 0.55em;
  line-height: 1.25;
  font-weight: 600;
}
h1 { font-size: 1.6em; }
h2 { font-size: 1.35em; }
h3 { font-size: 1.15em; }
h4, h5, h6 { font-size: 1em; }
a {
  color: var(--link);
  text-decoration-thickness: 1px;
  text-underline-offset: 0.15em;
}
a:focus-visible {
  outline: 2px solid var(--link);
  outline-offset: 2px;
}
blockquote {
  margin-left: 0;
  padding-left: 1.1em;
  border-left: 3px solid var(--quote);
  color: var(--ink-soft);
}
img, video, svg {
  max-width: 100%;
  height: auto;
}
figure {
  margin-left: 0;
  margin-right: 0;
}
figcaption {
  margin-top: 0.4em;
  font-size: 0.85em;
  color: var(--ink-soft);
}
hr {
  border: 0;
  border-top: 1px solid var(--rule);
  margin: 2em 0;
}
pre, code {
  font-family: ui-monospace, 'SF Mono', Menlo, Consolas, 'DejaVu Sans Mono', monospace;
  font-size: 0.88em;
}
pre {
  overflow-x: auto;
  padding: 0.8em 1em;
  background: var(--code-bg);
  border-radius: 6px;
}
table {
  display: block;
  overflow-x: auto;
  border-collapse: collapse;
}
th, td {
  padding: 0.3em 0.6em;
  border: 1px solid var(--rule);
  text-align: left;
}
`

export interface ReaderDocumentOptions {
  contentHtml: string
  language: string | null
  theme: Theme
  fontSize: number
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/**
 * The srcdoc for the sandboxed reading frame. `contentHtml` was sanitised by the engine;
 * the CSP inside the frame is a second wall: no script, no network, no remote fonts.
 */
export function buildReaderDocument(options: ReaderDocumentOptions): string {
  const language = options.language && /^[a-z]{2,3}$/.test(options.language) ? options.language : ''
  return [
    '<!doctype html>',
    `<html${language ? ` lang="${language}"` : ''} data-theme="${options.theme}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(READER_CSP)}">`,
    '<meta name="referrer" content="no-referrer">',
    `<style>${READER_STYLES}</style>`,
    '</head>',
    `<body style="font-size: ${Math.round(options.fontSize)}px">`,
    `<article>${options.contentHtml}</article>`,
    '</body>',
    '</html>',
  ].join('')
}
