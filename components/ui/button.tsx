/** Props of Button: those of a native button, plus the variant. */
export type ButtonProps = React.ButtonHTMLAttributes<HTMLButtonElement> & {
  /** "primary" for the one main action of a form or page; "secondary" (the default) for the rest. */
  variant?: "primary" | "secondary";
};

/**
 * Renders the design system's button: a native button, of type "button" unless `type` is given,
 * styled by the .button classes in app/globals.css. Server and client components can both use it.
 */
export function Button({ variant = "secondary", className, type = "button", ...props }: ButtonProps): React.ReactElement {
  const classes = ["button", variant === "primary" ? "button-primary" : null, className].filter((name) => name);
  return <button type={type} className={classes.join(" ")} {...props} />;
}
