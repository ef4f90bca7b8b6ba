/** @module Pages of the control listings: `?limit=&offset=`, a default and a maximum, and the total in a header. */

/** Items a listing answers when no limit is given. */
export const PAGE_DEFAULT_LIMIT = 100
/** The largest limit a listing accepts. */
export const PAGE_MAX_LIMIT = 1000
/** The response header carrying how many items there are in all (before limit and offset). */
export const TOTAL_HEADER = 'X-Total-Count'

export interface PageWindow {
  offset: number
  limit: number
}

export interface Page<T> {
  items: T[]
  total: number
}

/** The window `limit` and `offset` ask for, or a message saying what is wrong with them. */
export function parseWindow(limit: string | undefined, offset: string | undefined): PageWindow | string {
  const read = (text: string | undefined, fallback: number, min: number, max: number) =>
    text === undefined ? fallback : /^\d{1,7}$/.test(text) && Number(text) >= min && Number(text) <= max ? Number(text) : undefined
  const l = read(limit, PAGE_DEFAULT_LIMIT, 1, PAGE_MAX_LIMIT)
  if (l === undefined) return `limit must be an integer from 1 to ${PAGE_MAX_LIMIT} (default ${PAGE_DEFAULT_LIMIT}).`
  const o = read(offset, 0, 0, Number.MAX_SAFE_INTEGER)
  if (o === undefined) return 'offset must be a non-negative integer.'
  return { offset: o, limit: l }
}

/** The window's slice of `items`, and their total; `view` runs only on the slice. */
export function pageOf<T, V>(items: readonly T[], window: PageWindow, view: (item: T) => V): Page<V> {
  return { items: items.slice(window.offset, window.offset + window.limit).map(view), total: items.length }
}
