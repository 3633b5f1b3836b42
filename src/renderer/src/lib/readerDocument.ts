import type { LineSpacing, LineWidth, ReadingFont, Theme } from '../stores/settings'
import { LINE_HEIGHTS, LINE_WIDTH_CH } from '../stores/settings'

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
  --hl-ink: #1d1a15;
  --hl-yellow: #fbe38e;
  --hl-green: #c8ecc0;
  --hl-blue: #c6e0fa;
  --hl-pink: #f9cfe0;
  --hl-purple: #e2d5f8;
  --hl-ring: #2f5a7e;
  --measure: 68ch;
  --leading: 1.6;
  --face: 'Iowan Old Style', 'Palatino Linotype', Palatino, 'PT Serif', 'Noto Serif', Georgia, 'DejaVu Serif', serif;
}
:root[data-theme='sepia'] {
  --paper: #f3e7cf;
  --ink: #3b2f21;
  --ink-soft: #5e4c37;
  --rule: #dcc9a6;
  --link: #7a4216;
  --quote: #c8b086;
  --code-bg: #eadbbd;
  --hl-ring: #7a4216;
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
  --hl-ink: #f5f3ee;
  --hl-yellow: #665516;
  --hl-green: #275a3f;
  --hl-blue: #22507a;
  --hl-pink: #72304f;
  --hl-purple: #51407e;
  --hl-ring: #9cc2ea;
}
:root[data-font='sans'] {
  --face: system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif;
}
mark.lectern-hl {
  color: var(--hl-ink);
  background: var(--hl-yellow);
  border-radius: 2px;
  padding: 0.05em 0;
  cursor: pointer;
  box-decoration-break: clone;
  -webkit-box-decoration-break: clone;
}
mark.lectern-hl[data-color='green'] { background: var(--hl-green); }
mark.lectern-hl[data-color='blue'] { background: var(--hl-blue); }
mark.lectern-hl[data-color='pink'] { background: var(--hl-pink); }
mark.lectern-hl[data-color='purple'] { background: var(--hl-purple); }
mark.lectern-hl[data-note]::after {
  content: '✎';
  font-size: 0.7em;
  vertical-align: super;
  margin-left: 0.1em;
  color: var(--ink-soft);
}
mark.lectern-hl.is-active {
  outline: 2px solid var(--hl-ring);
  outline-offset: 1px;
}
@media print {
  :root, :root[data-theme] {
    --paper: #ffffff;
    --ink: #000000;
    --ink-soft: #333333;
    --link: #000000;
  }
  html { background: #ffffff; }
  body { padding: 0 40px !important; }
  mark.lectern-hl { background: none !important; border-bottom: 2px solid #777; }
  a { text-decoration: underline; }
}
html {
  overflow: hidden;
  background: var(--paper);
  color: var(--ink);
}
body {
  margin: 0;
  padding: 0.5rem 2.5rem 4rem;
  font-family: var(--face);
  line-height: var(--leading);
  font-kerning: normal;
  text-rendering: optimizeLegibility;
  -webkit-font-smoothing: antialiased;
  overflow-wrap: break-word;
  hyphens: auto;
}
article {
  max-width: var(--measure);
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
/* A picture the saved page did not carry: its description and address, set apart from the text. */
.lectern-remote-image, .lectern-remote-video, .lectern-remote-audio {
  display: block;
  margin: 0.2em 0 1.05em;
  padding: 0.55em 0.8em;
  border: 1px dashed var(--rule);
  border-radius: 6px;
  font-size: 0.78em;
  line-height: 1.45;
  color: var(--ink-soft);
  overflow-wrap: anywhere;
  hyphens: none;
}
/* Once the reader has labelled it (data-label, in the interface language), the label shows instead of
   the stored text, which stays in the document so highlights keep their places. */
.lectern-remote-image[data-label], .lectern-remote-video[data-label], .lectern-remote-audio[data-label] {
  font-size: 0;
  padding: calc(var(--reading-px, 18px) * 0.43) calc(var(--reading-px, 18px) * 0.62);
}
.lectern-remote-image[data-label]::before, .lectern-remote-video[data-label]::before,
.lectern-remote-audio[data-label]::before {
  content: attr(data-label);
  font-size: calc(var(--reading-px, 18px) * 0.78);
}
/* The article's own first heading when it repeats the title the window already shows above. */
.lectern-offscreen {
  position: absolute !important;
  width: 1px;
  height: 1px;
  margin: -1px;
  overflow: hidden;
  clip: rect(0 0 0 0);
  white-space: nowrap;
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
  /** The frame document's own title, for assistive technology. */
  title?: string
  language: string | null
  theme: Theme
  fontSize: number
  readingFont?: ReadingFont
  lineWidth?: LineWidth
  lineSpacing?: LineSpacing
}

/** The typography settings as the frame's root attributes and custom properties. */
export function presentationStyle(options: {
  fontSize: number
  lineWidth?: LineWidth
  lineSpacing?: LineSpacing
}): string {
  const measure = LINE_WIDTH_CH[options.lineWidth ?? 'medium']
  const leading = LINE_HEIGHTS[options.lineSpacing ?? 'normal']
  const size = Math.round(options.fontSize)
  return `--measure: ${measure}ch; --leading: ${leading}; --reading-px: ${size}px; font-size: ${size}px`
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
    `<html${language ? ` lang="${language}"` : ''} data-theme="${options.theme}" data-font="${options.readingFont ?? 'serif'}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(READER_CSP)}">`,
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeAttribute(options.title ?? '')}</title>`,
    `<style>${READER_STYLES}</style>`,
    '</head>',
    `<body style="${presentationStyle(options)}">`,
    `<main><article>${options.contentHtml}</article></main>`,
    '</body>',
    '</html>',
  ].join('')
}
