import { expect, test } from './support/appTest'
import { addMonths, format } from 'date-fns'
import { makeDataDir } from './support/webHost'
import { screenshot } from './support/screenshots'

const iso = (date: Date) => format(date, 'yyyy-MM-dd')

test('a new user plans the Java track with a goal, and it all survives a restart', async ({ page, startApp }) => {
  const dataDir = makeDataDir()
  let host = await startApp(dataDir)
  const today = new Date()

  await page.goto(host.url)
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible()
  // The introduction holds the only track picker until it is skipped; then the dashboard offers its own.
  await expect(page.getByRole('heading', { name: 'Where are you heading?' })).toHaveCount(0)
  await page.getByRole('button', { name: 'Skip the introduction' }).click()
  await expect(page.getByRole('heading', { name: 'Where are you heading?' })).toBeVisible()

  // Choose the Java track right from the empty dashboard.
  const javaTarget = page.getByRole('button', { name: 'Target: Java Developer' })
  await expect(javaTarget).toHaveAttribute('aria-pressed', 'false')
  await javaTarget.click()
  await expect(page.getByRole('heading', { name: 'Your targets' })).toBeVisible()
  const javaProgress = page.getByRole('progressbar', { name: 'Progress of Java Developer' })
  await expect(javaProgress).toHaveAttribute('aria-valuenow', '0')
  await expect(page.getByText('$80,000 – $120,000 a year')).toBeVisible()

  // "Java" to level 3 and in progress, on the roadmap.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Roadmap' }).click()
  await expect(page.getByRole('heading', { name: 'Roadmap', level: 1 })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Target: Java Developer' })).toHaveAttribute('aria-pressed', 'true')
  await page.getByRole('combobox', { name: 'Level of Java', exact: true }).selectOption('3')
  await page.getByRole('combobox', { name: 'Status of Java', exact: true }).selectOption('in-progress')
  await expect(page.getByRole('combobox', { name: 'Status of Java', exact: true })).toBeEnabled()
  await expect(page.getByRole('progressbar', { name: 'Progress of Java Developer' })).toHaveAttribute('aria-valuenow', '25')

  // The item page keeps the history, a note and a link.
  await page.getByRole('link', { name: 'Java', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Java', level: 1 })).toBeVisible()
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText('Java Developer')
  const history = page.getByRole('region', { name: 'History' })
  await expect(history.getByRole('listitem')).toHaveCount(2)
  await expect(history.getByRole('listitem').first()).toContainText('In progress')
  await page.getByRole('textbox', { name: 'Note on Java' }).fill('Comfortable with collections and streams; generics still trip me up.')
  await page.getByRole('button', { name: 'Save note' }).click()
  await expect(page.getByText('Saved', { exact: true })).toBeVisible()
  await page.getByRole('textbox', { name: 'Link' }).fill('https://github.com/example/java-katas')
  await page.getByRole('textbox', { name: 'What it shows' }).fill('Thirty katas solved in Java 21')
  await page.getByRole('button', { name: 'Add link' }).click()
  await expect(page.getByRole('link', { name: 'https://github.com/example/java-katas' })).toBeVisible()
  await screenshot(page, 'item-page')

  // The goal, linked to Spring Framework, with three milestones and a target three months out.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Goals' }).click()
  // Keyboard only: the dialog takes focus, Escape closes it, focus comes back to the button that opened it.
  const newGoal = page.getByRole('button', { name: 'New goal' }).first()
  await newGoal.focus()
  await page.keyboard.press('Enter')
  const form = page.getByRole('dialog', { name: 'New goal' })
  await expect(form).toBeVisible()
  await expect(form.getByRole('textbox', { name: 'Title' })).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(form).toBeHidden()
  await expect(newGoal).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(form).toBeVisible()
  await form.getByRole('textbox', { name: 'Title' }).fill('Learn the Spring Framework')
  await form.getByRole('textbox', { name: 'Description' }).fill('Enough Spring to build and test a production REST service.')
  await form.getByLabel('Target date').fill(iso(addMonths(today, 3)))
  await form.getByLabel('Priority').selectOption('high')
  await form.getByRole('checkbox', { name: 'Spring Framework', exact: true }).check()
  const milestones = ['Read the reference documentation', 'Build a REST service with Spring Boot', 'Write integration tests with Spring Test']
  for (const [index, title] of milestones.entries()) {
    await form.getByRole('textbox', { name: 'New milestone' }).fill(title)
    await form.getByRole('textbox', { name: 'New milestone' }).press('Enter')
    await form.getByLabel(`Due date of “${title}”`).fill(iso(addMonths(today, index + 1)))
  }
  await expect(form.getByRole('slider')).toHaveCount(0)
  await screenshot(page, 'goal-form', { wholePage: false })
  await form.getByRole('button', { name: 'Create goal' }).click()
  await expect(form).toBeHidden()

  const goal = page.getByRole('article', { name: 'Learn the Spring Framework' })
  await expect(goal).toBeVisible()
  await expect(goal.getByRole('link', { name: 'Spring Framework' })).toBeVisible()
  await goal.getByRole('checkbox', { name: milestones[0] }).check()
  await goal.getByRole('checkbox', { name: milestones[1] }).check()
  const goalProgress = goal.getByRole('progressbar', { name: 'Progress of Learn the Spring Framework' })
  await expect(goalProgress).toHaveAttribute('aria-valuenow', '67')
  await expect(goal.getByText('67%')).toBeVisible()
  await screenshot(page, 'goals')

  // The dashboard follows: the Java track moved, next up lists what is left.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click()
  await expect(page.getByRole('progressbar', { name: 'Progress of Java Developer' })).toHaveAttribute('aria-valuenow', '25')
  await expect(page.getByRole('region', { name: 'Active goals' }).getByRole('progressbar', { name: 'Progress of Learn the Spring Framework' })).toHaveAttribute('aria-valuenow', '67')
  const nextUp = page.getByRole('region', { name: 'Next up' })
  await expect(nextUp.getByRole('link', { name: 'Java', exact: true })).toBeVisible()
  await expect(nextUp.getByRole('link', { name: 'Spring Framework' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'How progress is counted' })).toHaveAccessibleDescription(/skipped and hidden items/)
  await screenshot(page, 'dashboard')

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Timeline' }).click()
  await expect(page.getByRole('button', { name: /^Move Learn the Spring Framework/ })).toBeVisible()
  await expect(page.getByRole('img', { name: /^Milestone Read the reference documentation.*done$/ })).toBeVisible()
  await screenshot(page, 'timeline')

  // After a restart of the host everything is still there.
  await host.stop()
  host = await startApp(dataDir)
  await page.goto(host.url)
  await expect(page.getByRole('progressbar', { name: 'Progress of Java Developer' })).toHaveAttribute('aria-valuenow', '25')
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Goals' }).click()
  const again = page.getByRole('article', { name: 'Learn the Spring Framework' })
  await expect(again.getByRole('progressbar', { name: 'Progress of Learn the Spring Framework' })).toHaveAttribute('aria-valuenow', '67')
  await expect(again.getByRole('checkbox', { name: milestones[1] })).toBeChecked()
  await expect(again.getByRole('checkbox', { name: milestones[2] })).not.toBeChecked()
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Roadmap' }).click()
  await expect(page.getByRole('combobox', { name: 'Level of Java', exact: true })).toHaveValue('3')
  await expect(page.getByRole('combobox', { name: 'Status of Java', exact: true })).toHaveValue('in-progress')
  await expect(page.getByRole('button', { name: 'Target: Java Developer' })).toHaveAttribute('aria-pressed', 'true')
  await host.stop()
})
