// axe-core in the window and in the reading frame (another document, so it runs there too).
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Frame, Page } from '@playwright/test'

const axeSource = readFileSync(createRequire(__filename).resolve('axe-core/axe.min.js'), 'utf8')

export interface AxeProblem {
  rule: string
  impact: string
  help: string
  targets: string[]
}

interface AxeResults {
  violations: Array<{
    id: string
    impact: string | null
    help: string
    nodes: Array<{ target: unknown[]; failureSummary?: string }>
  }>
}

async function runIn(frame: Frame): Promise<AxeProblem[]> {
  // evaluate() runs outside the page's Content-Security-Policy, which would refuse an injected script.
  if (!(await frame.evaluate(() => 'axe' in window))) await frame.evaluate(axeSource)
  const results = await frame.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<unknown> } })
      .axe
    // Each document is checked in its own run: the reading frame allows no script to answer axe's messages.
    return (await axe.run(document, { iframes: false, resultTypes: ['violations'] })) as AxeResults
  })
  return results.violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact ?? 'unknown',
    help: violation.help,
    targets: violation.nodes.map(
      (node) => `${JSON.stringify(node.target)}${node.failureSummary ? `: ${node.failureSummary}` : ''}`,
    ),
  }))
}

/**
 * Every axe violation in the page and in each of its frames. The reading frame runs no script
 * (its timers never fire, so axe would never finish there): its document, as it stands, is
 * checked as a page of its own.
 */
export async function axeViolations(page: Page): Promise<AxeProblem[]> {
  const problems = await runIn(page.mainFrame())
  const frames = page.frames().filter((frame) => frame !== page.mainFrame() && !frame.isDetached())
  if (frames.length === 0) return problems
  const copy = await page.context().newPage()
  try {
    await copy.setViewportSize(page.viewportSize() ?? { width: 1280, height: 720 })
    for (const frame of frames) {
      await copy.setContent(await frame.content())
      problems.push(
        ...(await runIn(copy.mainFrame())).map((problem) => ({ ...problem, rule: `frame: ${problem.rule}` })),
      )
    }
  } finally {
    await copy.close()
  }
  return problems
}

/** The violations that count as serious or critical. */
export const seriousOrCritical = (problems: AxeProblem[]) =>
  problems.filter((problem) => problem.impact === 'serious' || problem.impact === 'critical')
