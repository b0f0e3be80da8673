/**
 * The database's clock in milliseconds since 1970, as SQL. Sessions and sign-in throttling use it
 * rather than each server's own clock, so servers whose clocks drift apart still agree on when a
 * session expires or a wait ends. clock_timestamp, not now(): now() is the transaction's start,
 * which can lie before a row lock the transaction waited for.
 */
export const DATABASE_NOW_MS = '(extract(epoch FROM clock_timestamp()) * 1000)::bigint';
