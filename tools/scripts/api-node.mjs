// How every script starts the API's processes: with its heap budget, as `npm start` does
// (docs/decisions/0012-api-heap-budget.md).
export const API_NODE_FLAGS = ['--max-old-space-size=1024'];
