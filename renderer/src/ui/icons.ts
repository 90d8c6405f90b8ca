/** Stroke icons on a 24×24 grid (drawn with round caps at stroke width 2). */
export const icons = {
  info: 'M12 16v-5M12 8h.01M21 12a9 9 0 1 1-18 0a9 9 0 0 1 18 0',
  alert: 'M12 9v4M12 17h.01M10.3 3.9L1.8 18a2 2 0 0 0 1.7 3h17a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0',
  clock: 'M12 7v5l3 3M21 12a9 9 0 1 1-18 0a9 9 0 0 1 18 0',
  calendar: 'M8 2v4M16 2v4M3 10h18M5 4h14a2 2 0 0 1 2 2v14a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2',
  eye: 'M2 12s3.5-7 10-7s10 7 10 7s-3.5 7-10 7S2 12 2 12M12 15a3 3 0 1 0 0-6a3 3 0 0 0 0 6',
  eyeOff: 'M3 3l18 18M10.6 10.6a3 3 0 0 0 4.2 4.2M9.9 5.1A10 10 0 0 1 12 5c6.5 0 10 7 10 7a17 17 0 0 1-3.2 4.1M6.6 6.6A17 17 0 0 0 2 12s3.5 7 10 7a10 10 0 0 0 5.4-1.6',
  plus: 'M12 5v14M5 12h14',
  up: 'M12 19V5M5 12l7-7l7 7',
  down: 'M12 5v14M19 12l-7 7l-7-7',
  trash: 'M3 6h18M8 6V4h8v2M19 6l-1 14a2 2 0 0 1-2 2H8a2 2 0 0 1-2-2L5 6M10 11v6M14 11v6',
  edit: 'M12 20h9M16.5 3.5a2.1 2.1 0 0 1 3 3L7 19l-4 1l1-4z',
  check: 'M20 6L9 17l-5-5',
  link: 'M10 13a5 5 0 0 0 7.5.5l3-3a5 5 0 0 0-7-7l-1.7 1.7M14 11a5 5 0 0 0-7.5-.5l-3 3a5 5 0 0 0 7 7l1.7-1.7',
  target: 'M12 22a10 10 0 1 0 0-20a10 10 0 0 0 0 20M12 18a6 6 0 1 0 0-12a6 6 0 0 0 0 12M12 14a2 2 0 1 0 0-4a2 2 0 0 0 0 4',
  archive: 'M3 4h18v4H3zM5 8v11a1 1 0 0 0 1 1h12a1 1 0 0 0 1-1V8M10 12h4',
  restore: 'M3 12a9 9 0 1 0 3-6.7L3 8M3 3v5h5',
  arrowRight: 'M5 12h14M13 6l6 6l-6 6',
  close: 'M18 6L6 18M6 6l12 12',
  flag: 'M4 22V4M4 4h13l-2 4l2 4H4',
  sparkle: 'M12 3l1.9 5.1L19 10l-5.1 1.9L12 17l-1.9-5.1L5 10l5.1-1.9zM19 17l.8 2.2L22 20l-2.2.8L19 23l-.8-2.2L16 20l2.2-.8z',
  dashboard: 'M3 13h8V3H3zM13 21h8V11h-8zM13 3v6h8V3zM3 21h8v-6H3z',
  goals: 'M4 22V4M4 4h13l-2 4l2 4H4',
  timeline: 'M3 6h10M7 12h12M5 18h8',
  chevronRight: 'M9 6l6 6l-6 6',
} as const

export type IconName = keyof typeof icons
