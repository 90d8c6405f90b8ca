/**
 * Puts text on the clipboard. The desktop app denies every permission request, which can
 * include the async Clipboard API's, so a failed writeText falls back to the older
 * selection copy, which needs no permission inside a click.
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text)
    return true
  } catch {
    const field = document.createElement('textarea')
    field.value = text
    field.setAttribute('readonly', '')
    field.style.position = 'fixed'
    field.style.opacity = '0'
    const focused = document.activeElement
    document.body.append(field)
    field.select()
    let copied: boolean
    try {
      copied = document.execCommand('copy')
    } catch {
      copied = false
    }
    field.remove()
    if (focused instanceof HTMLElement) focused.focus()
    return copied
  }
}
