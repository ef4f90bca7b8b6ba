/** @module Drives Swagger UI 5 as a person does: expand, Try it out, fill, Execute, read what the page shows. */
import type { Locator, Page } from 'playwright-core'

/** What the page shows under "Server response" after Execute. */
export interface ShownResponse {
  status: number
  /** The response body as displayed ('' when there is none). */
  body: string
}

export class SwaggerPage {
  /** The operation executed last, whose response a screenshot shows. */
  private latest: Locator | undefined

  constructor(readonly page: Page) {}

  async open(baseUrl: string): Promise<void> {
    await this.page.goto(`${baseUrl}/swagger`)
    await this.page.locator('.opblock').first().waitFor()
  }

  /** The text of the page's header: title, version and the description with the accounts. */
  info(): Promise<string> {
    return this.page.locator('.information-container').innerText()
  }

  /** The operation block a person finds by its method and path, e.g. POST /api/token. */
  operation(method: string, path: string): Locator {
    return this.page.locator(`.opblock.opblock-${method.toLowerCase()}:has(.opblock-summary-path[data-path="${path}"])`)
  }

  /** Expands the operation (if closed) and clicks "Try it out" (if not yet). */
  async tryItOut(method: string, path: string): Promise<Locator> {
    const op = this.operation(method, path)
    if (!((await op.getAttribute('class')) ?? '').includes('is-open')) await op.locator('.opblock-summary-control').click()
    const button = op.getByRole('button', { name: 'Try it out' })
    await op.locator('.try-out__btn').waitFor()
    if (await button.isVisible()) await button.click()
    await op.getByRole('button', { name: 'Execute' }).waitFor()
    return op
  }

  /** The grant_type drop-down's current choice. */
  selectedGrant(op: Locator): Promise<string> {
    return op.locator('tr[data-property-name="grant_type"] select').inputValue()
  }

  /** Sets the request body's form fields: a select is chosen from, text is typed; fields not given are emptied. */
  async fillForm(op: Locator, fields: Record<string, string>): Promise<void> {
    for (const row of await op.locator('tr[data-property-name]').all()) {
      const name = (await row.getAttribute('data-property-name'))!
      const value = fields[name]
      const select = row.locator('select')
      if (await select.count()) {
        if (value !== undefined) await select.selectOption(value)
      } else {
        await row.locator('input[type=text]').fill(value ?? '')
      }
    }
  }

  /** The value a parameter's field shows (a drop-down's choice or the text typed), e.g. the pre-filled x-api-version. */
  async parameterValue(op: Locator, name: string): Promise<string> {
    const row = op.locator(`tr[data-param-name="${name}"]`)
    const select = row.locator('select')
    return (await select.count()) ? select.inputValue() : row.locator('input').inputValue()
  }

  /** Types into a parameter's field, e.g. the clientId query parameter. */
  async fillParameter(op: Locator, name: string, value: string): Promise<void> {
    await op.locator(`tr[data-param-name="${name}"] input`).fill(value)
  }

  /** Clears an earlier response, clicks Execute, and reads the new status code and body off the page. */
  async execute(op: Locator): Promise<ShownResponse> {
    const live = op.locator('.live-responses-table')
    const clear = op.getByRole('button', { name: 'Clear' })
    if (await clear.isVisible()) {
      await clear.click()
      await live.waitFor({ state: 'detached' })
    }
    await op.getByRole('button', { name: 'Execute' }).click()
    await live.waitFor()
    this.latest = live
    const status = Number.parseInt(await live.locator('tbody .response-col_status').innerText(), 10)
    const code = live.locator('tbody .response-col_description .highlight-code code')
    return { status, body: (await code.count()) ? await code.innerText() : '' }
  }

  /** Whether the Authorize button shows the locked padlock (a token is applied). */
  async authorized(): Promise<boolean> {
    const classes = (await this.page.locator('.auth-wrapper .authorize').getAttribute('class')) ?? ''
    return classes.split(' ').includes('locked')
  }

  /** Saves what the viewport shows, scrolled to the latest server response when there is one. */
  async screenshot(path: string): Promise<void> {
    if (this.latest !== undefined && (await this.latest.count())) await this.latest.scrollIntoViewIfNeeded()
    await this.page.screenshot({ path })
  }
}
