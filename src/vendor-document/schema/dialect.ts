/** @module The OpenAPI schema dialects the stand-in understands (Swagger 2.0 arrives converted to 3.0 by the loader). */
export type Dialect = '3.0' | '3.1'
