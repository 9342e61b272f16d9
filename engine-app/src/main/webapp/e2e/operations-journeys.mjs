// Journeys of the approver operations (issue 8): transfer, recall, urge, CC, the lead's send-back and return on the
// construction permit; add-signer on the outdoor advertising permit. Each asserts what the user sees afterwards.
import { as, handle, submitConstruction } from './staff-journeys.mjs'

const PDF = Buffer.from('%PDF-1.4\n% Tongban browser test\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n')

/** An applicant submits through the API (multipart), one PDF per material code; returns the case number. */
export async function submitApplication(h, user, itemCode, form, materials) {
  const { token } = await (await fetch(`${h.base}/api/v1/auth/tokens`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: user, password: 'Tongban@2026' }),
  })).json()
  const body = new FormData()
  body.append('application', JSON.stringify({ itemCode, form }))
  for (const code of materials) body.append(code, new Blob([PDF], { type: 'application/pdf' }), `${code}.pdf`)
  const r = await fetch(`${h.base}/api/v1/cases`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body })
  if (r.status !== 201) throw new Error(`submission: HTTP ${r.status} ${await r.text()}`)
  return (await r.json()).caseNumber
}

export async function submitOutdoor(h) {
  return submitApplication(h, 'lina', 'OUTDOOR-ADVERTISING', {
    applicantName: '德清县莫干山文旅发展有限公司', creditCode: '91330521MA29K7LX1A', contactPhone: '13957231234',
    siteAddress: '浙江省湖州市德清县武康街道英溪南路与余英街交叉口东北角', facilityType: 'PILLAR', widthMetres: 6, heightMetres: 4,
    periodMonths: 24, lighting: 'NO', contentSummary: '莫干山国际旅游度假区形象宣传（公益内容占比不低于百分之十）',
  }, ['SITE_RIGHT', 'DESIGN', 'SAFETY'])
}

/** Opens the case's task at the step from the workbench (filtered to the case). */
async function openTask(h, n, step) {
  const { page } = h
  await page.goto(`${h.base}/workbench?caseNumber=${encodeURIComponent(n)}`)
  const row = page.locator(`[data-test=task-row][data-case="${n}"][data-step="${step}"]`)
  await row.getByTestId('handle').click()
  await page.waitForURL('**/workbench/tasks/**')
  await page.getByTestId('case-number').filter({ hasText: n }).waitFor()
}

/** Picks an option of an Element Plus select in the open dialog or page. */
async function choose(page, testId, optionName) {
  await page.getByTestId(testId).click()
  await page.getByRole('option', { name: optionName }).click()
}

const todoSteps = async (h, user, n) => (await h.api(user, 'GET', `/tasks?size=100&caseNumber=${n}`)).items.map((t) => t.stepKey)

