/** Ends a `switch` the compiler has proven exhaustive; reaching it at run time is a bug. */
export function assertNever(value: never, what = 'case'): never {
  throw new Error(`unhandled ${what}: ${typeof value === 'string' ? value : JSON.stringify(value)}`);
}
