import { StoreOpenError } from '../store/storeOpenError'
import type { StoreOpenFailure } from './messages'

/** A StoreOpenError flattened for the wire: an Error's own fields do not survive structured clone. */
export const storeOpenFailureOf = (error: StoreOpenError): StoreOpenFailure => ({
  code: error.code,
  message: error.message,
  dataDir: error.dataDir,
  file: error.file,
  movedTo: error.movedTo,
  newestBackup: error.newestBackup,
  lockedBy: error.lockedBy,
})

/** The same error again on main's side, so a host's recovery code reads one type in either process. */
export const storeOpenErrorFrom = (failure: StoreOpenFailure): StoreOpenError =>
  new StoreOpenError(failure.code, failure.message, { dataDir: failure.dataDir, file: failure.file, movedTo: failure.movedTo, newestBackup: failure.newestBackup, lockedBy: failure.lockedBy })
