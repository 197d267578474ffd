import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import ts from 'typescript'

/** One import (or re-export) of a source file. */
export interface Import {
  /** The module specifier as written, e.g. `@actions/core` or `./github/client.js`. */
  from: string
  /** The names imported as values (type-only names left out); `*` for a namespace import. */
  values: string[]
  /** True when nothing but types is imported (`import type`, or only `type` names). */
  typeOnly: boolean
  /** True for an `import('…')` expression, loaded only when the code runs it. */
  dynamic: boolean
}

/** Every `.ts` file under `dir`, as paths relative to `root` with `/` separators. */
export function sourceFiles(root: string, dir = 'src'): string[] {
  const found: string[] = []
  const walk = (path: string): void => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const full = join(path, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts'))
        found.push(relative(root, full).split('\\').join('/'))
    }
  }
  walk(join(root, dir))
  return found.sort()
}

function namedValues(bindings: ts.NamedImportBindings | ts.NamedExportBindings): string[] {
  if (ts.isNamespaceImport(bindings) || ts.isNamespaceExport(bindings)) return ['*']
  return bindings.elements
    .filter(element => !element.isTypeOnly)
    .map(element => (element.propertyName ?? element.name).text)
}

/** The static imports, re-exports and dynamic `import('…')` calls of one TypeScript file. */
export function importsOf(path: string): Import[] {
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest)
  const imports: Import[] = []
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause
      const values =
        clause === undefined || clause.phaseModifier === ts.SyntaxKind.TypeKeyword
          ? []
          : [
              ...(clause.name === undefined ? [] : ['default']),
              ...(clause.namedBindings === undefined ? [] : namedValues(clause.namedBindings))
            ]
      imports.push({
        from: node.moduleSpecifier.text,
        values,
        typeOnly: clause !== undefined && values.length === 0,
        dynamic: false
      })
    } else if (
      ts.isExportDeclaration(node) &&
      node.moduleSpecifier !== undefined &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      const values = node.isTypeOnly
        ? []
        : node.exportClause === undefined
          ? ['*']
          : namedValues(node.exportClause)
      imports.push({
        from: node.moduleSpecifier.text,
        values,
        typeOnly: values.length === 0,
        dynamic: false
      })
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] !== undefined &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      imports.push({ from: node.arguments[0].text, values: ['*'], typeOnly: false, dynamic: true })
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return imports
}
