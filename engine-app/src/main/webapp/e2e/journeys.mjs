// The journeys, in order (later ones use the case the applicant journey creates). Staff journeys: staff-journeys.mjs.
import { staffJourneys, windowCorrection } from './staff-journeys.mjs'
import { operationJourneys } from './operations-journeys.mjs'
import { formJourneys } from './forms-journeys.mjs'
import { calendarJourneys } from './calendar-journeys.mjs'
import { supervisionJourneys } from './supervision-journeys.mjs'
const PDF = Buffer.from('%PDF-1.4\n% Tongban browser test\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')
const FOOD = 'FOOD-BUSINESS-LICENCE'
const MOBILE = { width: 390, height: 844 }

async function signIn(page, user) {
  await page.getByTestId('username').fill(user)
  await page.getByTestId('password').fill('Tongban@2026')
  await page.getByTestId('sign-in').click()
}

/** Nothing may stick out sideways on a phone. */
async function fitsWidth(h, label) {
  const overflow = await h.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  h.assert(overflow <= 1, `${label}: the page is ${overflow}px wider than the 390px screen`)
}

export const journeys = [
  {
    name: 'public-catalogue-and-guide',
    async run(h) {
      const { page } = h
      await page.goto(`${h.base}/`)
      await page.getByTestId('item').first().waitFor()
      h.assert(await page.getByTestId('item').count() >= 2, 'the catalogue lists the demo items')
      await h.axe('catalogue')
      await h.shot('catalogue')
      await page.getByTestId('search').fill('食品')
      await page.waitForFunction(() => document.querySelectorAll('[data-test=item]').length === 1)
      await page.getByTestId('search').fill('')
      await page.getByTestId('department').click()
      await page.getByRole('option', { name: '德清县住房和城乡建设局' }).click()
      await page.waitForFunction(() => document.querySelectorAll('[data-test=item]').length === 1)
      h.assert((await page.getByTestId('item').innerText()).includes('施工'), 'the department filter keeps the construction permit')
      await page.getByTestId('department').click()
      await page.getByRole('option', { name: '全部部门' }).click()
      await page.getByTestId('item').filter({ hasText: '食品经营许可' }).getByTestId('guide-link').click()
      await page.waitForURL(`**/items/${FOOD}`)
      for (const text of ['受理条件', '申请材料', '收费标准', '办理时限', '设定依据', '办理流程', '德清县市场监督管理局']) {
        await page.getByText(text, { exact: false }).first().waitFor()
      }
      // the procedure diagram is drawn: the BPMN shapes are in the SVG and visible
      await page.locator('[data-test=diagram] .djs-element[data-element-id=acceptance]').waitFor()
      h.assert(await page.locator('[data-test=diagram] .djs-shape').count() >= 5, 'the diagram shows the process steps')
      await h.axe('guide')
      await h.shot('guide')
      // English and the large-text mode, one click each; a page load of a client route works (SPA fallback)
      await page.getByTestId('language').click()
      await page.getByText('Conditions').first().waitFor()
      await page.getByTestId('elder').click()
      h.assert(await page.evaluate(() => document.documentElement.classList.contains('tb-elder')), 'large-text mode on <html>')
      await page.reload()
      await page.getByText('Conditions').first().waitFor()
      await h.axe('guide, English, large text')
      await h.shot('guide-en-large-text')
    },
  },
  {
    name: 'applicant-applies-on-a-phone',
    viewport: MOBILE,
    mobile: true,
    async run(h) {
      const { page } = h
      await page.goto(`${h.base}/apply/${FOOD}`)
      // not signed in: to the sign-in page and back
      await page.waitForURL('**/sign-in?redirect=**')
      await h.axe('sign-in')
      await signIn(page, 'zhangwei')
      await page.waitForURL(`**/apply/${FOOD}`)
      await page.getByTestId('form').getByLabel('经营者名称').waitFor()
      await page.getByTestId('form').getByLabel('经营者名称').fill('德清县禹越镇味香餐饮有限公司')
      // a credit code of the right shape with a wrong check digit: only the server can tell
      await page.getByTestId('form').getByLabel('统一社会信用代码').fill('91330521MA2B3C4D5X')
      await page.getByTestId('form').getByLabel('法定代表人').fill('张伟')
      await page.getByTestId('form').getByLabel('经营场所').fill('浙江省湖州市德清县禹越镇杭海路88号')
      await page.locator('.fjs-form-field-select').click()
      await page.locator('.fjs-dropdownlist-item', { hasText: '餐饮服务经营者' }).click()
      await page.getByTestId('form').getByLabel('经营项目').fill('热食类食品制售、冷食类食品制售')
      await page.getByTestId('form').getByLabel('联系电话').fill('13857212345')
      // the staff list starts with one row: a member of staff and the health certificate
      await page.getByTestId('form').getByLabel(/^姓名/).fill('王秀英')
      await page.getByTestId('form').getByLabel(/^身份证号码/).fill('330521199003151224') // wrong check digit
      await page.getByTestId('form').getByLabel('健康证明编号').fill('JK3305212026001')
      const expiry = page.getByTestId('form').getByLabel('健康证明有效期至')
      await expiry.fill('06/30/2099')
      await expiry.press('Enter')
      await page.locator('#file-PREMISES_PROOF').setInputFiles({ name: '租赁合同.pdf', mimeType: 'application/pdf', buffer: PDF })
      await page.locator('#file-LAYOUT_PLAN').setInputFiles({ name: '布局图.pdf', mimeType: 'application/pdf', buffer: PDF })
      // several files for one material (the guide allows three)
      await page.locator('#file-SAFETY_RULES').setInputFiles([{ name: '食品安全自查制度.pdf', mimeType: 'application/pdf', buffer: PDF },
        { name: '从业人员健康管理制度.pdf', mimeType: 'application/pdf', buffer: PDF }])
      await fitsWidth(h, 'apply form')
      await h.axe('apply form')
      await h.shot('apply-mobile')
      await page.getByTestId('submit').click()
      // the server's field error is shown at its field
      const fieldError = page.getByTestId('form').locator('.fjs-form-field-error')
      await fieldError.first().waitFor()
      h.assert(await fieldError.count() === 2, `two field errors: ${await fieldError.allInnerTexts()}`)
      h.assert(await page.getByTestId('form').getByLabel('统一社会信用代码').getAttribute('aria-invalid') === 'true',
        'the credit code field is marked invalid')
      h.assert((await fieldError.first().innerText()).includes('统一社会信用代码'), `the credit code error at its field: ${await fieldError.first().innerText()}`)
      // the error of the staff list's first row (form.staff[0].residentId) is at that row's field
      h.assert(await page.getByTestId('form').getByLabel(/^身份证号码/).getAttribute('aria-invalid') === 'true',
        'the first staff row\'s ID number is marked invalid')
      await page.getByTestId('submit-error').waitFor()
      await page.getByTestId('form').getByLabel('统一社会信用代码').fill('91330521MA2B3C4D5Q')
      await page.getByTestId('form').getByLabel(/^身份证号码/).fill('330521199003151223')
      await page.getByTestId('submit').click()
      await page.getByTestId('submitted').waitFor()
      const caseNumber = (await page.getByTestId('case-number').innerText()).split('：').pop().trim()
      const queryCode = (await page.getByTestId('query-code').innerText()).match(/：(\S+?)（/)[1]
      h.shared.caseNumber = caseNumber
      h.shared.queryCode = queryCode
      const rules = (await h.api('zhangwei', 'GET', `/cases/${caseNumber}/materials`)).filter((m) => m.code === 'SAFETY_RULES')
      h.assert(rules.length === 2, `both safety-rule files stored: ${JSON.stringify(rules)}`)
      await page.getByTestId('view-case').click()
      // the case: status, timeline, diagram with the current step highlighted
      await page.getByTestId('status').filter({ hasText: '已提交' }).waitFor()
      await page.getByTestId('current-step').filter({ hasText: '受理' }).waitFor()
      await page.locator('[data-test=timeline]').getByText('提交申请').waitFor()
      // the staff list reads as rows with their labels, not JSON
      await page.getByTestId('case-form-data').locator('li', { hasText: '姓名：王秀英' }).waitFor()
      await page.locator('[data-test=diagram] .djs-element.tb-current[data-element-id=acceptance]').waitFor()
      h.assert(await page.locator('[data-test=diagram] .tb-current').count() === 1, 'exactly the current step is highlighted')
      await fitsWidth(h, 'case page')
      await h.axe('case page')
      await h.shot('case-mobile')
      // the session ends behind the page's back: the next API call's 401 leads to sign-in and back
      await h.context.clearCookies({ name: 'SESSION' })
      await page.getByRole('link', { name: '我的办件' }).click()
      await page.waitForURL('**/sign-in?redirect=/my/cases')
      await signIn(page, 'zhangwei')
      await page.waitForURL('**/my/cases')
      await page.getByTestId('case').filter({ hasText: caseNumber }).waitFor()
      await h.axe('my cases')
    },
  },
  {
    name: 'progress-by-case-number-and-query-code',
    viewport: MOBILE,
    mobile: true,
    async run(h) {
      const { page } = h
      h.assert(h.shared.caseNumber, 'needs the case of the applicant journey')
      await page.goto(`${h.base}/progress`)
      await page.getByTestId('case-number').fill(h.shared.caseNumber)
      await page.getByTestId('query-code').fill('WRONG234')
      await page.getByTestId('look-up').click()
      await page.getByTestId('error').filter({ hasText: '未找到' }).waitFor()
      await page.getByTestId('query-code').fill(h.shared.queryCode)
      await page.getByTestId('look-up').click()
      await page.getByTestId('progress').getByTestId('status').filter({ hasText: '已提交' }).waitFor()
      await fitsWidth(h, 'progress')
      await h.axe('progress')
      await h.shot('progress-mobile')
      // the public pages on the phone too
      await page.goto(`${h.base}/`)
      await page.getByTestId('item').first().waitFor()
      await fitsWidth(h, 'catalogue')
      await page.goto(`${h.base}/items/${FOOD}`)
      await page.locator('[data-test=diagram] .djs-element[data-element-id=acceptance]').waitFor()
      await fitsWidth(h, 'guide')
      await h.shot('guide-mobile')
    },
  },
  windowCorrection,
  {
    name: 'correction-answered-and-licence-downloaded',
    viewport: MOBILE,
    mobile: true,
    async run(h) {
      const { page } = h
      const n = h.shared.caseNumber
      h.assert(n, 'needs the case of the applicant journey')
      // the window asked for a correction in the workbench (window-requests-correction-in-the-workbench)
      await page.goto(`${h.base}/my/cases/${n}`)
      await page.waitForURL('**/sign-in?redirect=**')
      // by keyboard: the skip link comes first in tab order, Tab goes from user name to password, Enter submits
      await page.keyboard.press('Tab')
      h.assert(await page.evaluate(() => document.activeElement?.className === 'tb-skip'), 'the first Tab reaches the skip link')
      await page.getByTestId('username').focus()
      await page.keyboard.type('zhangwei')
      await page.keyboard.press('Tab')
      h.assert(await page.evaluate(() => document.activeElement?.getAttribute('data-test') === 'password'), 'Tab moves to the password')
      await page.keyboard.type('Tongban@2026')
      await page.keyboard.press('Enter')
      await page.waitForURL(`**/my/cases/${n}`)
      await page.getByTestId('notice').filter({ hasText: '布局图未标明仓库位置' }).waitFor()
      await fitsWidth(h, 'correction')
      await h.axe('correction')
      await h.shot('correction-mobile')
      await page.locator('#re-LAYOUT_PLAN').setInputFiles({ name: '布局图-修订.pdf', mimeType: 'application/pdf', buffer: PDF })
      await page.getByTestId('resubmit').click()
      await page.getByTestId('resubmitted').waitFor()
      await page.getByTestId('status').filter({ hasText: '已提交' }).waitFor()
      const view = await h.api('zhangwei', 'GET', `/cases/${n}`)
      h.assert(view.status === 'SUBMITTED', `after the correction the case is SUBMITTED, not ${view.status}`)
      // the bureau accepts, reviews, inspects and grants
      await h.act('wangfang', n, 'acceptance', 'ACCEPT', '材料齐全，予以受理')
      await h.act('liuyang', n, 'review', 'AGREE', '符合法定条件')
      await h.act('liuyang', n, 'inspection', 'AGREE', '现场核查符合要求', null,
        { inspectionDate: new Date().toISOString().slice(0, 10), inspectionResult: 'PASS' }) // the inspector's record
      await h.act('wangfang', n, 'decision', 'GRANT', '准予许可')
      await page.reload()
      await page.getByTestId('status').filter({ hasText: '准予许可' }).waitFor()
      await page.locator('[data-test=timeline]').getByText('准予许可').first().waitFor()
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60000 }), page.getByTestId('download').click()])
      const file = await download.path()
      const { readFile } = await import('node:fs/promises')
      const bytes = await readFile(file)
      h.assert(bytes.subarray(0, 5).toString() === '%PDF-', 'the download is a PDF')
      h.assert(download.suggestedFilename() === `${n}.pdf`, `file name ${download.suggestedFilename()}`)
      await h.axe('granted case')
      await h.shot('licence-mobile')
    },
  },
  ...staffJourneys,
  ...operationJourneys,
  ...formJourneys,
  ...calendarJourneys,
  ...supervisionJourneys,
]