export const operationJourneys = [
  {
    name: 'lead-transfers-recalls-sends-back-and-returns',
    async run(h) {
      const { page } = h
      const n = await submitConstruction(h.base, 'lina')
      // 转办: 陈静 hands the acceptance to 黄丽, picked from the department's approvers
      await as(h, 'chenjing', '/workbench')
      await openTask(h, n, 'acceptance')
      const colleagues = await h.api('chenjing', 'GET', `/tasks/${page.url().split('/').pop()}/colleagues`)
      await page.getByTestId('op-transfer').click()
      if (colleagues.length > 1) { // a single colleague is preselected (other test classes may add approvers)
        await page.getByTestId('op-submit').click()
        await page.getByTestId('op-error-to').waitFor() // required, checked before sending
        await h.axe('transfer dialog, refused')
      }
      await choose(page, 'op-to', /黄丽（huangli）/)
      await page.getByTestId('op-reason').fill('陈静出差，由黄丽受理')
      await page.getByTestId('op-submit').click()
      await page.getByTestId('operated').filter({ hasText: '转办' }).waitFor()
      await page.getByTestId('claimed-by-other').filter({ hasText: 'huangli' }).waitFor() // her colleague still sees it
      h.assert((await todoSteps(h, 'chenjing', n)).length === 0, 'the acceptance left 陈静’s to-do list')
      // 黄丽 accepts, then recalls (撤回) from her done list: the acceptance is back in her to-do list
      await as(h, 'huangli', '/workbench')
      await handle(h, n, 'acceptance', 'ACCEPT', { opinion: '材料齐全，予以受理', claim: false })
      await page.goto(`${h.base}/workbench?tab=done`)
      await page.locator(`[data-test=recall][data-case="${n}"]`).click()
      await page.getByTestId('op-reason').fill('规划许可证编号录入有误，撤回重新受理')
      await page.getByTestId('op-submit').click()
      await page.getByTestId('notice').filter({ hasText: '已撤回' }).waitFor()
      await openTask(h, n, 'acceptance')
      const history = page.getByTestId('history')
      await history.getByText('撤回').first().waitFor()
      await history.getByText('转办').first().waitFor()
      await history.getByText('huangli').first().waitFor() // the transfer's target
      await page.getByTestId('action-ACCEPT').click()
      await page.getByTestId('opinion').fill('材料齐全，予以受理')
      await page.getByTestId('submit').click()
      await page.getByTestId('completed').waitFor()
      // 催办: the applicant urges the joint review from her case page and sees its progress
      await as(h, 'lina', `/my/cases/${n}`)
      await page.getByTestId('joint-review-progress').waitFor()
      await page.getByTestId('urge').click()
      await page.getByTestId('op-message').fill('项目急需开工，请尽快审查')
      await page.getByTestId('op-submit').click()
      await page.getByTestId('urged').waitFor()
      await h.axe('applicant case, urged')
      for (const [user, verdict] of [['zhaolei', 'AGREE'], ['sunqiang', 'DISAGREE'], ['zhoumin', 'AGREE']]) {
        await h.act(user, n, 'jointReview', verdict, verdict === 'AGREE' ? '同意' : '消防车道宽度不足4米')
      }
      await as(h, 'lina', `/my/cases/${n}`)
      await page.getByTestId('progress-DQ-XF').filter({ hasText: '已完成' }).waitFor()
      // the lead's consolidation: the panel lists round 1; a send-back needs its departments
      await as(h, 'chenjing', '/workbench')
      await openTask(h, n, 'consolidation')
      const panel = page.getByTestId('joint-review-panel')
      await panel.getByTestId('jr-status-DQ-XF').filter({ hasText: '不同意' }).waitFor()
      await h.axe('consolidation with the panel')
      await page.getByTestId('action-SEND_BACK').click()
      await page.getByTestId('opinion').fill('请结合补充设计复核消防车道')
      await page.getByTestId('submit').click()
      await page.getByTestId('error-departments').waitFor()
      await page.getByTestId('send-back-departments').click()
      await page.getByRole('option', { name: '德清县消防救援大队' }).click()
      await page.keyboard.press('Escape')
      await page.getByTestId('submit').click()
      await page.getByTestId('completed').waitFor()
      h.assert((await todoSteps(h, 'sunqiang', n)).includes('jointReview'), 'the fire brigade reviews again')
      h.assert(!(await todoSteps(h, 'zhaolei', n)).includes('jointReview'), 'planning does not')
      // round 2: the fire brigade agrees; at the consolidation the lead copies the case (抄送) to 王芳 (market bureau)
      await h.act('sunqiang', n, 'jointReview', 'AGREE', '复核后消防车道满足要求')
      await openTask(h, n, 'consolidation')
      await panel.getByTestId('jr-round-2').waitFor()
      await page.getByTestId('op-cc').click()
      await page.getByTestId('op-to').fill('wangfang')
      await page.getByTestId('op-note').fill('涉及临街外摆，请知悉')
      await page.getByTestId('op-submit').click()
      await page.getByTestId('operated').waitFor()
      await page.getByTestId('action-CONSOLIDATE').click()
      await page.getByTestId('opinion').fill('经两轮会审，各部门均同意')
      await page.getByTestId('submit').click()
      await page.getByTestId('completed').waitFor()
      // 退回: at the decision, back to the consolidation; the decision leaves the to-do list, the consolidation returns
      await openTask(h, n, 'decision')
      await page.getByTestId('op-return').click()
      await choose(page, 'op-to', /汇总/)
      await page.getByTestId('op-reason').fill('合并意见未写明消防复核结论，请补充')
      await page.getByTestId('op-submit').click()
      await page.getByTestId('task-gone').waitFor()
      const steps = await todoSteps(h, 'chenjing', n)
      h.assert(steps.includes('consolidation') && !steps.includes('decision'), `back at the consolidation: ${steps}`)
      await page.goto(`${h.base}/workbench/cases/${n}`)
      await page.getByTestId('history').getByText('退回').first().waitFor()
      await page.getByTestId('jr-consolidation').first().waitFor()
      await h.axe('staff case page')
      // 王芳 finds the copy in her CC tab and marks it read
      await as(h, 'wangfang', '/workbench?tab=cc')
      const mark = page.locator(`[data-test=cc-mark-read][data-case="${n}"]`)
      await mark.click()
      await page.getByTestId('cc').getByTestId('cc-read').first().waitFor()
      await h.axe('CC tab')
    },
  },
  {
    name: 'lead-adds-a-signer-on-the-outdoor-permit',
    async run(h) {
      const { page } = h
      const n = await submitOutdoor(h)
      await h.act('shenjianguo', n, 'acceptance', 'ACCEPT', '材料齐全，予以受理')
      await as(h, 'shenjianguo', `/workbench/cases/${n}`)
      const panel = page.getByTestId('joint-review-panel')
      await panel.getByTestId('jr-status-DQ-SCJG').filter({ hasText: '审查中' }).waitFor()
      await panel.getByTestId('add-signer').click()
      await choose(page, 'op-department', '湖州市生态环境局德清分局')
      await page.getByTestId('op-reason').fill('设置点位临近饮用水源保护区，需征求生态环境意见')
      await h.axe('add-signer dialog')
      await page.getByTestId('op-submit').click()
      await page.getByTestId('jr-changed').waitFor()
      // the new signer's step is listed with the case's current steps, and the history records the 加签
      await page.getByTestId('current-step').nth(3).waitFor()
      await page.getByTestId('history').getByText('加签').first().waitFor()
      h.assert((await todoSteps(h, 'zhoumin', n)).includes('jointReview'), 'the ecology bureau has a joint-review task')
      // a reviewing department sees no signer buttons
      await as(h, 'zhaolei', `/workbench/cases/${n}`)
      await page.getByTestId('joint-review-panel').waitFor()
      h.assert(await page.getByTestId('add-signer').count() === 0, 'only the lead adds signers')
    },
  },
  {
    name: 'approver-unclaims-delegates-and-the-delegate-resolves',
    async run(h) {
      const { page } = h
      const n = await submitConstruction(h.base, 'lina')
      await as(h, 'chenjing', '/workbench')
      await openTask(h, n, 'acceptance')
      // 签收 / 取消签收
      await page.getByTestId('claim').click()
      await page.getByTestId('claimed-by-me').waitFor()
      await page.getByTestId('op-unclaim').click()
      await page.getByTestId('op-reason').fill('今日外出检查')
      await page.getByTestId('op-submit').click()
      await page.getByTestId('operated').filter({ hasText: '取消签收' }).waitFor()
      await page.getByTestId('claim').waitFor()
      // 委派 to 黄丽: the owner is told, keeps the task, may no longer decide it
      await page.getByTestId('claim').click()
      await page.getByTestId('claimed-by-me').waitFor()
      await page.getByTestId('op-delegate').click()
      await choose(page, 'op-to', /黄丽（huangli）/)
      await page.getByTestId('op-reason').fill('请协助核查施工合同')
      await page.getByTestId('op-submit').click()
      await page.getByTestId('delegated-by-me').waitFor()
      await page.getByTestId('op-take-back').waitFor()
      h.assert(await page.getByTestId('submit').count() === 0, 'the owner cannot decide while the delegation runs')
      await h.axe('task delegated by me')
      // the delegate resolves with an opinion; the task is back with 陈静, who accepts
      await as(h, 'huangli', '/workbench')
      await openTask(h, n, 'acceptance')
      await page.getByTestId('delegated-to-me').waitFor()
      await page.getByTestId('op-resolve').click()
      await page.getByTestId('op-submit').click()
      await page.getByTestId('op-error-opinion').waitFor()
      await page.getByTestId('op-opinion').fill('施工合同与中标通知书一致')
      await page.getByTestId('op-submit').click()
      await page.getByTestId('operated').filter({ hasText: '委派办理完毕' }).waitFor()
      await page.getByTestId('claimed-by-other').filter({ hasText: 'chenjing' }).waitFor() // back with its owner
      await as(h, 'chenjing', '/workbench')
      await openTask(h, n, 'acceptance')
      await page.getByTestId('history').getByText('委派办理完毕').first().waitFor()
      await page.getByTestId('action-ACCEPT').click()
      await page.getByTestId('submit').click()
      await page.getByTestId('completed').waitFor()
    },
  },
  {
    // last: it deploys new versions of the construction permit (the second restores the shipped rule)
    name: 'designer-edits-the-countersign-rule',
    async run(h) {
      const { page } = h
      const item = 'CONSTRUCTION-PERMIT'
      const latest = (await h.api('wujun', 'GET', `/items/${item}/process-versions`))[0].version
      const countersign = async () => (await (await fetch(`${h.base}/api/v1/items/${item}/process`)).text())
        .match(/<tongban:countersign[^>]*>[\s\S]*?(<\/tongban:countersign>|\/>)|<tongban:countersign[^>]*\/>/)?.[0] ?? ''
      const openJointReview = async (version) => {
        await page.goto(`${h.base}/studio/${item}/${version}`)
        const task = page.locator('[data-test=modeler] .djs-element[data-element-id=jointReview]')
        await task.waitFor()
        await task.click()
        await page.getByTestId('countersign').waitFor()
      }
      await as(h, 'wujun', `/studio?item=${item}`)
      await openJointReview(latest)
      await choose(page, 'prop-rule', /票签/)
      await page.getByTestId('prop-pass-ratio').fill('2/3')
      await page.getByTestId('prop-pass-ratio').press('Enter')
      const weight = page.locator('[data-test=prop-weight-DQ-ZRZY] input')
      await weight.fill('2')
      await weight.press('Enter')
      await choose(page, 'prop-on-disagree', /COLLECT/)
      await h.axe('studio, countersign')
      await page.getByTestId('deploy').click()
      await page.getByTestId('deployed').filter({ hasText: String(latest + 1) }).waitFor()
      let xml = await countersign()
      h.assert(/rule="VOTE"/.test(xml) && /onDisagree="COLLECT"/.test(xml) && /passRatio="2\/3"/.test(xml), `the vote is deployed: ${xml}`)
      h.assert(/<tongban:weight department="DQ-ZRZY" value="2"\s*\/>/.test(xml), `planning weighs 2: ${xml}`)
      // back to the shipped rule (会签, collect), in the panel again
      await openJointReview(latest + 1)
      await choose(page, 'prop-rule', /会签/)
      await page.getByTestId('deploy').click()
      await page.getByTestId('deployed').filter({ hasText: String(latest + 2) }).waitFor()
      xml = await countersign()
      h.assert(/rule="ALL"/.test(xml) && /onDisagree="COLLECT"/.test(xml) && !/weight|passRatio/.test(xml), `restored: ${xml}`)
    },
  },
]
