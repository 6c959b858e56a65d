import { Fragment } from "react";
import "./events.css";

/** Splits after each `/` and `:`, the only places an ARN may wrap. */
export function tokenParts(value: string): string[] {
  return value.split(/(?<=[/:])/);
}

/** An ARN (or any id with `/` and `:` separators) that wraps only at its separators. */
export function ArnText({ value }: { value: string }) {
  return (
    <span className="ev-token" title={value}>
      {tokenParts(value).map((part, index) => (
        <Fragment key={index}>
          {index > 0 ? <wbr /> : null}
          {part}
        </Fragment>
      ))}
    </span>
  );
}

/** An IP address or key id: never wrapped. */
export function NoWrapToken({ value }: { value: string }) {
  return <span className="ev-token ev-nowrap">{value}</span>;
}
