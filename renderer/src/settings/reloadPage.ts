/** Its own module so component tests can stand in for a reload, which happy-dom cannot do. */
export function reloadPage(): void {
  window.location.reload()
}
