process.argv.splice(2, 0, 'migrate');
await import('./run-backend-cli.mjs');
