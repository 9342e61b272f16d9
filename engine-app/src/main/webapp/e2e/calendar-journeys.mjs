// Journeys of the working-day calendar (issue 11): a visitor reads an item's deadline dates on its service guide;
// the administrator enters a year that has no schedule yet, and a wrong make-up day is refused at its field.
import { as } from './staff-journeys.mjs'
import { submitFood } from './forms-journeys.mjs'

export const calendarJourneys = [
  {
    name: 'visitor-reads-the-deadline-dates-on-the-service-guide',
    async run(h) {
      const { page } = h
      await page.goto(`${h.base}/items/FOOD-BUSINESS-LICENCE`)
      await page.getByTestId('what-if').waitFor()
      await page.getByTestId('promised-deadline').waitFor()
      // accepted on Friday 2026-09-18: Sunday 09-20 is worked, 中秋 09-25..27 and 国庆 10-01..07 are not
      const input = page.getByTestId('what-if').locator('input')
      await input.fill('2026-09-18')
      await input.press('Enter')
      await page.getByTestId('promised-deadline').filter({ hasText: '2026-09-24' }).waitFor()
      await page.getByTestId('statutory-deadline').filter({ hasText: '2026-10-09' }).waitFor()
      await h.axe('service guide with the deadline calculator')
      await h.shot('guide-what-if')
    },
  },
  {
    name: 'admin-enters-a-missing-years-holidays',
    async run(h) {
      const { page } = h
      const overview = await h.api('admin', 'GET', '/calendar')
      const year = overview.missing[0] ?? new Date().getFullYear() + 2
      await as(h, 'admin', '/admin/calendar')
      if (overview.missing.length) {
        await page.getByTestId('calendar-missing').filter({ hasText: String(year) }).first().waitFor()
      }
      await page.getByTestId('calendar-year').click()
      await page.getByRole('option', { name: String(year), exact: true }).click()
      await page.getByTestId('calendar-source').fill(`国务院办公厅关于${year}年部分节假日安排的通知`)
      await page.getByTestId('day-add').click()
      await page.getByTestId('day-add').click()
      // day 1: 元旦 on 01-01; day 2: a make-up working day wrongly on a weekday (the first Monday of March)
      const firstMonday = [1, 2, 3, 4, 5, 6, 7].map((d) => new Date(Date.UTC(year, 2, d))).find((d) => d.getUTCDay() === 1)
      const monday = firstMonday.toISOString().slice(0, 10)
      await page.getByTestId('day-name-0').fill('元旦')
      const second = page.getByTestId('calendar-day').nth(1)
      await second.locator('input').first().fill(monday)
      await second.locator('input').first().press('Enter')
      await page.getByTestId('day-kind-1').click()
      await page.getByRole('option', { name: '调休上班' }).click()
      await page.getByTestId('day-name-1').fill('调休')
      await page.getByTestId('calendar-save').click()
      await page.getByTestId('day-kind-error-1').filter({ hasText: '不是周末' }).waitFor()
      await h.axe('calendar with a refused day')
      await page.getByTestId('day-remove-1').click()
      await page.getByTestId('calendar-save').click()
      await page.getByTestId('calendar-saved').filter({ hasText: String(year) }).waitFor()
      h.assert(await page.getByTestId('calendar-missing').filter({ hasText: String(year) }).count() === 0, `${year} is no longer flagged`)
      const saved = await h.api('admin', 'GET', `/calendar/${year}`)
      h.assert(saved.days.length === 1 && saved.days[0].date === `${year}-01-01` && saved.days[0].kind === 'HOLIDAY', 'one holiday saved')
      await h.shot('calendar')
    },
  },
  {
    // 特别程序: the reviewer pauses the clock for an expert review and ends it; the applicant sees the pause
    name: 'approver-pauses-the-clock-for-an-expert-review',
    async run(h) {
      const { page } = h
      const n = await submitFood(h)
      await h.act('wangfang', n, 'acceptance', 'ACCEPT', '材料齐全，予以受理')
      await as(h, 'liuyang', `/workbench/cases/${n}`)
      await page.getByTestId('clock-state').filter({ hasText: '计时中' }).waitFor()
      await page.getByTestId('start-procedure').click()
      await page.getByTestId('op-kind').click()
      await page.getByRole('option', { name: '专家评审' }).click()
      await page.getByTestId('op-reason').fill('经营场所涉及冷链仓储，需组织专家评审')
      await page.getByTestId('op-legalBasis').fill('《中华人民共和国行政许可法》第四十五条')
      await page.getByTestId('op-submit').click()
      await page.getByTestId('clock-state').filter({ hasText: '暂停计时' }).waitFor()
      await page.getByTestId('clock-pause').filter({ hasText: '专家评审' }).waitFor()
      await h.axe('case clock paused')
      await as(h, 'zhangwei', `/my/cases/${n}`)
      await page.getByTestId('clock-state').filter({ hasText: '暂停计时' }).waitFor()
      h.assert(await page.getByTestId('start-procedure').count() === 0, 'the applicant cannot start a procedure')
      await as(h, 'liuyang', `/workbench/cases/${n}`)
      await page.getByTestId('end-procedure').click()
      await page.getByTestId('clock-state').filter({ hasText: '计时中' }).waitFor()
      const clock = await h.api('zhangwei', 'GET', `/cases/${n}/clock`)
      h.assert(clock.state === 'RUNNING' && clock.pauses.length === 1 && clock.pauses[0].to, 'one ended pause')
    },
  },
  {
    // 好差评: the applicant rates a refused case badly; the bureau answers the follow-up; the applicant reads the answer
    name: 'applicant-rates-a-case-and-reads-the-departments-answer',
    async run(h) {
      const { page } = h
      const n = await submitFood(h)
      await h.act('wangfang', n, 'acceptance', 'ACCEPT', '材料齐全，予以受理')
      await h.act('liuyang', n, 'review', 'DISAGREE', '经营场所与污染源距离不足')
      await h.act('liuyang', n, 'inspection', 'DISAGREE', '现场核查不符合要求', null,
        { inspectionDate: new Date().toISOString().slice(0, 10), inspectionResult: 'FAIL', inspectionNotes: '距离公厕不足25米' })
      await h.act('wangfang', n, 'decision', 'REFUSE', '不符合许可条件')
      await as(h, 'zhangwei', `/my/cases/${n}`)
      await page.getByTestId('rating-form').waitFor()
      await page.getByTestId('rating-submit').click()
      await page.getByTestId('rating').getByRole('alert').first().waitFor() // no level chosen: said at the field
      await page.getByTestId('rating-level').locator('.el-rate__item').nth(1).click() // 不满意
      await page.getByTestId('rating-reason-OVERDUE').click()
      await page.getByTestId('rating-comment').fill('现场核查改期两次，没有提前告知')
      await h.axe('rating form')
      await page.getByTestId('rating-submit').click()
      await page.getByTestId('rating-given').filter({ hasText: '不满意' }).waitFor()
      await page.getByTestId('rating-awaiting').waitFor()

      await as(h, 'wangfang', '/workbench')
      await page.getByTestId('follow-ups-link').click()
      const item = page.getByTestId('follow-up').filter({ hasText: n })
      await item.waitFor()
      await h.axe('bad ratings to follow up')
      await item.getByTestId('follow-up-response').fill('已核实：核查改期系人员调配所致，已建立核查提前一日电话告知制度。')
      await item.getByTestId('follow-up-submit').click()
      await page.getByTestId('follow-up-answered').filter({ hasText: '已建立核查提前一日' }).waitFor()

      await as(h, 'zhangwei', `/my/cases/${n}`)
      await page.getByTestId('rating-response').filter({ hasText: '王芳' }).waitFor()
      await page.goto(`${h.base}/items/FOOD-BUSINESS-LICENCE`)
      await page.getByTestId('guide-ratings').waitFor()
      // 公示: signed out, the refusal is listed with the applicant's name masked, and the ratings per department
      await page.getByTestId('sign-out').click()
      await page.goto(`${h.base}/disclosure`)
      await page.getByTestId('decision').filter({ hasText: n }).filter({ hasText: '不予许可' }).filter({ hasText: '张*' }).waitFor()
      await page.getByTestId('rated-DQ-SCJG').waitFor()
      h.assert(!(await page.content()).includes('张伟'), 'no full personal name on the public page')
      await h.axe('public disclosure')
    },
  },
]
