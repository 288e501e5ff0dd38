// Every tests/vectors/*.json file through the npm package in Node (no skips).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { pkgEntry, vectorsDir } from './paths.mjs';
import { runFile } from './vector-runner.mjs';
import { parseVectorFile } from './vector-file.mjs';

const api = await import(pkgEntry);
const files = readdirSync(vectorsDir).filter((f) => f.endsWith('.json')).sort();
let total = 0;
let floatText = 0;

test('vector files exist', () => assert.ok(files.length >= 8, `only ${files.length} files`));

for (const file of files) {
  test(`vectors: ${file}`, async () => {
    const doc = parseVectorFile(readFileSync(new URL(file, vectorsDir), 'utf8'));
    const { count, failures, pendingRounds } = await runFile(api, file, doc);
    assert.equal(pendingRounds, 0, 'Node reads data packs within the call');
    total += count;
    floatText += doc.vectors.filter((v) => v.floatLexeme).length;
    assert.equal(failures.length, 0, `${failures.length} of ${count} vectors failed:\n${failures.slice(0, 20).join('\n')}`);
  });
}

test('vector count', () => {
  assert.ok(total >= 300, `only ${total} vectors ran`);
  console.log(`# ${total} vectors passed in ${files.length} files (${floatText} with float-written numbers ran as JSON text)`);
});
