/** A polite live region that stays mounted, and says so when the base map cannot be shown. */
export function TilesUnavailable({ failed, message }: { failed: boolean; message: string }) {
  return (
    <div role="status" className={failed ? 'alert alert--warning' : 'visually-empty'}>
      {failed ? <p>{message}</p> : null}
    </div>
  );
}
