import type { Forge } from '@shared/domain/forges'

/** What each forge's import form asks for, in its own words. */
export interface ForgeForm {
  intro: string
  /** The username field, when the forge needs one (GitLab always, Bitbucket Cloud). */
  username: { label: string; placeholder: string } | null
  workspace: boolean
  tokenLabel: string
  tokenPlaceholder: string
  /** Why a token is asked for, and what access is enough. */
  tokenWhy: string
  apiLabel: string
  apiPlaceholder: string
  apiHint: string
  submit: string
}

export const forgeForms: Record<Forge, ForgeForm> = {
  gitlab: {
    intro: 'Your merge requests and issues on GitLab, and your reviews of others’ merge requests (approvals and comments), on gitlab.com or your company’s server. A merge request imported again keeps its state up to date.',
    username: { label: 'GitLab username', placeholder: 'jane.doe' },
    workspace: false,
    tokenLabel: 'Personal access token',
    tokenPlaceholder: 'glpat-…',
    tokenWhy: 'Needed for private and internal projects; the read_api scope is enough.',
    apiLabel: 'Self-managed GitLab API',
    apiPlaceholder: 'https://gitlab.com/api/v4',
    apiHint: 'Your server’s address followed by /api/v4.',
    submit: 'Import from GitLab',
  },
  gitea: {
    intro: 'Your pull requests and issues on a Gitea or Forgejo server (Codeberg unless you name another). A pull request imported again keeps its state up to date.',
    username: null,
    workspace: false,
    tokenLabel: 'Access token',
    tokenPlaceholder: 'Read access to issues and repositories',
    tokenWhy: 'Required: the server finds “your” pull requests by the token.',
    apiLabel: 'Server API',
    apiPlaceholder: 'https://codeberg.org/api/v1',
    apiHint: 'Your server’s address followed by /api/v1.',
    submit: 'Import from Gitea',
  },
  bitbucket: {
    intro: 'Your pull requests on Bitbucket Cloud in one workspace, or on your Bitbucket Data Center server. A pull request imported again keeps its state up to date.',
    username: { label: 'Bitbucket username or account id', placeholder: 'jane-doe' },
    workspace: true,
    tokenLabel: 'Access token or username:app password',
    tokenPlaceholder: 'ATCTT… or jane-doe:ATBB…',
    tokenWhy: 'Needed for private repositories, and always for Data Center.',
    apiLabel: 'Bitbucket API',
    apiPlaceholder: 'https://api.bitbucket.org/2.0',
    apiHint: 'For Data Center, your server’s address followed by /rest/api/1.0: your dashboard’s pull requests are imported, no workspace needed.',
    submit: 'Import from Bitbucket',
  },
}
