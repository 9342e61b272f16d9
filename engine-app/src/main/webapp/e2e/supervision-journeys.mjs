// Journeys of efficiency supervision (issue 11): the supervisor reads the red card of an overdue case in the
// notification centre and on the dashboard, urges its holders, counts a period and exports it. The case comes
// from BrowserJourneysTest, whose engine timers raised its cards before the browser starts.
import { readFile } from 'node:fs/promises'
import { as } from './staff-journeys.mjs'

export const supervisionJourneys = [
  {
    name: 'supervisor-reads-a-red-card-in-the-notification-centre',
    async run(h) {
      const { page } = h
      await as(h, 'zhengli', '/supervision')
      const badge = page.getByTestId('unread-badge')
      await badge.waitFor()
      const before = Number(await badge.textContent())
      h.assert(before > 0, `the bell shows unread notices (${before})`)
      await page.getByTestId('nav-notices').click()
      await page.getByTestId('notice-kind-WARNING').click()
      await page.getByTestId('notice-text').filter({ hasText: '红牌：已超过办理期限' }).first().waitFor()
      await h.axe('notification centre')
      await h.shot('notices')
      await page.getByTestId('mark-read').first().click()
      if (before > 1) await page.getByTestId('unread-badge').filter({ hasText: new RegExp(`^${before - 1}$`) }).waitFor()
      else await page.getByTestId('unread-badge').waitFor({ state: 'detached' })
    },
  },
  {
    name: 'supervisor-urges-an-overdue-case-counts-a-period-and-exports-it',
    async run(h) {
      const { page } = h
      await as(h, 'zhengli', '/supervision/dashboard')
      await page.getByTestId('cards-red').click()
      const red = page.getByTestId('warnings').locator('tbody tr').filter({ has: page.getByTestId('card') })
      await red.first().waitFor()
      const number = (await red.first().getByTestId('warning-case').textContent()).trim()
      await red.first().getByTestId('urge').click()
      await page.getByTestId('urge-result').filter({ hasText: /已督办 \d+ 人/ }).waitFor()
      const history = await h.api('zhengli', 'GET', `/cases/${number}/history`)
      h.assert(history.some((e) => e.action === 'URGE' && e.actor === 'zhengli'), 'the urge is in the case history')

      // the period since September 2026 holds the overdue food case
      const from = page.getByTestId('from').locator('input')
      await from.fill('2026-09-01')
      await from.press('Enter')
      await page.getByTestId('count').click()
      await page.getByTestId('row-name').filter({ hasText: '食品经营许可' }).first().waitFor()
      await page.getByTestId('row-name').filter({ hasText: '合计' }).waitFor()
      await page.locator('[data-test="chart"] svg').first().waitFor()
      await h.axe('supervision dashboard')
      await h.shot('supervision-dashboard')
      const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()])
      const csv = await readFile(await file.path(), 'utf8')
      h.assert(csv.includes('食品经营许可') && csv.includes('"合计"'), `the CSV holds the lines (${file.suggestedFilename()})`)
      const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()])
      const bytes = await readFile(await xlsx.path())
      h.assert(bytes.subarray(0, 2).toString() === 'PK', 'the Excel file is a zip (XLSX)')
    },
  },
]
