// npm run seed:demo -- --clients 100000
process.argv.splice(2, 0, 'seed-demo');
await import('./run-backend-cli.mjs');
