// Staff journeys (approver workbench, designer studio, supervision), run after part A's journeys by run.mjs.
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const PDF = Buffer.from('%PDF-1.4\n% Tongban browser test\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')
const FOOD = 'FOOD-BUSINESS-LICENCE'
const CONSTRUCTION = 'CONSTRUCTION-PERMIT'
const here = path.dirname(fileURLToPath(import.meta.url))
const HOSTILE = path.resolve(here, '../../../test/resources/bpmn/hostile/01-script-task-groovy.bpmn20.xml')

async function signIn(page, user) {
  await page.getByTestId('username').fill(user)
  await page.getByTestId('password').fill('Tongban@2026')
  await page.getByTestId('sign-in').click()
}

/** Opens a staff page as this user: signs out whoever is signed in, signs in, lands on the page. */
export async function as(h, user, url) {
  const { page } = h
  if (await page.getByTestId('sign-out').isVisible().catch(() => false)) {
    await page.getByTestId('sign-out').click()
    await page.getByRole('link', { name: '登录' }).waitFor()
  }
  await page.goto(`${h.base}${url}`)
  await page.waitForURL('**/sign-in?redirect=**')
  await signIn(page, user)
  await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'))
}

/** An applicant submits through the API (multipart): the applicant pages have their own journeys. */
export async function submitConstruction(base, user) {
  const tokenResponse = await fetch(`${base}/api/v1/auth/tokens`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: user, password: 'Tongban@2026' }),
  })
  const { token } = await tokenResponse.json()
  const body = new FormData()
  body.append('application', JSON.stringify({
    itemCode: CONSTRUCTION,
    form: {
      projectName: '德清县科技新城人才公寓项目（一期）', builderName: '德清县城市建设发展有限公司',
      builderCreditCode: '91330521MA29K7LX1A', siteAddress: '浙江省湖州市德清县阜溪街道长虹中街以北',
      contractorName: '浙江德清建工集团有限公司', floorArea: 45800, contractPrice: 18650.5, plannedStart: '2027-01-15',
      landUsePermitNo: '地字第330521202600018号', contractorCreditCode: '91330521MA2B3C4D5Q', supervisionRequired: 'YES',
      supervisorName: '湖州市建设工程监理有限公司', supervisorCreditCode: '91330521MA29K7LX1A', plannedEnd: '2028-12-31',
    },
  }))
  for (const code of ['PLANNING_PERMIT', 'CONTRACT', 'DRAWINGS_REVIEW']) {
    body.append(code, new Blob([PDF], { type: 'application/pdf' }), `${code}.pdf`)
  }
  const r = await fetch(`${base}/api/v1/cases`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body })
  if (r.status !== 201) throw new Error(`submission: HTTP ${r.status} ${await r.text()}`)
  return (await r.json()).caseNumber
}

/**
 * In the workbench, filtered to the case: claims the step (when `claim`), opens it, takes the action with an
 * opinion (and correction items), and sees it done. Returns to the workbench.
 */
export async function handle(h, caseNumber, step, action, { opinion, corrections, claim = true, shots } = {}) {
  const { page } = h
  await page.goto(`${h.base}/workbench?caseNumber=${encodeURIComponent(caseNumber)}`)
  const row = page.locator(`[data-test=task-row][data-case="${caseNumber}"][data-step="${step}"]`)
  await row.waitFor()
  if (shots) {
    await h.axe('workbench')
    await h.shot(shots.workbench)
  }
  if (claim) {
    await row.getByTestId('claim').click()
    await row.getByTestId('claim').waitFor({ state: 'detached' })
  }
  await row.getByTestId('handle').click()
  await page.waitForURL('**/workbench/tasks/**')
  await page.getByTestId('case-number').filter({ hasText: caseNumber }).waitFor()
  await page.getByTestId(`action-${action}`).click()
  for (const [i, item] of (corrections ?? []).entries()) {
    if (i > 0) await page.getByTestId('add-correction').click()
    await page.getByTestId(`correction-${i}`).fill(item)
  }
  if (opinion) await page.getByTestId('opinion').fill(opinion)
  if (shots) {
    await page.getByTestId('material').first().getByRole('button').first().click()
    await page.getByTestId('pdf-preview').waitFor()
    await h.axe('task page')
    await page.evaluate(() => window.scrollTo(0, 0))
    await h.shot(shots.task)
    await page.getByTestId('material').first().getByRole('button').first().click()
    await page.getByTestId('pdf-preview').waitFor({ state: 'detached' })
  }
  await page.getByTestId('submit').click()
  await page.getByTestId('completed').waitFor()
}

