#!/usr/bin/env bash
# No C# line over 140 characters (.editorconfig's max_line_length): CSharpier wraps the code; this also holds SQL in raw
# strings, string literals and comments, which no formatter wraps. Generated clients (*.g.cs) are left out.
set -euo pipefail
cd "$(dirname "$0")/.."
long=$(git ls-files -z '*.cs' ':!:*.g.cs' | xargs -0 awk 'length > 140 { printf "%s:%d: %d characters\n", FILENAME, FNR, length }')
if [ -n "$long" ]; then
  echo "lines over 140 characters (wrap them: SQL at a clause, strings as \"a\" + \"b\", comments at a word):"
  echo "$long"
  exit 1
fi
