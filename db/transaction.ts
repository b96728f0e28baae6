import type { Db } from "./client";

/** The handle a `db.transaction` callback receives; writes that must land together take one. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/** What a read needs: the connection itself, or a transaction to read inside of. */
export type Reader = Db | Tx;