/** The window (受理) asks for a correction in the workbench; part A's next journey has the applicant answer it. */
export const windowCorrection = {
  name: 'window-requests-correction-in-the-workbench',
  async run(h) {
    const { page } = h
    const n = h.shared.caseNumber
    h.assert(n, 'needs the case of the applicant journey')
    await as(h, 'wangfang', `/workbench?caseNumber=${n}`)
    // the task page offers exactly the acceptance actions; an empty correction list is refused at its field
    const row = page.locator(`[data-test=task-row][data-case="${n}"][data-step=acceptance]`)
    await row.getByTestId('handle').click()
    await page.waitForURL('**/workbench/tasks/**')
    await page.getByTestId('case-number').filter({ hasText: n }).waitFor()
    await page.getByTestId('action-ACCEPT').waitFor()
    const offered = await page.getByTestId('actions').locator('label').allInnerTexts()
    h.assert(JSON.stringify(offered.map((s) => s.trim()).sort()) === JSON.stringify(['不予受理', '受理', '要求补正'].sort()),
      `acceptance offers ACCEPT, REJECT, REQUEST_CORRECTION only: ${offered}`)
    await page.getByTestId('action-REJECT').click()
    await page.getByTestId('submit').click()
    await page.getByTestId('error-opinion').waitFor() // a refusal needs its reason
    await page.getByTestId('action-REQUEST_CORRECTION').click()
    await page.getByTestId('submit').click()
    await page.getByTestId('error-corrections').waitFor()
    // the PDF preview is framed from the material endpoint (same origin, inline)
    await page.getByTestId('preview-LAYOUT_PLAN').click()
    const frame = page.getByTestId('pdf-preview')
    await frame.waitFor()
    h.assert((await frame.getAttribute('src')).endsWith('?inline=true'), 'the preview asks for the inline material')
    const [status, type] = await page.evaluate(async (src) => {
      const r = await fetch(src)
      return [r.status, r.headers.get('content-type')]
    }, await frame.getAttribute('src'))
    h.assert(status === 200 && type === 'application/pdf', `the preview loads the PDF: ${status} ${type}`)
    // closed again: Chromium's PDF viewer in the frame may take the focus while the form is filled
    await page.getByTestId('preview-LAYOUT_PLAN').click()
    await frame.waitFor({ state: 'detached' })
    await page.getByTestId('correction-0').fill('布局图未标明仓库位置')
    await page.getByTestId('opinion').fill('请补正后重新提交')
    await h.axe('task page, correction')
    await page.getByTestId('submit').click()
    await page.getByTestId('completed').waitFor()
    const view = await h.api('zhangwei', 'GET', `/cases/${n}`)
    h.assert(view.status === 'CORRECTION_REQUESTED', `the case awaits correction, not ${view.status}`)
    h.assert(view.correctionNotice.includes('布局图未标明仓库位置'), 'the notice lists the item')
  },
}

