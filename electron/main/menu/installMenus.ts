import { clipboard, Menu, type WebContents } from 'electron'
import { appMenuTemplate, type MenuActions, type MenuContext } from './appMenuTemplate'
import { contextMenuTemplate } from './contextMenuTemplate'

/** Electron's side of the application menu: the template is data (appMenuTemplate). */
export function installAppMenu(context: MenuContext, actions: MenuActions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate(context, actions)))
}

/** Right-click in any of the app's pages: copy and paste, spelling, links (contextMenuTemplate). */
export function attachContextMenu(contents: WebContents, openLink: (url: string) => void): void {
  contents.on('context-menu', (_event, params) => {
    const template = contextMenuTemplate(params, {
      replaceMisspelling: (word) => contents.replaceMisspelling(word),
      addToDictionary: (word) => void contents.session.addWordToSpellCheckerDictionary(word),
      openLink,
      copyText: (text) => clipboard.writeText(text),
    })
    if (template.length > 0) Menu.buildFromTemplate(template).popup()
  })
}
