import path from 'node:path';

/**
 * Module boundaries, checked on every import of server code:
 *  - a module's tables (`tables.ts`) and repositories (`repository.ts`, in any sub-folder) are
 *    imported only from inside that module — other modules call its services. One exception:
 *    a `tables.ts` may name another module's tables for its foreign keys;
 *  - the platform (`server/src/platform/`) depends on no module and not on `server/src/demo/`;
 *  - modules never import `server/src/demo/` (the demo seeding sits above the modules).
 * Tests and test helpers (`*.test.ts`, `testing.ts`, `server/test/`) may read any table.
 */
const SRC = path.join('server', 'src');

function place(file, root) {
  const rel = path.relative(root, file).split(path.sep).join('/');
  const m = /^server\/src\/(modules|platform)\/([^/]+)\//.exec(rel);
  if (m) return { rel, area: m[1], name: m[2] };
  if (rel.startsWith('server/src/demo/')) return { rel, area: 'demo', name: 'demo' };
  return { rel, area: 'other', name: '' };
}

const isTest = (rel) => /\.test\.tsx?$/.test(rel) || /\/testing\.ts$/.test(rel) || rel.startsWith('server/test/');
const isTables = (rel) => /\/tables\.ts$/.test(rel);
const isRepository = (rel) => /\/repository\.ts$/.test(rel);

const rule = {
  meta: {
    type: 'problem',
    docs: { description: "Keep modules' tables and repositories private; the platform depends on no module." },
    schema: [{ type: 'object', properties: { allow: { type: 'array', items: { type: 'string' } } }, additionalProperties: false }],
    messages: {
      privateTable:
        "'{{target}}' belongs to the {{owner}} module: only that module reads its tables and repositories; call its service instead.",
      platformToModule: "The platform depends on no module and not on server/src/demo ('{{target}}').",
      moduleToDemo: "Modules do not import server/src/demo ('{{target}}'): the demo seeding calls the modules, not the other way.",
    },
  },
  create(context) {
    const root = context.cwd;
    const allow = new Set(context.options[0]?.allow ?? []);
    const from = place(context.filename, root);
    if (!from.rel.startsWith('server/src/') || isTest(from.rel) || allow.has(from.rel)) return {};
    function check(node, source) {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const to = place(path.resolve(path.dirname(context.filename), source), root);
      if (!to.rel.startsWith(SRC.split(path.sep).join('/') + '/')) return;
      if (from.area === 'platform' && (to.area === 'modules' || to.area === 'demo')) {
        context.report({ node, messageId: 'platformToModule', data: { target: to.rel } });
        return;
      }
      if (from.area === 'modules' && to.area === 'demo') {
        context.report({ node, messageId: 'moduleToDemo', data: { target: to.rel } });
        return;
      }
      if (to.area !== 'modules' || !(isTables(to.rel) || isRepository(to.rel))) return;
      if (from.area === 'modules' && from.name === to.name) return;
      if (isTables(from.rel) && isTables(to.rel)) return; // foreign keys
      context.report({ node, messageId: 'privateTable', data: { target: to.rel, owner: to.name } });
    }
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};

export default { rules: { 'module-boundaries': rule } };
