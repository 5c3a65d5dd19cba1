/**
 * Buttons and button-styled links. A busy button stays focusable (`aria-disabled`, not
 * `disabled`, so focus is not thrown to the page) and ignores presses until the work is done.
 */
import type { ButtonHTMLAttributes, MouseEvent, ReactNode } from 'react';
import { Link, type LinkProps } from 'react-router';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'quiet';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  readonly variant?: ButtonVariant;
  /** Work is under way: the label changes to `busyLabel` and presses are ignored. */
  readonly busy?: boolean;
  readonly busyLabel?: string;
  readonly children: ReactNode;
}

export function buttonClass(variant: ButtonVariant = 'primary', extra?: string): string {
  return ['button', `button--${variant}`, extra].filter(Boolean).join(' ');
}

export function Button({
  variant = 'primary',
  busy = false,
  busyLabel,
  className,
  type = 'button',
  onClick,
  children,
  ...rest
}: ButtonProps) {
  const handleClick = (event: MouseEvent<HTMLButtonElement>) => {
    if (busy) {
      event.preventDefault();
      return;
    }
    onClick?.(event);
  };
  return (
    <button
      {...rest}
      type={type}
      className={buttonClass(variant, className)}
      aria-disabled={busy || rest['aria-disabled'] === true ? true : undefined}
      onClick={handleClick}
    >
      {busy ? (
        <>
          <span className="spinner spinner--small" aria-hidden="true" />
          {busyLabel ?? children}
        </>
      ) : (
        children
      )}
    </button>
  );
}

export function ButtonLink({
  variant = 'primary',
  className,
  ...rest
}: LinkProps & { readonly variant?: ButtonVariant }) {
  return <Link {...rest} className={buttonClass(variant, className)} />;
}
