// Generate src/api/schema.d.ts from the hub's OpenAPI document (`python -m hub openapi`, no server needed).
// `node scripts/gen-api.mjs --check` fails when the checked-in file is stale (run by `npm test`).
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import openapiTS, { astToString } from 'openapi-typescript'

const here = dirname(fileURLToPath(import.meta.url))
const root = resolve(here, '..', '..')
const out = resolve(here, '..', 'src', 'api', 'schema.d.ts')
const venv = resolve(root, '.venv', 'bin', 'python')
const python = process.env.PYTHON || (existsSync(venv) ? venv : 'python3')

const dump = spawnSync(python, ['-m', 'hub', 'openapi'], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20,
  env: { ...process.env, HUB_LOG_LEVEL: 'WARNING' } })
if (dump.status !== 0) {
  console.error(`python -m hub openapi failed (${python}):\n${dump.stderr}`)
  process.exit(2)
}
const ast = await openapiTS(JSON.parse(dump.stdout), { alphabetize: true })
const header = '// Generated from the hub\'s OpenAPI document by `npm run api:types`; do not edit.\n'
const text = header + astToString(ast)

if (process.argv.includes('--check')) {
  const current = existsSync(out) ? readFileSync(out, 'utf8') : ''
  if (current !== text) {
    console.error('src/api/schema.d.ts is stale: run `npm run api:types` (in webclient/) and commit it')
    process.exit(1)
  }
  console.log('src/api/schema.d.ts is up to date')
} else {
  writeFileSync(out, text)
  console.log(`wrote ${out}`)
}
