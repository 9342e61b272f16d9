// Browser journeys against a running Tongban (Debian Chromium through playwright-core, axe-core checks).
// node e2e/run.mjs --base http://localhost:8080 --out target/browser-artifacts [--screenshots ../../../docs/images]
// [--only name,name]. Every journey fails on a console error or page error and on serious/critical axe
// violations; a failing journey leaves <out>/<journey>.png and <out>/<journey>.console.txt. Exit code 1 if any fails.
import { chromium, selectors } from 'playwright-core'
import { readFile, mkdir, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import { journeys } from './journeys.mjs'

const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => {
  if (a.startsWith('--')) acc.push([a.slice(2), all[i + 1]?.startsWith('--') ? 'true' : all[i + 1]])
  return acc
}, []))
const base = (args.base ?? 'http://localhost:8080').replace(/\/$/, '')
const out = path.resolve(args.out ?? 'target/browser-artifacts')
const screenshots = args.screenshots ? path.resolve(args.screenshots) : null
const only = args.only ? args.only.split(',') : null
await mkdir(out, { recursive: true })
if (screenshots) await mkdir(screenshots, { recursive: true })

selectors.setTestIdAttribute('data-test')
const require = createRequire(import.meta.url)
const axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8')

const browser = await chromium.launch({
  executablePath: process.env.TONGBAN_CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
})

/** API calls for the steps the browser does not do yet (approvers, until their workbench exists). */
const tokens = new Map()
async function api(user, method, url, body, type = 'application/json') {
  if (!tokens.has(user)) {
    const r = await fetch(`${base}/api/v1/auth/tokens`, {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: user, password: 'Tongban@2026' }),
    })
    if (r.status !== 201) throw new Error(`token for ${user}: HTTP ${r.status} ${await r.text()}`)
    tokens.set(user, (await r.json()).token)
  }
  const r = await fetch(`${base}/api/v1${url}`, {
    method, headers: { Authorization: `Bearer ${tokens.get(user)}`, ...(body ? { 'Content-Type': type } : {}) },
    body: body ? (type === 'application/json' ? JSON.stringify(body) : body) : undefined,
  })
  const text = await r.text()
  if (!r.ok) throw new Error(`${user} ${method} ${url}: HTTP ${r.status} ${text}`)
  return text ? JSON.parse(text) : null
}
/** An approver completes the case's open task at a step (found in their to-do list). */
async function act(user, caseNumber, stepKey, action, opinion, corrections, form) {
  const todo = await api(user, 'GET', `/tasks?size=100&caseNumber=${encodeURIComponent(caseNumber)}`)
  const task = todo.items.find((t) => t.stepKey === stepKey)
  if (!task) throw new Error(`${user} has no ${stepKey} task for ${caseNumber}`)
  return api(user, 'POST', `/tasks/${task.id}/complete`, { action, opinion, corrections, form })
}

const shared = {} // state handed from one journey to the next (the case number, the query code)
const failures = []
for (const journey of journeys) {
  if (only && !only.includes(journey.name)) continue
  const started = Date.now()
  const context = await browser.newContext({
    viewport: journey.viewport ?? { width: 1280, height: 900 },
    locale: 'zh-CN', acceptDownloads: true, deviceScaleFactor: 1, isMobile: !!journey.mobile, hasTouch: !!journey.mobile,
    // as a user who asked for less motion: the UI then shows its settled state at once (styles.css), which is what
    // axe must judge — a tag fading in measured as light grey on white
    reducedMotion: 'reduce',
  })
  context.setDefaultTimeout(20000)
  const page = await context.newPage()
  const log = []
  const errors = []
  page.on('console', (m) => {
    const line = `[${m.type()}] ${m.text()}`
    log.push(line)
    // a refused request the journey provokes (400 field errors, 409 licence being issued) is logged by Chromium
    // as "Failed to load resource ... status of 4xx"; that is the API answering, not the page failing
    if (m.type() === 'error' && !/Failed to load resource: the server responded with a status of 4\d\d/.test(m.text())) errors.push(line)
  })
  page.on('pageerror', (e) => { log.push(`[pageerror] ${e.message}`); errors.push(`[pageerror] ${e.message}`) })
  page.on('response', (r) => { if (r.status() >= 500) errors.push(`[http ${r.status()}] ${r.url()}`) })

  const helpers = {
    base, page, context, shared, api, act,
    /** axe-core on the current page: serious and critical violations fail the journey. */
    async axe(label) {
      // the settled page (the context prefers reduced motion; any animation still running is waited for — finite ones
      // only, a spinner turns for ever — at most 2 s)
      await page.evaluate(() => new Promise((frame) => requestAnimationFrame(() => requestAnimationFrame(frame))))
      await page.evaluate(() => Promise.race([new Promise((r) => setTimeout(r, 2000)), Promise.all(document.getAnimations()
        .filter((a) => a.effect?.getTiming().iterations !== Infinity).map((a) => a.finished.catch(() => undefined)))]))
      await page.evaluate(axeSource) // evaluated over CDP: CSP (script-src 'self') forbids an injected <script>
      const result = await page.evaluate(async () => {
        // eslint-disable-next-line no-undef
        const r = await axe.run(document, { resultTypes: ['violations'] })
        return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`)
      })
      if (result.length) throw new Error(`axe (${label}):\n  ${result.join('\n  ')}`)
    },
    /** Saves a screenshot of the page for the README when run with --screenshots. */
    async shot(name) {
      if (screenshots) await page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: false })
    },
    assert(condition, message) {
      if (!condition) throw new Error(message)
    },
  }
  let failure = null
  try {
    await journey.run(helpers)
    if (errors.length) failure = `console errors:\n  ${errors.join('\n  ')}`
  } catch (e) {
    failure = (e && e.stack) || String(e)
    if (errors.length) failure += `\nconsole errors:\n  ${errors.join('\n  ')}`
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  if (failure) {
    failures.push(`${journey.name}: ${failure.split('\n')[0]}`)
    console.log(`✗ ${journey.name} (${seconds} s)\n${failure}`)
    await page.screenshot({ path: path.join(out, `${journey.name}.png`), fullPage: true }).catch(() => {})
    await writeFile(path.join(out, `${journey.name}.console.txt`), `${log.join('\n')}\n\nfailure: ${failure}\n`)
  } else {
    console.log(`✓ ${journey.name} (${seconds} s)`)
  }
  await context.close()
}
await browser.close()
if (failures.length) {
  console.log(`\n${failures.length} journey(s) failed (screenshots and console in ${out}):\n${failures.join('\n')}`)
  process.exit(1)
}
console.log('all journeys passed')
