// Journeys of the form designer (issue 9): a designer changes an item's form in the form-js editor and deploys it as a
// new version; a new case uses it while a case submitted before keeps its own version.
import { as } from './staff-journeys.mjs'
import { submitOutdoor } from './operations-journeys.mjs'

const ITEM = 'OUTDOOR-ADVERTISING'
const NEW_LABEL = '设置地点（详细地址）'

export const formJourneys = [
  {
    name: 'designer-deploys-a-form-version',
    async run(h) {
      const { page } = h
      const before = await submitOutdoor(h)
      const shipped = await h.api('wujun', 'GET', `/items/${ITEM}/form-versions/latest`)
      try {
        await as(h, 'wujun', `/studio?item=${ITEM}`)
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
]
