// Journeys of the form designer (issue 9): a designer changes an item's form in the form-js editor and deploys it as a
// new version; a new case uses it while a case submitted before keeps its own version.
import { as } from './staff-journeys.mjs'
import { submitApplication, submitOutdoor } from './operations-journeys.mjs'

const PDF = Buffer.from('%PDF-1.4\n% Tongban browser test\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')
const ITEM = 'OUTDOOR-ADVERTISING'
const NEW_LABEL = '设置地点（详细地址）'

/** zhangwei applies for a food business licence through the API (a catering business: it will be inspected). */
export function submitFood(h) {
  return submitApplication(h, 'zhangwei', 'FOOD-BUSINESS-LICENCE', {
    operatorName: '德清县新市镇老街点心店', creditCode: '92330521MA2D8L3U1P', legalRepresentative: '张伟',
    premisesAddress: '浙江省湖州市德清县新市镇西河口街12号', operatorType: 'CATERING', businessScope: '糕点类食品制售',
    contactPhone: '13857212345', staff: [{ name: '沈美华', residentId: '330521198811203226', healthCertificateNo: 'JK3305212026117',
      healthCertificateExpiry: '2099-03-31' }],
  }, ['PREMISES_PROOF', 'LAYOUT_PLAN'])
}

/** A food case of zhangwei's granted by the bureau through the API, and its licence once issued. */
async function grantedFood(h) {
  const n = await submitFood(h)
  await h.act('wangfang', n, 'acceptance', 'ACCEPT', '材料齐全，予以受理')
  await h.act('liuyang', n, 'review', 'AGREE', '符合法定条件')
  await h.act('liuyang', n, 'inspection', 'AGREE', '现场核查符合要求', null,
    { inspectionDate: new Date().toISOString().slice(0, 10), inspectionResult: 'PASS' })
  await h.act('wangfang', n, 'decision', 'GRANT', '准予许可')
  let licence
  for (let i = 0; i < 60 && !licence?.verificationUrl; i++) {
    licence = await h.api('zhangwei', 'GET', `/cases/${n}/licence`).catch(() => null)
    if (!licence?.verificationUrl) await new Promise((r) => setTimeout(r, 500))
  }
  h.assert(licence?.verificationUrl, `the licence of ${n} is issued`)
  return { n, licence }
}

