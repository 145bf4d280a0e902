import Link from "next/link";

import { SignOutButton } from "@/components/auth/sign-out-button";

import { uiStrings } from "./strings";

/** Renders the top bar: app name, and for a signed-in user their name and a sign-out button. */
export function SiteHeader({ userName }: { userName: string | null }): React.ReactElement {
  return (
    <header className="site-header">
      <div className="site-header-inner">
        <Link href="/" className="site-name">
          {uiStrings.appName}
        </Link>
        {userName !== null && (
          <div className="site-user">
            <span className="site-user-name">
              <span className="visually-hidden">{uiStrings.signedInAs} </span>
              {userName}
            </span>
            <SignOutButton />
          </div>
        )}
      </div>
    </header>
  );
}
