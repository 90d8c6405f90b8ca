export const secretStorages = ['os-keychain', 'memory', 'memory-no-keyring'] as const
export type SecretStorage = (typeof secretStorages)[number]

export interface HostInfo {
  /** The desktop app, or the web host in a browser. */
  kind: 'desktop' | 'browser'
  canPickFolder: boolean
  /** A native file picker whose path the core reads (desktop); otherwise files are uploaded. */
  canPickFile: boolean
  /** A native save dialog (desktop); otherwise files are downloaded by the browser. */
  canSaveFile: boolean
  canPrintPdf: boolean
  /**
   * Where secrets such as a GitHub token are kept: the OS keychain, or memory for this session
   * (the web host; or a desktop whose only "keychain" is Chromium's fixed-key basic_text store,
   * which is no protection, so the app does not pretend it is).
   */
  secretStorage: SecretStorage
  /** The folder holding the database and backups, to show the person where their data is. */
  dataDir: string
}

/** What a native file picker is opened for: it names the dialog and filters the files shown. */
export const pickFileKinds = ['export', 'csv', 'feed', 'badge', 'calendar'] as const
export type PickFileKind = (typeof pickFileKinds)[number]
