/** The initials of a display name: the first letter of its first and last words (« Alice Martin » → « AM »). */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '?';
  const first = Array.from(words[0])[0] ?? '';
  const last = words.length > 1 ? (Array.from(words[words.length - 1])[0] ?? '') : '';
  return (first + last).toLocaleUpperCase();
}

export interface AvatarProps {
  /** The person's name: its initials show when there is no picture. */
  name: string;
  url?: string | null;
  size?: 'small' | 'large';
}

/**
 * A person's picture, or their initials on a coloured disc. Decorative (the name is always written beside it), hence
 * hidden from assistive technologies.
 */
export function Avatar({ name, url, size = 'small' }: AvatarProps) {
  const className = `avatar avatar--${size}`;
  return url ? (
    <img
      className={className}
      src={url}
      alt=""
      aria-hidden="true"
      loading="lazy"
      width={size === 'large' ? 96 : 24}
      height={size === 'large' ? 96 : 24}
    />
  ) : (
    // Drawn by the style sheet (`content: attr(data-initials)`): not part of the text around it, so « Par Alice Martin »
    // reads, copies and is found as written.
    <span className={`${className} avatar--initials`} aria-hidden="true" data-initials={initials(name)} />
  );
}
