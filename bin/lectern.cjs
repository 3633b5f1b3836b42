#!/usr/bin/env node
'use strict'
// The CLI is built by `npm install` (the prepare script runs electron-vite build).
const { existsSync } = require('node:fs')
const { join } = require('node:path')

const cli = join(__dirname, '..', 'out', 'main', 'cli.js')
if (!existsSync(cli)) {
  process.stderr.write('lectern: the CLI is not built yet. Run `npm run build` in the Lectern checkout.\n')
  process.exit(2)
}
require(cli).main()
