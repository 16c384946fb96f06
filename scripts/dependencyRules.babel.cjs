/**
 * How dependency-cruiser reads TypeScript here (scripts/dependencyRules.cjs): Babel strips the types, since
 * TypeScript 7 has no JavaScript API for it to use. Stripping types would also drop `import type` lines, and a type
 * import from a later layer is still a layer break, so `keepTypeImports` first adds a plain `import 'x'` for every
 * module that is imported for its types only.
 */
function keepTypeImports({ types: t }) {
  return {
    visitor: {
      Program(program) {
        const sources = []
        program.traverse({
          ImportDeclaration({ node }) {
            if (node.importKind === 'type' || node.specifiers.some((s) => s.importKind === 'type')) sources.push(node.source.value)
          },
          ExportNamedDeclaration({ node }) {
            if (node.source && (node.exportKind === 'type' || node.specifiers.some((s) => s.exportKind === 'type'))) sources.push(node.source.value)
          },
          ExportAllDeclaration({ node }) {
            if (node.exportKind === 'type') sources.push(node.source.value)
          },
          // `import('./x.ts').Type` in a type position
          TSImportType({ node }) {
            const argument = node.argument.literal ?? node.argument
            if (typeof argument.value === 'string') sources.push(argument.value)
          },
        })
        for (const source of new Set(sources)) program.pushContainer('body', t.importDeclaration([], t.stringLiteral(source)))
      },
    },
  }
}

module.exports = {
  babelrc: false,
  configFile: false,
  plugins: [keepTypeImports],
  presets: [[require.resolve('@babel/preset-typescript'), { onlyRemoveTypeImports: true }]],
}
