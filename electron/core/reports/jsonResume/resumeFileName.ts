/** "ada-lovelace-resume.json", or "resume.json" (the name JSON Resume's tools look for) without a name. */
export function resumeFileName(name: string | null): string {
  const slug = (name ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '')
  return slug === '' ? 'resume.json' : `${slug}-resume.json`
}
