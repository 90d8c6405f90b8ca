import Database from 'better-sqlite3'

// The store's ground floor: how a connection is opened, below everything that opens one.

export type Db = Database.Database

/** Opens one more SQLite connection the way the live store's are opened (tests swap it to inject faults). */
export type OpenSqlite = (file: string, options?: { readonly?: boolean; fileMustExist?: boolean }) => Db

// better-sqlite3 is a Node-API addon: the same prebuilt binary loads in Node and in Electron.
export const sqliteOpener = (): OpenSqlite => (file, options = {}) => new Database(file, options)
