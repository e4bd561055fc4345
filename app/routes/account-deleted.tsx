import type { MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";

export const meta: MetaFunction = () => [{ title: "Your account has been deleted – Fifth Option" }];

export default function AccountDeleted() {
  return (
    <>
      <h1>Your account has been deleted</h1>
      <p>You have been signed out. Thank you for sharing with us.</p>
      <p>
        <Link to="/">Go to the home page</Link>
      </p>
    </>
  );
}
