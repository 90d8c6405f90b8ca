/** The sidebar, in the order a person works: plan, log, report. */
export const navigation = [{ to: '/roadmap', label: 'Roadmap', icon: 'M4 19h16M4 12h10M4 5h16' }] as const
