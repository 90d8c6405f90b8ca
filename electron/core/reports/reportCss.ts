import type { ReportPageSize } from '@shared/domain/report'
import { chartTheme } from './theme'

/** Page geometry shared by the stylesheet and the PDF options, so the two never disagree. */
export const pageGeometry: Record<ReportPageSize, { css: string; widthMm: number }> = {
  a4: { css: 'A4', widthMm: 210 },
  letter: { css: 'Letter', widthMm: 215.9 },
}
/** Margins in millimetres: the bottom one holds the footer with the page numbers. */
export const pageMarginsMm = { top: 14, bottom: 18, left: 15, right: 15 }

/** Width of the printed text column in CSS pixels (96 per inch): what charts are drawn for. */
export const contentWidthPx = (size: ReportPageSize): number =>
  Math.floor(((pageGeometry[size].widthMm - pageMarginsMm.left - pageMarginsMm.right) / 25.4) * 96)

export function reportCss(size: ReportPageSize): string {
  const page = pageGeometry[size]
  const m = pageMarginsMm
  return /* css */ `
@page { size: ${page.css}; margin: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm; }
:root {
  --ink: ${chartTheme.ink}; --muted: ${chartTheme.muted}; --faint: #94a3b8; --line: ${chartTheme.grid}; --wash: #f6f8fb;
  --primary: ${chartTheme.primary}; --navy: #0b1f44; --gain: #059669; --warn: #b45309; --bad: #b91c1c; --violet: #6d28d9;
}
* { box-sizing: border-box; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
html { font-size: 10.5pt; }
body { margin: 0; background: #e9edf3; color: var(--ink); font-family: ${chartTheme.font};
  line-height: 1.45; font-feature-settings: "tnum" 1, "kern" 1; -webkit-font-smoothing: antialiased; }
.doc { max-width: ${page.widthMm}mm; margin: 24px auto; padding: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm; background: #fff;
  box-shadow: 0 1px 3px rgba(15,23,42,.08), 0 12px 32px rgba(15,23,42,.10); }
a { color: var(--primary); text-decoration: none; }
a:hover { text-decoration: underline; }

.band { position: relative; overflow: hidden; border-radius: 10px; padding: 18px 22px 20px; color: #fff;
  background: linear-gradient(120deg, var(--navy) 0%, #123a8c 62%, #1d4ed8 100%); }
.band::after { content: ""; position: absolute; right: -60px; top: -80px; width: 260px; height: 260px; border-radius: 50%;
  background: radial-gradient(circle, rgba(255,255,255,.16), rgba(255,255,255,0) 70%); }
.band-top { display: flex; justify-content: space-between; align-items: center; font-size: 8pt; letter-spacing: .12em;
  text-transform: uppercase; color: rgba(255,255,255,.72); }
.brand { display: inline-flex; align-items: center; gap: 7px; font-weight: 700; color: #fff; }
.brand-mark { width: 14px; height: 14px; border-radius: 4px; background: linear-gradient(135deg, #60a5fa, #34d399); display: inline-block; }
.band h1 { margin: 14px 0 2px; font-size: 23pt; line-height: 1.15; font-weight: 700; letter-spacing: -.01em; }
.band .period { margin: 0; font-size: 11pt; color: rgba(255,255,255,.88); }
.band .period strong { color: #fff; font-weight: 600; }
.band .byline { margin-top: 12px; padding-top: 10px; border-top: 1px solid rgba(255,255,255,.18); font-size: 10pt; color: rgba(255,255,255,.9); }
.band .byline strong { color: #fff; }

.intro { margin: 16px 0 4px; font-size: 11pt; color: #334155; }
.redaction { margin: 6px 0 0; font-size: 8.5pt; color: var(--muted); }

.section { margin-top: 22px; }
h2 { margin: 0 0 10px; font-size: 13.5pt; font-weight: 700; color: var(--navy); }
h2::before { content: ""; display: inline-block; width: 4px; height: 16px; margin-right: 10px; vertical-align: -2px; border-radius: 2px; background: var(--primary); }
h3 { margin: 16px 0 6px; font-size: 10.5pt; font-weight: 700; color: var(--ink); }
/* A heading is never the last line of a page: it shares an unbreakable box with what comes first under it (renderHtml's keepStart). */
h2, h3, .lead { break-after: avoid; page-break-after: avoid; }
.keep-start { break-inside: avoid; page-break-inside: avoid; }
h3 .n { color: var(--muted); font-weight: 500; }
p { margin: 6px 0; }
.lead { color: #334155; }
.small, .note { font-size: 8.5pt; color: var(--muted); }

.kpis { display: grid; grid-template-columns: repeat(3, 1fr); gap: 8px; margin: 4px 0 12px; }
.kpi { border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px 9px; background: linear-gradient(180deg, #fff, var(--wash));
  break-inside: avoid; page-break-inside: avoid; }
.kpi-value { font-size: 20pt; line-height: 1.1; font-weight: 700; color: var(--navy); letter-spacing: -.01em; }
.kpi-label { margin-top: 3px; font-size: 8pt; font-weight: 600; letter-spacing: .04em; text-transform: uppercase; color: #475569; }
.kpi-detail { font-size: 8.5pt; color: var(--muted); }
.highlights { margin: 0; padding: 0; list-style: none; }
.highlights li { position: relative; padding: 3px 0 3px 18px; }
.highlights li::before { content: ""; position: absolute; left: 2px; top: .62em; width: 7px; height: 7px; border-radius: 50%; background: var(--primary); }

table { width: 100%; border-collapse: collapse; margin: 6px 0 10px; font-size: 9pt; }
thead { display: table-header-group; }
table.fixed { table-layout: fixed; }
td.where { color: #475569; overflow-wrap: anywhere; }
th { text-align: left; font-size: 7.5pt; font-weight: 700; letter-spacing: .05em; text-transform: uppercase; color: #475569;
  background: #f1f4f9; padding: 6px 8px; border-bottom: 1px solid var(--line); }
td { padding: 5px 8px; border-bottom: 1px solid #edf0f5; vertical-align: top; }
tbody tr:nth-child(even) td { background: #fafbfd; }
tr, .goal, figure, .kpi, .notice { break-inside: avoid; page-break-inside: avoid; }
table.keep { break-inside: avoid; page-break-inside: avoid; }
.whole { white-space: nowrap; }
.num { text-align: right; white-space: nowrap; }
.nowrap { white-space: nowrap; }
td.title { width: 46%; }
.sub { display: block; font-size: 8pt; color: var(--muted); }
.notes { display: block; margin-top: 2px; font-size: 8.5pt; color: #475569; font-style: italic; }

.bar { position: relative; display: flex; height: 7px; min-width: 90px; border-radius: 4px; background: #e6ebf2; overflow: hidden; margin-top: 5px; }
.bar span { display: block; height: 100%; }
.bar .base { background: var(--primary); }
.bar .gain { background: var(--gain); }
.legend { display: flex; gap: 14px; font-size: 8pt; color: var(--muted); margin: 2px 0 6px; }
.legend i { display: inline-block; width: 9px; height: 9px; border-radius: 2px; margin-right: 5px; vertical-align: -1px; }
.legend .base { background: var(--primary); } .legend .gain { background: var(--gain); }
.overall { display: flex; align-items: baseline; gap: 12px; margin: 2px 0 8px; }
.overall .big { font-size: 20pt; font-weight: 700; color: var(--navy); }

/* Text needs more contrast than the bars: emerald-700 reads at 5.5:1 on white. */
.up { color: #047857; font-weight: 600; } .down { color: var(--bad); font-weight: 600; } .flat { color: var(--muted); }
.badge { display: inline-block; padding: 1px 7px; border-radius: 999px; font-size: 7.5pt; font-weight: 700; letter-spacing: .02em; white-space: nowrap;
  background: #eef2f7; color: #475569; }
.badge.merged { background: #ede9fe; color: var(--violet); } .badge.open { background: #dcfce7; color: #15803d; }
.badge.closed { background: #f1f5f9; color: #64748b; } .badge.done { background: #dcfce7; color: #15803d; }
.badge.in-progress { background: #dbeafe; color: #1d4ed8; } .badge.overdue { background: #fee2e2; color: var(--bad); }
.badge.not-started { background: #f1f5f9; color: #64748b; }
.pips { display: inline-flex; gap: 3px; vertical-align: middle; }
.pips i { width: 9px; height: 9px; border-radius: 50%; background: #e2e8f0; display: inline-block; }
.pips i.on { background: var(--primary); } .pips i.gain { background: var(--gain); }
.level-name { margin-left: 6px; font-size: 8.5pt; color: #475569; }

.goal { border: 1px solid var(--line); border-radius: 8px; padding: 9px 12px 10px; margin: 6px 0 8px; }
.goal-head { display: flex; justify-content: space-between; align-items: baseline; gap: 12px; }
.goal-title { font-weight: 700; }
.goal-meta { font-size: 8.5pt; color: var(--muted); margin-top: 1px; }
.goal .bar { max-width: 100%; }
.goal p { font-size: 9pt; color: #475569; }
.milestones { list-style: none; margin: 7px 0 0; padding: 0; font-size: 9pt; columns: 2; column-gap: 18px; }
.milestones li { display: flex; gap: 7px; align-items: baseline; padding: 1px 0; break-inside: avoid; }
.check { flex: none; width: 10px; height: 10px; border-radius: 3px; border: 1.5px solid #cbd5e1; position: relative; top: 1px; }
.check.done { background: var(--gain); border-color: var(--gain); }
.check.late { border-color: var(--bad); }
.milestones .when { color: var(--muted); font-size: 8pt; white-space: nowrap; }

figure { margin: 6px 0 10px; }
figure svg { display: block; max-width: 100%; height: auto; }
figcaption { font-size: 8pt; color: var(--muted); margin-top: 2px; }
.heat-legend { display: flex; align-items: center; gap: 3px; justify-content: flex-end; font-size: 8pt; color: var(--muted); }
.heat-legend i { width: 9px; height: 9px; border-radius: 2px; display: inline-block; }

.outcome-list { list-style: none; margin: 4px 0 10px; padding: 0; }
.keep-start > .outcome-list { margin-bottom: 0; }
.outcome-list.cont { margin-top: 4px; }
.outcome-list li { padding: 3px 0 3px 12px; border-left: 3px solid var(--line); margin: 0 0 4px; break-inside: avoid; page-break-inside: avoid; }
.o-title { display: block; font-weight: 600; }
.o-meta { display: block; font-size: 8.5pt; color: var(--muted); }
.o-impact { display: block; margin-top: 2px; color: #065f46; }
.o-impact::before { content: "↑ "; font-weight: 700; color: var(--gain); }
.review { margin: 6px 0; padding: 6px 12px; border-left: 3px solid var(--primary); background: var(--wash); break-inside: avoid; }
.review p { margin: 2px 0 0; }
.badge.flagged { background: #fef3c7; color: #92400e; }

.notice { margin: 22px 0; padding: 18px 20px; border: 1px solid var(--line); border-left: 4px solid var(--primary); border-radius: 8px; background: var(--wash); }
.notice strong { display: block; font-size: 12pt; color: var(--navy); margin-bottom: 4px; }
.more { font-size: 8.5pt; color: var(--muted); font-style: italic; }

.doc-foot { margin-top: 26px; padding-top: 10px; border-top: 1px solid var(--line); font-size: 8pt; color: var(--muted); }
.doc-foot p { margin: 3px 0; }

@media print {
  html, body { background: #fff; }
  .doc { max-width: none; margin: 0; padding: 0; box-shadow: none; }
  a { color: var(--primary); }
}
`
}
