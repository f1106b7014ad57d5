# What the shell tests share (sourced: `. tests/lib.sh`): a scratch
# directory $W removed on exit, and checks that count passes and failures;
# `summary` prints the count tests/run.sh reads and sets the exit status.
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
pass=0
fail=0
# status NAME WANT GOT; has|hasnt NAME FILE FIXED-STRING; like NAME FILE REGEX; same NAME FILE1 FILE2
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $1"; [ -n "${2:-}" ] && printf '%s\n' "$2" | head -20; }
status() { if [ "$2" = "$3" ]; then ok; else bad "$1: exit status $3, want $2"; fi; }
has() { if grep -qF -- "$3" "$2"; then ok; else bad "$1: no «$3» in output" "$(head -c 600 "$2")"; fi; }
hasnt() { if grep -qF -- "$3" "$2"; then bad "$1: unexpected «$3»" "$(grep -F -- "$3" "$2" | head -c 300)"; else ok; fi; }
like() { if grep -qE -- "$3" "$2"; then ok; else bad "$1: no line like «$3»" "$(head -c 600 "$2")"; fi; }
same() { if cmp -s "$2" "$3"; then ok; else bad "$1: outputs differ" "$(diff "$2" "$3" | head -5 | cut -c1-200)"; fi; }
summary() { echo "$pass passed, $fail failed"; [ "$fail" -eq 0 ]; }
