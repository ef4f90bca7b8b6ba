/** @module Opaque tokens: random strings shaped like the orchestrators' samples (they carry no claims). */
import { newAccessToken, newRefreshToken } from '../../security/credentials.js'
import type { TokenFormat } from './token-format.js'

export const opaque: TokenFormat = {
  pair: (state) => ({ accessToken: newAccessToken(state.random), refreshToken: newRefreshToken(state.random) }),
}
