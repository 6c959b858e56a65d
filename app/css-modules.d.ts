// Next.js declares these in the generated next-env.d.ts, which does not exist on a fresh clone
// before the first build; `npm test` typechecks before it builds.
declare module "*.module.css" {
  const classes: Readonly<Record<string, string>>;
  export default classes;
}