export const formJourneys = [
  {
    // 证照核验: the holder downloads the acceptance notice, then follows the link the licence's QR code holds; anyone (signed out) sees the licence valid
    // and finds the downloaded PDF authentic, and a copy with one changed byte not
    name: 'anyone-verifies-a-licence-from-its-qr-link',
    async run(h) {
      const { page } = h
      const { n, licence } = await grantedFood(h)
      await as(h, 'zhangwei', `/my/cases/${n}`)
      // the acceptance notice (受理通知书) of the case: listed with its number, downloaded as a signed PDF
      await page.getByTestId('document').filter({ hasText: '受理通知书' }).filter({ hasText: '受字第' }).waitFor()
      const [notice] = await Promise.all([page.waitForEvent('download'), page.getByTestId('document-download-ACCEPTANCE_NOTICE').click()])
      const noticePdf = await (await import('node:fs/promises')).readFile(await notice.path())
      h.assert(noticePdf.subarray(0, 5).toString() === '%PDF-' && notice.suggestedFilename().includes('受理通知书'),
        `the notice downloads as a PDF (${notice.suggestedFilename()}, ${noticePdf.length} bytes)`)
      await page.getByTestId('verify-link').click()
      await page.waitForURL('**/verify/**')
      const path = new URL(page.url()).pathname
      h.assert(licence.verificationUrl.endsWith(path), `the case page links to the QR's URL (${path})`)
      // a stranger, signed out
      await page.getByTestId('sign-out').click()
      await page.goto(`${h.base}${path}`)
      await page.getByTestId('licence-status').filter({ hasText: '有效' }).waitFor()
      await page.getByTestId('licence-number').filter({ hasText: licence.licenceNumber }).waitFor()
      h.assert((await page.getByTestId('identifier').textContent()).startsWith('1.2.156.3005.2.'), 'the GB/T 36904 identifier')
      const { token } = await (await fetch(`${h.base}/api/v1/auth/tokens`, { method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: 'zhangwei', password: 'Tongban@2026' }) })).json()
      const pdf = Buffer.from(await (await fetch(`${h.base}/api/v1/cases/${n}/licence`,
        { headers: { Authorization: `Bearer ${token}`, Accept: 'application/pdf' } })).arrayBuffer())
      await page.getByTestId('check-file').setInputFiles({ name: `${n}.pdf`, mimeType: 'application/pdf', buffer: pdf })
      await page.getByTestId('check-result').filter({ hasText: '真实' }).waitFor()
      await h.axe('verification page')
      await h.shot('licence-verification')
      const changed = Buffer.from(pdf)
      const at = Math.floor(changed.length / 3)
      changed[at] = changed[at] === 0x30 ? 0x31 : 0x30
      await page.getByTestId('check-file').setInputFiles({ name: 'changed.pdf', mimeType: 'application/pdf', buffer: changed })
      await page.getByTestId('check-result').filter({ hasText: '不一致' }).waitFor()

      // 延续 then 注销 on the staff case page: the renewal supersedes the version this link names; the new version is
      // revoked with a reason and its own link says so
      await as(h, 'wangfang', `/workbench/cases/${n}`)
      await page.getByTestId('staff-licence-status').filter({ hasText: '有效' }).waitFor()
      await page.getByTestId('renew').click()
      await page.getByTestId('op-submit').click()
      await page.getByTestId('case-op-result').filter({ hasText: '证照已延续' }).waitFor()
      const renewed = await h.api('wangfang', 'GET', `/cases/${n}/licence`)
      h.assert(renewed.version === 2 && renewed.licenceNumber === licence.licenceNumber, `version ${renewed.version} of the same number`)
      // 变更: the dialog starts with what the licence prints; only the changed address is sent
      await page.getByTestId('amend').click()
      const address = page.getByTestId('op-changes.premisesAddress')
      h.assert(await address.inputValue() === '浙江省湖州市德清县新市镇西河口街12号', 'the dialog shows the printed address')
      await address.fill('浙江省湖州市德清县新市镇北街128号')
      await page.getByTestId('op-reason').fill('经营场所迁址')
      await page.getByTestId('op-submit').click()
      await page.getByTestId('case-op-result').filter({ hasText: '证照已变更' }).waitFor()
      const amended = await h.api('wangfang', 'GET', `/cases/${n}/licence`)
      h.assert(amended.version === 3 && amended.validUntil === renewed.validUntil, `amended: version ${amended.version}, the same term`)
      const fields = await h.api('wangfang', 'GET', `/cases/${n}/licence/fields`)
      h.assert(fields.find((f) => f.key === 'premisesAddress').value === '浙江省湖州市德清县新市镇北街128号', 'the new address is printed')
      h.assert(fields.find((f) => f.key === 'legalRepresentative').value === '张伟', 'unchanged fields stay')
      await page.getByTestId('revoke').click()
      await page.getByTestId('op-reason').fill('经营场所已拆除，依法注销')
      await page.getByTestId('op-submit').click()
      await page.getByTestId('case-op-result').filter({ hasText: '证照已注销' }).waitFor()
      await page.getByTestId('staff-licence-status').filter({ hasText: '已注销' }).waitFor()
      await page.goto(`${h.base}${path}`)
      await page.getByTestId('licence-status').filter({ hasText: '已被新版本取代' }).waitFor()
      await page.goto(`${h.base}${new URL(renewed.verificationUrl).pathname}`)
      await page.getByTestId('licence-status').filter({ hasText: '已被新版本取代' }).waitFor()
      await page.goto(`${h.base}${new URL(amended.verificationUrl).pathname}`)
      await page.getByTestId('licence-status').filter({ hasText: '已注销' }).waitFor()
    },
  },
  {
    // 数据多跑路: a food licence Tongban issued to zhangwei stands for the outdoor permit's proof of operation; choosing
    // it fills the operator's name and credit code into the form, and the case records the licence, not a file
    name: 'applicant-attaches-an-issued-licence-by-reference',
    async run(h) {
      const { page } = h
      const licence = (await grantedFood(h)).licence.licenceNumber

      await as(h, 'zhangwei', '/apply/OUTDOOR-ADVERTISING')
      const form = page.getByTestId('form')
      await form.getByLabel('联系电话').waitFor()
      await page.getByTestId('licence-OPERATING_LICENCE').selectOption(licence)
      await page.getByTestId('licence-hint').waitFor()
      await page.waitForFunction(() => [...document.querySelectorAll('[data-test=form] input')]
        .some((i) => i.value === '德清县新市镇老街点心店'))
      h.assert(await page.locator('#file-OPERATING_LICENCE').count() === 0, 'no upload for a referenced licence')
      await form.getByLabel('联系电话').fill('13957231234')
      await form.getByLabel(/^设置地点/).fill('浙江省湖州市德清县新市镇西河口街12号门前')
      await form.locator('.fjs-form-field-select').first().click()
      await page.locator('.fjs-dropdownlist-item', { hasText: '招牌（店招）' }).click()
      await form.getByLabel(/^画面宽度/).fill('3')
      await form.getByLabel(/^画面高度/).fill('1')
      await form.getByLabel(/^设置期限/).fill('12')
      await form.locator('label', { hasText: /^否$/ }).click()
      await form.locator('textarea').last().fill('老街点心店店招')
      await form.locator('textarea').last().press('Tab')
      for (const code of ['SITE_RIGHT', 'DESIGN', 'SAFETY']) {
        await page.locator(`#file-${code}`).setInputFiles({ name: `${code}.pdf`, mimeType: 'application/pdf', buffer: PDF })
      }
      await h.axe('apply with a licence reference')
      await page.getByTestId('submit').click()
      await page.getByTestId('submitted').waitFor()
      const n = (await page.getByTestId('case-number').textContent()).match(/TB\d+/)[0]
      const view = await h.api('zhangwei', 'GET', `/cases/${n}`)
      h.assert(view.formData.applicantName === '德清县新市镇老街点心店', `applicant name from the licence: ${view.formData.applicantName}`)
      h.assert(view.formData.creditCode === '92330521MA2D8L3U1P', 'credit code from the licence')
      const materials = await h.api('zhangwei', 'GET', `/cases/${n}/materials`)
      h.assert(materials.some((m) => m.code === 'OPERATING_LICENCE' && m.licenceNumber === licence), 'the licence is attached by reference')
    },
  },
  {
    // per-step fields (tongban:editableAt): the inspector fills the inspection record on the task page; the
    // applicant's form is prefilled from the verified identity and never shows the inspector's fields
    name: 'inspector-fills-the-inspection-record',
    async run(h) {
      const { page } = h
      await as(h, 'zhangwei', '/apply/FOOD-BUSINESS-LICENCE')
      await page.locator('[data-test=form] label', { hasText: '经办人姓名' }).waitFor()
      h.assert(await page.locator('[data-test=form] label', { hasText: '核查结论' }).count() === 0, 'the applicant does not see the inspection record')
      const prefilled = await page.locator('[data-test=form] input[readonly]').evaluateAll((inputs) => inputs.map((i) => i.value))
      h.assert(prefilled.includes('张伟'), `the agent's name is prefilled read-only from the verified identity (${prefilled})`)

      const n = await submitFood(h)
      await h.act('wangfang', n, 'acceptance', 'ACCEPT', '材料齐全，予以受理')
      await h.act('liuyang', n, 'review', 'AGREE', '符合法定条件')
      await as(h, 'liuyang', `/workbench?caseNumber=${encodeURIComponent(n)}`)
      const row = page.locator(`[data-test=task-row][data-case="${n}"][data-step="inspection"]`)
      await row.getByTestId('handle').click()
      await page.waitForURL('**/workbench/tasks/**')
      const stepForm = page.getByTestId('step-form')
      await stepForm.locator('label', { hasText: '核查结论' }).waitFor()
      // agreeing without the record: the browser asks for the required fields first
      await page.getByTestId('action-AGREE').click()
      await page.getByTestId('submit').click()
      await page.getByTestId('error-step-form').waitFor()
      h.assert(await page.getByTestId('completed').count() === 0, 'not completed without the record')
      await stepForm.locator('label', { hasText: '基本符合（限期整改）' }).click()
      await stepForm.locator('textarea').first().fill('冷库温度记录不全，限7日内整改')
      const date = stepForm.locator('input').first()
      await date.click()
      await date.fill(new Date().toISOString().slice(0, 10))
      await date.press('Enter')
      await page.getByTestId('opinion').fill('现场核查基本符合')
      await h.axe('task page with the inspection record')
      await h.shot('task-step-fields')
      await page.getByTestId('submit').click()
      await page.getByTestId('completed').waitFor()

      const staffView = await h.api('wangfang', 'GET', `/cases/${n}`)
      h.assert(staffView.formData.inspectionResult === 'PASS_WITH_REMEDY', `stored finding ${staffView.formData.inspectionResult}`)
      h.assert(/^\d{4}-\d{2}-\d{2}$/.test(staffView.formData.inspectionDate ?? ''), `stored date ${staffView.formData.inspectionDate}`)
      const changes = await h.api('wangfang', 'GET', `/cases/${n}/form-changes`)
      h.assert(changes.some((c) => c.field === 'inspectionResult' && c.actor === 'liuyang'), 'the change is recorded with its author')
      const mine = await h.api('zhangwei', 'GET', `/cases/${n}`)
      h.assert(!('inspectionResult' in mine.formData), 'the applicant does not get the inspection record')
      h.assert(mine.formData.agentName === '张伟', 'the agent is the verified applicant')
      // the staff case page labels the record from the case's form
      await page.goto(`${h.base}/workbench/cases/${n}`)
      await page.locator('[data-test=form-data]', { hasText: '基本符合（限期整改）' }).first().waitFor()
    },
  },
  {
    name: 'designer-deploys-a-form-version',
    async run(h) {
      const { page } = h
      const before = await submitOutdoor(h)
      const shipped = await h.api('wujun', 'GET', `/items/${ITEM}/form-versions/latest`)
      try {
        await as(h, 'wujun', `/studio?item=${ITEM}`)
        // the licence template's sample PDF, as the studio link opens it (with the designer's session)
        const href = await page.getByTestId('licence-preview').getAttribute('href')
        const sample = await page.request.get(`${h.base}${href}`)
        h.assert(sample.status() === 200 && sample.headers()['content-type'] === 'application/pdf', `licence preview ${sample.status()}`)
        h.assert((await sample.body()).subarray(0, 5).toString() === '%PDF-', 'the preview is a PDF')
        await page.getByTestId('open-form-design').click()
        await page.waitForURL(`**/studio/${ITEM}/form`)
        const editor = page.getByTestId('form-editor')
        await editor.locator('.fjs-form-field label', { hasText: '设置地点' }).first().waitFor()
        await h.axe('form designer')
        // select the field on the editor's canvas and rename it in the properties panel
        await editor.locator('.fjs-element[data-id]').filter({ has: page.locator('label', { hasText: /^设置地点/ }) }).last().click()
        const label = page.locator('#bio-properties-panel-label')
        if (!(await label.isVisible())) await page.locator('.bio-properties-panel-group-header', { hasText: 'General' }).click()
        await label.click()
        await page.keyboard.press('Control+A')
        await page.keyboard.type(NEW_LABEL)
        // the live preview follows the editor
        await page.getByTestId('form-preview').locator('label', { hasText: NEW_LABEL }).waitFor()
        await page.getByTestId('form-check').click()
        await page.getByTestId('form-outcome').filter({ hasText: '校验通过' }).waitFor()
        await page.getByTestId('form-deploy').click()
        const deployed = shipped.version + 1
        await page.getByTestId('form-outcome').filter({ hasText: `第 ${deployed} 版` }).waitFor()
        await page.getByTestId('form-versions').locator('td', { hasText: String(deployed) }).first().waitFor()
        await h.shot('studio-form-designer')

        const after = await submitOutdoor(h)
        const newForm = await h.api('lina', 'GET', `/cases/${after}/form`)
        if (newForm.version !== deployed) throw new Error(`a new case uses version ${newForm.version}, expected ${deployed}`)
        if (!JSON.stringify(newForm.schema).includes(NEW_LABEL)) throw new Error('the new version lacks the changed label')
        const oldForm = await h.api('lina', 'GET', `/cases/${before}/form`)
        if (oldForm.version !== shipped.version || JSON.stringify(oldForm.schema).includes(NEW_LABEL)) {
          throw new Error(`the earlier case changed form: version ${oldForm.version}`)
        }
        // the earlier case's page labels its data with its own version
        await as(h, 'lina', `/my/cases/${before}`)
        await page.locator('dt', { hasText: /^设置地点$/ }).first().waitFor()
      } finally {
        await h.api('wujun', 'POST', `/items/${ITEM}/form-versions`, shipped.schema) // later journeys fill the shipped form
      }
    },
  },
  {
    // 证照模板设计: the designer edits the food licence's template in the studio, previews the signed sample PDF, sees a change of
    // the issuer's signing department refused at its field, and deploys the new version; later licences print it
    name: 'designer-deploys-a-licence-template-version',
    async run(h) {
      const { page } = h
      const food = 'FOOD-BUSINESS-LICENCE'
      const shipped = await h.api('wujun', 'GET', `/items/${food}/licence-template`)
      try {
        await as(h, 'wujun', `/studio?item=${food}`)
        await page.getByTestId('open-licence-design').click()
        await page.waitForURL(`**/studio/${food}/licence`)
        const yaml = page.getByTestId('licence-yaml')
        await page.waitForFunction(() => document.querySelector('[data-test=licence-yaml]')?.value.includes('label: 经营场所'))
        await page.getByTestId('licence-placeholders').filter({ hasText: '${form.premisesAddress}' }).waitFor()
        await h.axe('licence template designer')
        const changed = shipped.yaml.replace('label: 经营场所', 'label: 经营地址')
        // a change of what identifies the issuer is refused at its field, in the page's language
        await yaml.fill(changed.replace('department: DQ-SCJG', 'department: DQ-ZJJ'))
        await page.getByTestId('licence-check').click()
        await page.getByTestId('licence-problem').filter({ hasText: 'department' }).filter({ hasText: '不能修改' }).waitFor()
        await yaml.fill(changed)
        await page.getByTestId('licence-check').click()
        await page.getByTestId('licence-outcome').filter({ hasText: '校验通过' }).waitFor()
        const [rendered] = await Promise.all([
          page.waitForResponse((r) => r.url().endsWith(`/items/${food}/licence-preview`) && r.request().method() === 'POST'),
          page.getByTestId('licence-preview-draft').click(),
        ])
        h.assert(rendered.status() === 200 && (await rendered.body()).subarray(0, 5).toString() === '%PDF-', `the draft's sample is a PDF (${rendered.status()})`)
        const frame = page.getByTestId('licence-preview-frame')
        await frame.waitFor()
        h.assert((await frame.getAttribute('src')).startsWith('blob:'), 'the sample is shown in the page')
        await page.waitForTimeout(1500) // the PDF viewer paints the page
        await h.shot('studio-licence-designer')
        await page.getByTestId('licence-deploy').click()
        const deployed = shipped.version + 1
        await page.getByTestId('licence-outcome').filter({ hasText: `第 ${deployed} 版` }).waitFor()
        await page.getByTestId(`licence-load-${deployed}`).waitFor() // the table reloaded (a bare "2" would match a date)
        const latest = await h.api('wujun', 'GET', `/items/${food}/licence-template`)
        h.assert(latest.version === deployed && latest.yaml.includes('label: 经营地址'), `the deployed version is the latest (${latest.version})`)
        // the earlier version can be loaded back into the editor
        const button = page.getByTestId(`licence-load-${shipped.version}`)
        await button.scrollIntoViewIfNeeded() // a click that scrolls past the PDF frame first was lost now and then
        await button.click()
        await page.waitForFunction(() => document.querySelector('[data-test=licence-yaml]')?.value.includes('label: 经营场所'))
        // edits not yet deployed are not thrown away without asking: dismissed, the editor keeps them
        await yaml.fill(`${shipped.yaml}\n# 未发布的修改\n`)
        const asked = new Promise((resolve) => page.once('dialog', async (d) => { await d.dismiss(); resolve(d.message()) }))
        await page.getByTestId(`licence-load-${deployed}`).scrollIntoViewIfNeeded()
        await page.getByTestId(`licence-load-${deployed}`).click()
        h.assert((await asked).includes('丢弃'), 'loading over edits asks first')
        h.assert((await yaml.inputValue()).includes('# 未发布的修改'), 'the edits stay when the question is dismissed')
      } finally {
        await h.api('wujun', 'POST', `/items/${food}/licence-template`, shipped.yaml, 'application/yaml') // later journeys print the shipped face
      }
    },
  },
]
