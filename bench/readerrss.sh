#!/bin/sh
# Peak memory of the reader's load: starts BIN on DIR in a 120x40 tmux
# session under /usr/bin/time, waits until the list shows "Articles (N",
# presses q and prints "user sys wall maxRSS".
# usage: bench/readerrss.sh BIN DIR N
set -eu
bin=$1 dir=$2 n=$3
sock=readerrss$$
out=$(mktemp)
trap 'tmux -L "$sock" kill-server 2>/dev/null || true; rm -f "$out"' EXIT
tmux -L "$sock" new-session -d -s r -x 120 -y 40 "/usr/bin/time -f '%U %S %e %MKB' -o '$out' '$bin' '$dir'"
tries=0
until tmux -L "$sock" capture-pane -t r -p | grep -q "Articles ($n"; do
	tries=$((tries + 1))
	if [ "$tries" -gt 1500 ]; then
		echo "the list did not show $n articles within 5 minutes" >&2
		exit 1
	fi
	sleep 0.2
done
tmux -L "$sock" send-keys -t r q
until [ -s "$out" ]; do sleep 0.1; done
cat "$out"
