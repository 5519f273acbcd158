// Passes the GraphQL arguments to the Lambda data source and returns its result.
export function request(ctx) {
  return { operation: "Invoke", payload: { field: ctx.info.fieldName, arguments: ctx.args } };
}

export function response(ctx) {
  return ctx.result;
}
