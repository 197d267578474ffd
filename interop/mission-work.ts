/**
 * What a team writes while it works a mission with spec-kitty (the parts an agent would write
 * from spec-kitty's templates): a substantive spec, a plan, tasks.md and one work package.
 */

/** A spec with a populated functional requirement, so spec-kitty's gate calls it substantive. */
export const SPEC = `# Feature Specification: Add Clerk auth

## Summary

Users sign in with Clerk instead of the home-grown login form.

## Requirements

### Functional Requirements

| ID | Title | Description | Priority | Status |
|----|-------|-------------|----------|--------|
| FR-001 | Clerk sign-in | Users sign in through Clerk's hosted page | High | Open |

## Success Criteria

- SC-001: A user signs in with Clerk.
`

/** A short plan with the sections spec-kitty's plan template asks for. */
export const PLAN = `# Implementation Plan: Add Clerk auth

## Summary

Replace the login form with Clerk.

## Technical Context

**Language/Version**: TypeScript
**Project Type**: single

## Project Structure

\`\`\`
src/auth.ts
\`\`\`
`

/** tasks.md with one work package and one subtask. */
export const TASKS = `# Work Packages: Add Clerk auth

## Work Package WP01: Clerk sign-in (Priority: P0)

**Goal**: Sign in through Clerk.
**Independent Test**: src/auth.ts exports signIn.
**Prompt**: \`/tasks/WP01-clerk-sign-in.md\`
**Requirement Refs**: FR-001

### Included Subtasks

- [ ] T001 Write src/auth.ts

### Dependencies

- None (starting package).
`

/** The work package's prompt file name under `tasks/`. */
export const WP_FILE = 'WP01-clerk-sign-in.md'

/** The work package's prompt, in the frontmatter shape of spec-kitty's task-prompt template. */
export const WP = `---
work_package_id: "WP01"
subtasks:
  - "T001"
title: "Clerk sign-in"
task_type: "implement"
phase: "Phase 1 - Core"
execution_mode: "code_change"
owned_files:
  - "src/auth.ts"
authoritative_surface: "src/"
create_intent:
  - "src/auth.ts"
requirement_refs:
  - "FR-001"
dependencies: []
agent: "claude"
history:
  - at: "2026-12-06T00:00:00Z"
    actor: "system"
    action: "Prompt generated via /spec-kitty.tasks"
---

# Work Package Prompt: WP01 – Clerk sign-in

## Objectives & Success Criteria

- src/auth.ts exports signIn.

## Subtasks

### T001 Write src/auth.ts

Write the file.
`

/** The analysis an agent records before implementation (\`/spec-kitty.analyze\`). */
export const ANALYSIS = '# Analysis\n\nSpec, plan and tasks agree. No findings.\n'

/** The work package's deliverable. */
export const AUTH_TS = "export function signIn(): string {\n  return 'clerk'\n}\n"
