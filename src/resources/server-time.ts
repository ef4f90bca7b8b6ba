/** @module serverTime: the mock's clock (the virtual one under the harness), written as the vendor's .NET "o" format does. */
import type { ServerResource } from '../profiles/profile.js'

type ServerTime = Extract<ServerResource, { kind: 'server-time' }>

/** `2022-01-25T18:31:50.7300000+00:00`: seven fractional digits and an offset, in UTC (assumption timezone-utc). */
export function serverTimeText(ms: number): string {
  const iso = new Date(ms).toISOString()
  return `${iso.slice(0, 23)}0000+00:00`
}

export function serverTime(now: number, resource: ServerTime): Record<string, string> {
  return {
    serverTime: serverTimeText(now),
    timeZone: resource.timeZone,
    ...(resource.ianaTimeZoneId !== undefined && { ianaTimeZoneId: resource.ianaTimeZoneId }),
  }
}
