/** A simple heraldic shield standing in for the town's coat of arms; decorative only. */
export function TownMark() {
  return (
    <svg className="brand__mark" viewBox="0 0 32 38" width="32" height="38" aria-hidden="true" focusable="false">
      <path d="M2 2h28v16c0 9-6.5 15-14 18C8.5 33 2 27 2 18z" fill="#fff" stroke="currentColor" strokeWidth="2.5" />
      <path d="M2 14h28" stroke="currentColor" strokeWidth="2.5" />
      <path d="M9 6h4v5H9zM19 6h4v5h-4z" fill="currentColor" />
      <path d="M16 17v14" stroke="currentColor" strokeWidth="2.5" />
    </svg>
  );
}