export const staffJourneys = [
  {
    name: 'joint-review-through-four-departments',
    async run(h) {
      const { page } = h
      const n = await submitConstruction(h.base, 'lina')
      h.shared.constructionCase = n
      // the window of the lead department (住建局) accepts
      await as(h, 'chenjing', '/workbench')
      await page.getByTestId('todo').waitFor()
      await handle(h, n, 'acceptance', 'ACCEPT', { opinion: '材料齐全，予以受理', shots: { workbench: 'workbench', task: 'task' } })
      // the three reviewing departments, each in their own workbench
      for (const user of ['zhaolei', 'sunqiang', 'zhoumin']) {
        await as(h, user, '/workbench')
        await handle(h, n, 'jointReview', 'AGREE', { opinion: `${user}：符合要求`, claim: user !== 'zhoumin' })
      }
      // the lead consolidates the opinions (合并意见), then decides; the done list shows the earlier acceptance
      await as(h, 'chenjing', '/workbench')
      await handle(h, n, 'consolidation', 'CONSOLIDATE', { opinion: '各部门均同意，符合施工许可条件' })
      await handle(h, n, 'decision', 'GRANT', { opinion: '准予许可' })
      await page.goto(`${h.base}/workbench?tab=done`)
      await page.getByTestId('done').getByText(n).first().waitFor()
      await h.axe('done list')
      // the applicant downloads the licence
      await as(h, 'lina', `/my/cases/${n}`)
      await page.getByTestId('status').filter({ hasText: '准予许可' }).waitFor()
      const history = await page.locator('[data-test=timeline]').innerText()
      for (const name of ['赵磊', '孙强', '周敏', '陈静']) h.assert(history.includes(name), `history names ${name}`)
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60000 }), page.getByTestId('download').click()])
      const bytes = await readFile(await download.path())
      h.assert(bytes.subarray(0, 5).toString() === '%PDF-', 'the licence is a PDF')
    },
  },
  {
    name: 'supervisor-lists-and-filters-cases',
    async run(h) {
      const { page } = h
      const n = h.shared.constructionCase
      h.assert(n, 'needs the joint-review case')
      await as(h, 'zhengli', '/supervision')
      await page.getByTestId('supervised-case').first().waitFor()
      h.assert(await page.getByTestId('supervised-case').count() >= 2, 'all cases are listed')
      await h.axe('supervision list')
      await page.getByTestId('filter-item').click()
      await page.getByRole('option', { name: '建筑工程施工许可' }).click()
      await page.waitForURL(`**/supervision?itemCode=${CONSTRUCTION}`)
      await page.getByTestId('supervised-case').filter({ hasText: n }).waitFor()
      await page.waitForFunction(() => [...document.querySelectorAll('[data-test=cases] tbody tr')]
        .every((tr) => tr.innerText.includes('建筑工程施工许可')))
      await page.getByTestId('filter-status').click()
      await page.getByRole('option', { name: '准予许可' }).click()
      await page.waitForURL('**status=GRANTED**')
      await page.getByTestId('supervised-case').filter({ hasText: n }).waitFor()
      await page.getByTestId('filter-department').click()
      await page.getByRole('option', { name: '德清县市场监督管理局' }).click()
      await page.waitForURL('**department=DQ-SCJG**')
      // the market bureau took no part in this case (other tests' cases may have it as an added signer)
      await page.waitForFunction((number) => ![...document.querySelectorAll('[data-test=cases] tbody tr')]
        .some((tr) => tr.innerText.includes(number)), n)
      await page.getByTestId('filter-department').click()
      await page.getByRole('option', { name: '德清县消防救援大队' }).click()
      await page.getByTestId('supervised-case').filter({ hasText: n }).waitFor()
      await h.shot('supervision')
      await page.getByTestId('supervised-case').filter({ hasText: n }).click()
      await page.waitForURL(`**/supervision/cases/${n}`)
      await page.getByTestId('status').filter({ hasText: '准予许可' }).waitFor()
      h.assert(await page.getByTestId('submit').count() === 0 && await page.getByTestId('claim').count() === 0, 'read-only')
      await page.getByTestId('material').first().waitFor()
      await h.axe('supervised case')
      // in English: the list, its filters and statuses
      await page.getByTestId('language').click()
      await page.getByRole('link', { name: 'Back to supervision' }).click()
      await page.getByRole('heading', { name: 'Case supervision' }).waitFor()
      await page.getByTestId('case-status').filter({ hasText: 'Granted' }).first().waitFor()
      await page.getByText('Construction permit').first().waitFor()
      await h.axe('supervision list, English')
      await page.getByTestId('language').click()
      // the workbench is not theirs: the page says so (the API refuses too)
      await page.goto(`${h.base}/workbench`)
      await page.getByTestId('forbidden').waitFor()
    },
  },
  {
    name: 'designer-edits-deploys-and-is-refused-a-hostile-file',
    async run(h) {
      const { page } = h
      await as(h, 'wujun', `/studio?item=${FOOD}`)
      const before = await h.api('wujun', 'GET', `/items/${FOOD}/process-versions`)
      const latest = before[0].version
      await page.getByTestId(`open-${latest}`).click()
      await page.waitForURL(`**/studio/${FOOD}/${latest}`)
      const review = page.locator('[data-test=modeler] .djs-element[data-element-id=review]')
      await review.waitFor()
      await review.click()
      await page.getByTestId('element-id').filter({ hasText: 'review' }).waitFor()
      const name = page.getByTestId('prop-name')
      const oldName = await name.inputValue()
      h.assert(oldName.includes('审查'), `the panel shows the step name: ${oldName}`)
      const newName = `${oldName}（修订）`
      await name.fill(newName)
      await name.press('Enter')
      await page.locator('[data-test=modeler] .djs-element[data-element-id=review]').getByText(newName).waitFor()
      // the inspection step also goes to the fire brigade (or no longer, on a rerun): candidate departments in the panel
      const current = await (await fetch(`${h.base}/api/v1/items/${FOOD}/process`)).text()
      const groups = current.match(/id="inspection"[^>]*flowable:candidateGroups="([^"]*)"/)[1].split(',')
      const expected = groups.includes('DQ-XF') ? groups.filter((g) => g !== 'DQ-XF') : [...groups, 'DQ-XF']
      await page.locator('[data-test=modeler] .djs-element[data-element-id=inspection]').click()
      await page.getByTestId('element-id').filter({ hasText: 'inspection' }).waitFor()
      await page.getByTestId('prop-groups').click()
      await page.getByRole('option', { name: '德清县消防救援大队 (DQ-XF)' }).click()
      await page.keyboard.press('Escape')
      await review.click()
      await page.getByTestId('element-id').filter({ hasText: 'review' }).waitFor()
      await h.axe('studio')
      await h.shot('studio')
      await page.getByTestId('deploy').click()
      await page.getByTestId('deployed').filter({ hasText: String(latest + 1) }).waitFor()
      await page.getByTestId('back-to-versions').click()
      await page.getByTestId(`open-${latest + 1}`).waitFor()
      h.assert((await page.getByTestId('version').first().innerText()).trim() === String(latest + 1), 'the new version is listed first')
      const xml = await (await fetch(`${h.base}/api/v1/items/${FOOD}/process`)).text()
      h.assert(xml.includes(`name="${newName}"`), 'the new version is the current process')
      h.assert(xml.match(/id="inspection"[^>]*flowable:candidateGroups="([^"]*)"/)[1] === expected.join(','),
        `the inspection goes to ${expected}`)
      h.assert(/id="review"[^>]*flowable:category="review"/.test(xml), 'attributes the panel did not touch are kept')
      // a hostile file: refused, the problem listed and its element highlighted
      await page.getByTestId(`open-${latest + 1}`).click()
      await page.locator('[data-test=modeler] .djs-element[data-element-id=review]').waitFor()
      await page.getByTestId('upload').setInputFiles({ name: 'evil.bpmn20.xml', mimeType: 'application/xml', buffer: await readFile(HOSTILE) })
      await page.locator('[data-test=modeler] .djs-element[data-element-id=evil]').waitFor()
      await page.getByTestId('deploy').click()
      await page.getByTestId('problems').waitFor()
      await page.locator('[data-test=problem][data-element=evil]').waitFor()
      await page.locator('[data-test=modeler] .djs-element.tb-problem[data-element-id=evil]').waitFor()
      await h.axe('studio, refused')
      await h.shot('studio-refused')
      const after = await h.api('wujun', 'GET', `/items/${FOOD}/process-versions`)
      h.assert(after.length === before.length + 1, 'the hostile file deployed nothing')
    },
  },
]
