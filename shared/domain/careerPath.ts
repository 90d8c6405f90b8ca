import { z } from 'zod'

/**
 * The schema of a career path file in data/paths. Content, not code: a new role is a new
 * file that passes this schema, and the app loads it without a code change.
 */

const id = z
  .string()
  .regex(/^[a-z][a-z0-9-]*(\.[a-z0-9-]+)+$/, 'Ids look like "skill.java": a kind, a dot, a slug')
  // User-made items own this prefix, so a content update can never take over one of their ids.
  .refine((value) => !value.startsWith('custom.'), 'Ids starting with "custom." are reserved for items people add themselves')

const text = z.string().trim().min(1)

export const salaryRangeSchema = z
  .object({
    min: z.number().int().nonnegative(),
    max: z.number().int().nonnegative(),
    currency: z.string().length(3),
    period: z.enum(['year', 'month', 'hour']),
  })
  .refine((s) => s.max >= s.min, 'A salary range must not end below where it starts')

export const durationSchema = z.object({
  years: z.number().nonnegative().optional(),
  months: z.number().nonnegative().optional(),
})

export const skillSchema = z.object({
  id,
  title: text,
  description: z.string().optional(),
})

export const trackSchema = z.object({
  id,
  title: text,
  tagline: z.string().optional(),
  description: z.string().optional(),
  skills: z.array(skillSchema).default([]),
  salary: salaryRangeSchema.optional(),
})

/** Kinds of logged work a strategy is advanced by; ties the activity log to the path. */
export const activityKindSchema = z.enum([
  'pull-request',
  'issue',
  'code-review',
  'docs',
  'release',
  'commits',
  'certification',
  'meetup',
  'talk',
  'forum-answer',
  'blog-post',
  'portfolio-project',
  'learning',
])
export type ActivityKind = z.infer<typeof activityKindSchema>

export const strategySchema = z.object({
  id,
  title: text,
  description: z.string().optional(),
  activityKinds: z.array(activityKindSchema).default([]),
})

export const strategyGroupSchema = z.object({
  id,
  title: text,
  description: z.string().optional(),
  strategies: z.array(strategySchema).min(1),
})

export const stageSchema = z.object({
  id,
  title: text,
  description: z.string().optional(),
  duration: durationSchema.optional(),
  skills: z.array(skillSchema).default([]),
  tracks: z.array(trackSchema).default([]),
  strategyGroups: z.array(strategyGroupSchema).default([]),
})

export const careerPathSchema = z
  .object({
    $schema: z.string().optional(),
    schemaVersion: z.literal(1),
    id: z.string().regex(/^[a-z][a-z0-9-]*$/),
    version: text,
    title: text,
    summary: z.string().optional(),
    source: z.string().optional(),
    stages: z.array(stageSchema).min(1),
  })
  .superRefine((path, ctx) => {
    const seen = new Set<string>()
    const visit = (itemId: string, where: (string | number)[]) => {
      if (seen.has(itemId)) ctx.addIssue({ code: 'custom', message: `Duplicate id "${itemId}"`, path: where })
      seen.add(itemId)
    }
    path.stages.forEach((stage, s) => {
      visit(stage.id, ['stages', s, 'id'])
      stage.skills.forEach((skill, k) => visit(skill.id, ['stages', s, 'skills', k, 'id']))
      stage.tracks.forEach((track, t) => {
        visit(track.id, ['stages', s, 'tracks', t, 'id'])
        track.skills.forEach((skill, k) => visit(skill.id, ['stages', s, 'tracks', t, 'skills', k, 'id']))
      })
      stage.strategyGroups.forEach((group, g) => {
        visit(group.id, ['stages', s, 'strategyGroups', g, 'id'])
        group.strategies.forEach((st, k) => visit(st.id, ['stages', s, 'strategyGroups', g, 'strategies', k, 'id']))
      })
    })
  })

export type CareerPathFile = z.infer<typeof careerPathSchema>
export type SalaryRange = z.infer<typeof salaryRangeSchema>
