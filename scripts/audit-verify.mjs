process.argv.splice(2, 0, 'audit-verify');
await import('./run-backend-cli.mjs');
