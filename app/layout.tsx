import type { Metadata } from "next";

import { Providers } from "@/components/ui/providers";
import { SiteHeader } from "@/components/ui/site-header";
import { uiStrings } from "@/components/ui/strings";
import { getSessionUser } from "@/lib/auth/get-session-user";

import "./globals.css";

export const metadata: Metadata = {
  title: { default: uiStrings.appName, template: `%s · ${uiStrings.appName}` },
  description: "Your Lakeview health plan: coverage and claims.",
  robots: { index: false, follow: false },
};

export default async function RootLayout({ children }: { children: React.ReactNode }): Promise<React.ReactElement> {
  const user = await getSessionUser();

  return (
    <html lang="en">
      <body>
        <a href="#main" className="skip-link">
          {uiStrings.skipToContent}
        </a>
        <SiteHeader userName={user?.name ?? null} />
        <Providers>
          <main id="main" className="page">
            {children}
          </main>
        </Providers>
      </body>
    </html>
  );
}
