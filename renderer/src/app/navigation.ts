import { views, type ViewName } from '@shared/domain/commands'

/** Each view's icon in the sidebar (24x24 stroke paths). */
const icons: Record<ViewName, string> = {
  dashboard: 'M3 13h8V3H3zM13 21h8V11h-8zM13 3v6h8V3zM3 21h8v-6H3z',
  roadmap: 'M4 19h16M4 12h10M4 5h16',
  goals: 'M4 22V4M4 4h13l-2 4l2 4H4',
  activities: 'M22 12h-4l-3 9L9 3l-3 9H2',
  reports: 'M14 2H6a2 2 0 0 0-2 2v16a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V8zM14 2v6h6M8 13h8M8 17h5',
  timeline: 'M3 6h10M7 12h12M5 18h8',
  settings: 'M4 21v-7M4 10V3M12 21v-9M12 8V3M20 21v-5M20 12V3M1 14h6M9 8h6M17 16h6',
}

/** The sidebar, in the order a person works (plan, log, report): the command table's views, whose order Ctrl/Cmd+1–7 follow. */
export const navigation = views.map((view) => ({ to: view.path, label: view.label, icon: icons[view.name] }))
